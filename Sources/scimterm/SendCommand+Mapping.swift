import Foundation
import Mapping
import SCIM
import Settings

/// `send --schema FILE`: the job's mapping checked before anything goes, as `validate --schema`
/// does. Its errors (an empty matching attribute: Entra cannot match the user) join validation's
/// and stop the send unless --force; its warnings (an attribute the mapping does not read is
/// accepted and ignored) are shown, because a 202 will not say so.
extension SendCommand {
    func mappingFindings(_ path: String, loaded: LoadedInput?, show: Bool = true) throws -> [Diagnostic] {
        guard let findings = try mapping.findings() else { return [] }
        let found = findings.findings(in: path, loaded: loaded) { try? input.load(path) } ?? []
        if show { showMappingWarnings(found, path: path) }
        return found
    }

    private func showMappingWarnings(_ found: [Diagnostic], path: String) {
        let shown = DiagnosticText.sorted(found).filter { $0.severity == .warning }
        for d in shown.prefix(20) { StandardError.write(DiagnosticText.line(d, file: path, hints: false)) }
        if shown.count > 20 {
            StandardError.write("scimterm: … and \(shown.count - 20) more mapping warnings (scimterm validate --schema lists them all)")
        }
    }
}
