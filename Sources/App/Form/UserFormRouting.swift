import SCIM
import TerminalUI

/// Where the App hands the user form its slice: each router runs `UserFormUpdate` on `form` and
/// carries out what it asks (`apply`); the form itself never reaches into `AppState`.
extension AppState {
    /// Opens the form on the selected user (keeping an open form on the same user, undo and all).
    mutating func openForm() {
        guard let id = users.selectedID(store: store), let entry = store.entry(id: id) else {
            message = StatusMessage("no user selected", .warning)
            return
        }
        if form?.recordID != id {
            form = UserFormState(recordID: id, record: entry.record, neighbours: FormNeighbours(store: store, excluding: id), mapping: mappingCheck)
        }
        screen = .form
    }

    /// Keys on the form screen; text goes to the focused field (or the raw editor).
    mutating func formKey(_ key: Key, effects: inout [AppEffect]) -> Bool {
        guard var current = form else { return false }
        let (handled, requests) = UserFormUpdate.key(&current, key, context, keymaps: keymaps)
        form = current
        apply(requests, effects: &effects)
        return handled
    }

    mutating func formCommand(_ command: FormCommand, effects: inout [AppEffect]) {
        guard var current = form else {
            if command == .back { screen = .users }
            return
        }
        let requests = UserFormUpdate.update(&current, command, context)
        form = current
        apply(requests, effects: &effects)
    }

    /// The answer of the "Add extension attribute" dialog.
    mutating func addExtensionAttribute(named text: String, effects: inout [AppEffect]) {
        guard var current = form else { return }
        let requests = UserFormUpdate.addExtensionAttribute(&current, named: text)
        form = current
        apply(requests, effects: &effects)
    }

    /// Writes an edited record into the workspace and its fresh diagnostics into the table: the
    /// form's `.recordEdited`.
    mutating func recordEdited(id: Int, record: UserRecord, diagnostics found: [Diagnostic], effects: inout [AppEffect]) {
        guard store.replace(id: id, with: record) else {
            message = StatusMessage("this user was deleted; edits are not kept", .error)
            return
        }
        setDiagnostics(found, for: id)
        unsent.insert(id)
        preview = nil
        markChanged(effects: &effects)
    }

    /// Values shown in the table may have changed; keep the sort honest when leaving the form.
    mutating func resortIfNeeded() {
        if users.sort != nil || !users.query.isEmpty { resortUsers() }
    }
}
