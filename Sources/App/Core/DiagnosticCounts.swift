import SCIM

/// How many users have errors and how many have warnings (at worst), for the Users header.
///
/// Kept in the state and adjusted where diagnostics or the set of users change, so a frame never
/// rescans 100,000 users to draw two numbers.
public struct DiagnosticCounts: Equatable, Sendable {
    public var errors = 0
    public var warnings = 0

    public init(errors: Int = 0, warnings: Int = 0) {
        self.errors = errors
        self.warnings = warnings
    }

    mutating func add(_ severity: Diagnostic.Severity?, _ sign: Int = 1) {
        switch severity {
        case .error?: errors += sign
        case .warning?: warnings += sign
        default: break
        }
    }
}

extension DiagnosticCounts {
    /// "1 error, 2 warnings" for the file's own findings (notes only when there is nothing worse).
    static func fileText(_ findings: ImportFindings) -> String {
        func counted(_ n: Int, _ word: String) -> String? { n > 0 ? "\(n) \(word)\(n == 1 ? "" : "s")" : nil }
        let parts = [counted(findings.errors, "error"), counted(findings.warnings, "warning")].compactMap { $0 }
        return parts.isEmpty ? counted(findings.notes, "note") ?? "no findings" : parts.joined(separator: ", ")
    }
}

extension AppState {
    /// Counts over every user in the store: after validation, a load, or an add/delete/undo.
    mutating func recountDiagnostics() {
        var counts = DiagnosticCounts()
        for entry in store.entries { counts.add(worstSeverity(id: entry.id)) }
        diagnosticCounts = counts
    }

    /// One user's diagnostics changed (the form re-checks on every keystroke): adjust, not rescan.
    mutating func setDiagnostics(_ found: [Diagnostic], for id: Int) {
        diagnosticCounts.add(worstSeverity(id: id), -1)
        diagnostics[id] = found
        diagnosticCounts.add(worstSeverity(id: id))
    }
}
