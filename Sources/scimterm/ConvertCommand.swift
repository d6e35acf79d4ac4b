import ArgumentParser
import Foundation
import Provisioning
import SCIM
import Settings

/// `scimterm convert INPUT`: writes the BulkRequest documents that would be sent.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Turn a CSV or payload into BulkRequest documents of at most 50 operations.",
        discussion: """
            Writes JSON Lines (one document per line) to stdout, indented documents with --pretty, or \
            files bulk-0001.json, bulk-0002.json, … with -o DIR. A summary of what was read goes to stderr. \
            Exit status: 0, 1 when reading found errors (e.g. CSV columns that map to no attribute; the \
            documents are still written), 2 unreadable input.
            """)

    @Argument(help: ArgumentHelp("The CSV or JSON input (- reads stdin).", valueName: "INPUT"))
    var inputPath: String

    @OptionGroup var input: InputOptions
    @OptionGroup var build: BuildOptions

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write one file per document into this directory.", valueName: "DIR"))
    var output: String?

    @Flag(help: "Indent the documents.")
    var pretty = false

    func run() throws {
        let bytes = try input.read(inputPath)
        if output == nil, !pretty, try streamCSV(bytes) { return }
        let loaded = try input.load(inputPath, bytes: bytes)
        let documents = build.builder.documents(for: loaded.records)
        let style: JSONWriter.Style = pretty ? .pretty() : .compact
        if let output {
            try writeFiles(documents, to: output, style: style)
        } else {
            var out = StandardOutput()
            for doc in documents { out.write(doc.bytes(style: style) + [0x0A]) }
            out.flush()
        }
        try report(records: loaded.records.count, documents: documents.count, problems: loaded.result.diagnostics)
    }

    /// The summary on stderr; errors while reading (a CSV whose columns map to nothing, empty users)
    /// exit 1 after the documents are written, so a script does not send them unawares.
    private func report(records: Int, documents: Int, problems: [Diagnostic]) throws {
        StandardError.write("scimterm: \(records) \(plural(records, "record")) → \(documents) \(plural(documents, "document"))"
            + (problems.isEmpty ? "" : "; \(problems.errorCount) errors, \(problems.warningCount) warnings while reading (see scimterm validate)"))
        for d in DiagnosticText.sorted(problems).filter({ $0.severity == .error && $0.record == nil }).prefix(5) {
            StandardError.write(DiagnosticText.line(d, file: inputPath, hints: false))
        }
        if problems.hasErrors { throw ExitCode(1) }
    }

    /// CSV to JSON Lines on stdout, written as rows are converted: memory stays bounded whatever the
    /// file size. Returns false when the input is JSON (handled by the general path).
    private func streamCSV(_ bytes: [UInt8]) throws -> Bool {
        let summary: CSVBulkEmitter.Summary?
        do {
            summary = try InputLoader.emitCSV(path: inputPath, bytes: bytes, mappingPath: input.mapping, extensionURN: input.extensionUrn,
                                              builder: build.builder, write: ConvertOutput.write)
        } catch {
            StandardError.write("scimterm: \(error.description.visibleControlCharacters)")
            throw ExitCode(2)
        }
        guard let summary else { return false }
        try report(records: summary.records, documents: summary.documents, problems: summary.diagnostics)
        return true
    }

    private func writeFiles(_ documents: [BulkDocument], to directory: String, style: JSONWriter.Style) throws {
        do {
            try PrivateFile.makeFolder(directory)
            for (i, doc) in documents.enumerated() {
                let name = String(format: "bulk-%04d.json", i + 1)
                try PrivateFile.write(doc.bytes(style: style) + [0x0A], to: (directory as NSString).appendingPathComponent(name))
            }
        } catch {
            StandardError.write("scimterm: \(directory): \(error)")
            throw ExitCode(2)
        }
    }
}
