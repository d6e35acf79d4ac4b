import SCIM
import TerminalUI

/// The App's side of the Users screen: hands the screen its slice, then carries out what it asks.
extension AppState {
    var usersViewport: Int { usersLayout.viewport }
    var usersLayout: UsersLayout { usersLookup.layout(context) }

    func severityLookup() -> (Int) -> Diagnostic.Severity? { usersLookup.severityLookup }

    /// Keys typed into the filter line: the rows narrow on every keystroke.
    mutating func typeInFilter(_ key: Key, field: TextFieldState) {
        UsersUpdate.filterKey(&users, key, field: field, context, store: store, lookup: usersLookup)
    }

    /// The Users screen's commands.
    mutating func usersCommand(_ command: UsersCommand, effects: inout [AppEffect]) {
        let requests = UsersUpdate.update(&users, command, context, store: &store, unsent: &unsent, lookup: usersLookup)
        apply(requests, effects: &effects)
    }

    /// The values the rows are sorted or filtered by changed (validation, an edit in the form).
    mutating func resortUsers() {
        users.resort(store: store, viewport: usersViewport, severity: severityLookup(), status: usersLookup.statusLookup)
    }
}
