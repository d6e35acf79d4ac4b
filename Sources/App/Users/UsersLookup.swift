import SCIM
import TerminalUI

/// What the Users update reads of the rest of the App besides the store: each user's findings (the
/// status column sorts by them) and whether the opened file has findings of its own (a file row
/// then sits above the users, taking a row of the table's height).
///
/// It holds no store, so passing the store `inout` beside it never copies 100,000 users.
struct UsersLookup {
    var diagnostics: [Int: [Diagnostic]]
    var fileRow: Bool
    /// What the last send made of each user, and who changed since: the status column's other half.
    var sendStatus: [Int: RecordSendStatus]
    var unsent: Set<Int>

    init(diagnostics: [Int: [Diagnostic]] = [:], fileRow: Bool = false, sendStatus: [Int: RecordSendStatus] = [:], unsent: Set<Int> = []) {
        self.diagnostics = diagnostics
        self.fileRow = fileRow
        self.sendStatus = sendStatus
        self.unsent = unsent
    }

    /// A user's status badge and its colour, as the status column shows it (and the filter matches
    /// it): what Entra said once sent (until the user is edited again), else the worst finding,
    /// "changed" when edited and clean, "ok".
    func badge(_ id: Int) -> (text: String, role: ThemeRole) {
        if let sent = sendStatus[id], !unsent.contains(id) || sent == .queued || sent == .sending || sent.isImported {
            return (sent.badge, UsersView.role(sent))
        }
        switch severity(id) {
        case .error?: return ("error", .error)
        case .warning?: return ("warning", .warning)
        default: return (unsent.contains(id) ? "changed" : "ok", .success)
        }
    }

    /// `badge`'s text as the closure `UsersState`'s filter takes.
    var statusLookup: (Int) -> String {
        let lookup = self
        return { lookup.badge($0).text }
    }

    /// A user's worst finding, or nil when clean (notes do not count).
    func severity(_ id: Int) -> Diagnostic.Severity? {
        diagnostics[id]?.filter { $0.severity != .note }.map(\.severity).min()
    }

    /// `severity` as the closure `UsersState`'s sort and filter take.
    var severityLookup: (Int) -> Diagnostic.Severity? {
        let lookup = self
        return { lookup.severity($0) }
    }

    func layout(_ context: ScreenContext) -> UsersLayout { UsersLayout(size: context.size, fileRow: fileRow) }

    func viewport(_ context: ScreenContext) -> Int { layout(context).viewport }
}
