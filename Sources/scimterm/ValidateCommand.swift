import ArgumentParser
import SCIM
import Settings

/// `scimterm validate FILE…`: compiler-style diagnostics for payloads and CSV files.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check payloads or CSV files against RFC 7643/7644 and Entra's rules.",
        discussion: """
            Prints FILE:LINE:COL: error|warning|note: message [rule] lines and a summary. Errors mean \
            Entra will reject the request or the record will certainly fail; warnings go through but \
            probably not as intended. Exit status: 0 no errors, 1 errors, 2 unreadable input.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: ArgumentHelp("Files to check (JSON or CSV; - reads stdin).", valueName: "FILE"))
    var files: [String]

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: text (like a compiler) or json.")
    var format: Format = .text

    @Flag(help: "Leave out the fix hints.")
    var noHints = false

    @OptionGroup var mapping: MappingOptions

    func run() throws {
        var anyErrors = false, unreadable = false
        var jsonOut: [JSONValue] = []
        var out = StandardOutput()
        let findings = try mapping.findings()
        for file in files {
            guard let checked = check(file) else {
                unreadable = true
                continue
            }
            var found = checked.diagnostics
            if let findings {
                found += findings.findings(in: file, loaded: checked.loaded) { try? input.load(file) } ?? []
            }
            let diagnostics = DiagnosticText.sorted(found)
            anyErrors = anyErrors || diagnostics.hasErrors
            switch format {
            case .json:
                jsonOut += DiagnosticText.json(diagnostics, file: file).arrayValue ?? []
            case .text:
                for d in diagnostics { out.write(DiagnosticText.line(d, file: file, hints: !noHints) + "\n") }
                out.write(summary(file, checked, diagnostics) + "\n")
            }
        }
        if format == .json { out.write(JSONWriter.pretty.bytes(.array(jsonOut)) + [0x0A]) }
        out.flush()
        if unreadable { throw ExitCode(2) }
        if anyErrors { throw ExitCode(1) }
    }

    /// A JSON file streamed, or any file read whole; nil when it cannot be read (reported on stderr).
    private func check(_ file: String) -> ValidatedFile? {
        let validator = Validator(limits: .commandLine)
        if let streamed = StreamedValidation.validate(file, validator: validator) { return streamed }
        guard let loaded = try? input.load(file) else { return nil }
        return ValidatedFile(diagnostics: loaded.validate(with: validator), records: loaded.records.count,
                             documents: loaded.result.documents.count, isCSV: loaded.result.format == .csv, loaded: loaded)
    }

    private func summary(_ path: String, _ checked: ValidatedFile, _ ds: [Diagnostic]) -> String {
        let records = checked.records
        let documents = checked.documents
        let what = checked.isCSV
            ? "\(records) \(plural(records, "record")) from CSV"
            : "\(records) \(plural(records, "record")) in \(documents) \(plural(documents, "document"))"
        return "\(path): \(what): \(ds.errorCount) \(plural(ds.errorCount, "error")), "
            + "\(ds.warningCount) \(plural(ds.warningCount, "warning")), \(ds.noteCount) \(plural(ds.noteCount, "note"))"
    }
}

func plural(_ n: Int, _ word: String) -> String { n == 1 ? word : word + "s" }
