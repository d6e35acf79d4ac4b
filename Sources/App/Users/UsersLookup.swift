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

    init(diagnostics: [Int: [Diagnostic]] = [:], fileRow: Bool = false) {
        self.diagnostics = diagnostics
        self.fileRow = fileRow
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
