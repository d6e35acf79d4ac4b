import ArgumentParser
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

    func run() throws {
        let loaded = try input.load(inputPath)
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
