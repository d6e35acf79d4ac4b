import ArgumentParser
import Provisioning
import SCIM

/// `send --as-is`: replay a customer's payload byte for byte, and say in advance what Entra will
/// make of it, so the 400 that follows is explained rather than a surprise.
extension SendCommand {
    func prepareAsIs(_ path: String, journal: SendJournal, endpoint: String) throws -> PreparedDocuments {
        let loaded = try input.load(path)
        let documents: [AsIsDocument]
        do {
            documents = try AsIsDocuments.split(loaded.result, bytes: loaded.bytes)
        } catch {
            StandardError.write("scimterm: \(path): \(error.description)")
            throw ExitCode(2)
        }
        let found = loaded.validate(with: Validator(limits: .commandLine)) + (try mappingFindings(path, loaded: loaded, show: false))
        showAsIsFindings(found, path: path, documents: documents.count)
        try guardDisables(impact(of: loaded.records, journal: journal, endpoint: endpoint))
        return PreparedDocuments(asIs: documents)
    }

    /// Every error and warning is shown (validation still runs); --as-is is the operator accepting them.
    private func showAsIsFindings(_ diagnostics: [Diagnostic], path: String, documents: Int) {
        let shown = DiagnosticText.sorted(diagnostics).filter { $0.severity != .note }
        for d in shown.prefix(20) { StandardError.write(DiagnosticText.line(d, file: path, hints: false)) }
        if shown.count > 20 { StandardError.write("scimterm: … and \(shown.count - 20) more (scimterm validate lists them all)") }
        for line in SendFindings.expectedRejections(diagnostics) { StandardError.write("scimterm: \(line)") }
        let recordErrors = diagnostics.count { $0.severity == .error && !SendFindings.isEnvelope($0) }
        if recordErrors > 0 {
            StandardError.write("scimterm: expect \(recordErrors) record error(s) to fail in the provisioning logs, not at upload")
        }
        StandardError.write("scimterm: sending \(documents) document\(documents == 1 ? "" : "s") as-is"
            + (diagnostics.hasErrors ? " despite \(diagnostics.errorCount) errors (--as-is)" : ""))
    }

    /// What the rebuild repaired in the input's envelope (notes), and what it kept on purpose
    /// (warnings, such as a bulkId repeated under `--bulk-id original`); errors are shown with the stop.
    func noteRebuild(_ diagnostics: [Diagnostic], path: String) {
        let shown = DiagnosticText.sorted(diagnostics).filter { $0.severity != .error && SendFindings.isEnvelope($0) }
        for d in shown.prefix(5) { StandardError.write(DiagnosticText.line(d, file: path, hints: false)) }
        if shown.count > 5 { StandardError.write("scimterm: … and \(shown.count - 5) more findings on the input's envelope") }
    }
}
