import ArgumentParser
import Mapping
import SCIM
import Settings

/// `scimterm preview INPUT`: what would be sent, indented, coloured on a terminal.
struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Pretty-print the BulkRequest documents that would be sent.",
        discussion: "Colour only when stdout is a terminal and NO_COLOR is not set.")

    @Argument(help: ArgumentHelp("The CSV or JSON input (- reads stdin).", valueName: "INPUT"))
    var inputPath: String

    @OptionGroup var input: InputOptions
    @OptionGroup var build: BuildOptions

    @Option(help: ArgumentHelp("Show only document N (1-based).", valueName: "N"))
    var batch: Int?

    @Flag(help: "Colour even when stdout is not a terminal (NO_COLOR still wins).")
    var color = false

    @OptionGroup var mapping: MappingOptions

    @Flag(help: "With --schema: per user, what Entra will set (target, value, expression, flow type) instead of the documents.")
    var computed = false

    @Flag(help: "With --computed: JSON instead of a table.")
    var json = false

    func validate() throws {
        if computed && mapping.schema.schemaFile == nil { throw ValidationError("--computed needs --schema FILE (the job's schema)") }
        if json && !computed { throw ValidationError("--json goes with --computed") }
    }

    func run() throws {
        let loaded = try input.load(inputPath)
        if let findings = try mapping.findings() {
            let found = DiagnosticText.sorted(findings.findings(in: inputPath, loaded: loaded) { nil } ?? [])
            for d in found { StandardError.write(DiagnosticText.line(d, file: inputPath)) }
            if computed {
                var out = StandardOutput()
                printComputed(loaded.records, findings: findings, out: &out)
                out.flush()
                return
            }
        }
        let documents = build.builder.documents(for: loaded.records)
        var selected = Array(documents.indices)
        if let batch {
            guard documents.indices.contains(batch - 1) else {
                StandardError.write("scimterm: --batch \(batch): there \(documents.count == 1 ? "is" : "are") \(documents.count) \(plural(documents.count, "document"))")
                throw ExitCode(2)
            }
            selected = [batch - 1]
        }
        let colour = TerminalDetection.stdoutWantsColour || (color && !TerminalDetection.noColorSet)
        var out = StandardOutput()
        for i in selected {
            let doc = documents[i]
            let bytes = doc.bytes(style: .pretty())
            if colour {
                out.write(JSONHighlighter.comment("// document \(i + 1) of \(documents.count): \(doc.operationCount) operations, \(doc.bytes().count) bytes as sent") + "\n")
                out.write(JSONHighlighter.highlight(bytes) + "\n")
            } else {
                out.write(bytes + [0x0A])
            }
        }
        out.flush()
    }
}
