import SCIM
import TerminalUI

/// The Problems list (`!`): every finding, the file's errors and warnings first, then each user's
/// in the Users order, then the file's notes.
///
/// It holds references, not rows: at 100,000 users opening it is one pass over the users, and the
/// text of a row is built only when the row is drawn.
public struct ProblemsState: Equatable, Sendable {
    /// One finding: the file's (an index into `ImportFindings.file`) or a user's (an index into
    /// that user's diagnostics).
    public enum Ref: Equatable, Sendable {
        case file(Int)
        case user(id: Int, index: Int)
    }

    public private(set) var refs: [Ref] = []
    public var list = ListState()
    /// Where `!` was pressed: Enter goes back to the form there, to the Users screen elsewhere.
    public let from: Screen
    public private(set) var errors = 0
    public private(set) var warnings = 0
    public private(set) var notes = 0

    /// Gathers the references from the state as it is when the list opens.
    init(findings: ImportFindings, store: RecordStore, diagnostics: [Int: [Diagnostic]], from: Screen) {
        self.from = from
        // The file's notes go last: a mapping's "no user carries X" notes (one per mapped attribute)
        // must not push the users' errors and warnings below the fold.
        let fileNotes = findings.file.indices.filter { findings.file[$0].severity == .note }
        var refs: [Ref] = findings.file.indices.filter { findings.file[$0].severity != .note }.map { .file($0) }
        refs.reserveCapacity(findings.file.count + diagnostics.count)
        for d in findings.file { count(d.severity) }
        for entry in store.entries {
            guard let found = diagnostics[entry.id], !found.isEmpty else { continue }
            // Worst first within a user; most users have one finding, and the sort is over a handful.
            let order = found.count == 1 ? [0] : found.indices.sorted { (found[$0].severity, $0) < (found[$1].severity, $1) }
            for index in order {
                refs.append(.user(id: entry.id, index: index))
                count(found[index].severity)
            }
        }
        self.refs = refs + fileNotes.map { .file($0) }
    }

    private mutating func count(_ severity: Diagnostic.Severity) {
        switch severity {
        case .error: errors += 1
        case .warning: warnings += 1
        case .note: notes += 1
        }
    }

    public var isEmpty: Bool { refs.isEmpty }

    public var selectedRef: Ref? { list.selected < refs.count && list.selected >= 0 ? refs[list.selected] : nil }
}

/// One row of the Problems list, as drawn: built only for the rows on screen.
struct ProblemRow: Equatable {
    var diagnostic: Diagnostic
    /// "12:5", or "" when the finding has no place in the file.
    var place: String
    /// The user's userName (or externalId), or "file".
    var owner: String
}
