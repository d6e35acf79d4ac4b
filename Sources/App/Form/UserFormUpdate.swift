import SCIM
import TerminalUI

/// The form's share of the screen: a header line, the fields (or the raw JSON), the checks panel.
struct FormLayout {
    var body: Rect
    init(size: Size) { body = Rect(x: 0, y: 1, width: size.width, height: max(0, size.height - 2)) }
    var header: Rect { Rect(x: body.x, y: body.y, width: body.width, height: 1) }
    var panelHeight: Int { body.height >= 20 ? 6 : 3 }
    var fields: Rect { Rect(x: body.x + 1, y: body.y + 1, width: body.width - 2, height: max(1, body.height - 1 - panelHeight)) }
    var panel: Rect { Rect(x: body.x, y: fields.maxY, width: body.width, height: max(0, body.maxY - fields.maxY)) }
}

extension AppState {
    /// Opens the form on the selected user (keeping an open form on the same user, undo and all).
    mutating func openForm() {
        guard let id = users.selectedID(store: store), let entry = store.entry(id: id) else {
            message = StatusMessage("no user selected", .warning)
            return
        }
        if form?.recordID != id { form = UserFormState(recordID: id, record: entry.record, neighbours: FormNeighbours(store: store, excluding: id)) }
        screen = .form
    }

    /// Keys on the form screen; text goes to the focused field (or the raw editor).
    mutating func formKey(_ key: Key, effects: inout [AppEffect]) -> Bool {
        guard var current = form else { return false }
        let viewport = FormLayout(size: size).fields.height - 1
        if var raw = current.raw {
            switch keymaps.keymap(for: .form).binding(for: key)?.action {
            case .form(.rawJSON)?: applyRaw(raw, effects: &effects); return true
            case .form(.back)?:
                current.raw = nil
                form = current
                message = StatusMessage(raw.modified ? "raw JSON edits discarded" : "back to the fields")
                return true
            default:
                guard raw.handle(key, viewport: viewport) else { return false }
                current.raw = raw
                form = current
                return true
            }
        }
        guard key.isText || keymaps.combined(for: .form).binding(for: key) == nil else { return false }
        guard current.edit(key) else { return false }
        form = current
        commitForm(effects: &effects)
        return true
    }

    mutating func formCommand(_ command: FormCommand, effects: inout [AppEffect]) {
        guard var current = form else {
            if command == .back { screen = .users }
            return
        }
        var changed = false
        switch command {
        case .nextField: current.moveFocus(1)
        case .previousField: current.moveFocus(-1)
        case .back:
            screen = .users
            resortIfNeeded()
        case .undo:
            changed = current.undoEdit()
            if !changed { message = StatusMessage("nothing to undo") }
        case .redo:
            changed = current.redoEdit()
            if !changed { message = StatusMessage("nothing to redo") }
        case .revert:
            changed = current.revert()
            message = StatusMessage(changed ? "reverted to the user as opened (alt-z undoes)" : "nothing to revert")
        case .rawJSON: current.raw = RawJSONEditorState(record: current.record)
        case .addEntry:
            if let name = current.addEntry() {
                changed = true
                message = StatusMessage("added a work entry to \(name); type its value")
            } else {
                message = StatusMessage("move to an email, phone number or address first (Contact section)", .warning)
            }
        case .removeEntry:
            if let entry = current.removeFocusedEntry() {
                changed = true
                message = StatusMessage("removed \(entry.attribute)[\(entry.index)] (alt-z undoes)")
            } else {
                message = StatusMessage("move to the email, phone number or address to remove first", .warning)
            }
        case .makePrimary:
            if let entry = current.makeFocusedEntryPrimary() {
                changed = current.record != form?.record
                message = StatusMessage("\(entry.attribute)[\(entry.index)] is now the primary one")
            } else {
                message = StatusMessage("move to an email, phone number or address first", .warning)
            }
        case .addExtensionAttribute:
            overlay = .dialog(DialogState(
                kind: .prompt(masked: false), title: "Add extension attribute",
                message: "Schema URN and attribute name, as SCIM writes them, e.g. urn:ietf:params:scim:schemas:extension:contoso:1.0:User:costCenter"),
                .addExtensionAttribute)
        }
        form = current
        if changed { commitForm(effects: &effects) }
    }

    /// The answer of the "Add extension attribute" dialog: a field for it, or why the name is wrong.
    mutating func addExtensionAttribute(named text: String) {
        guard var current = form else { return }
        switch EntryEditing.parseExtensionAttribute(text) {
        case .failure(let problem):
            message = StatusMessage(problem.description, .error)
        case .success(let attribute):
            current.addExtensionAttribute(attribute)
            form = current
            message = StatusMessage("type the value of \(attribute.name); the URN joins schemas when it has one")
        }
    }

    private mutating func applyRaw(_ raw: RawJSONEditorState, effects: inout [AppEffect]) {
        guard var current = form else { return }
        switch raw.parsed() {
        case .failure(let error):
            var shown = raw
            shown.error = error.description
            current.raw = shown
            form = current
            message = StatusMessage("JSON error at \(error.description)", .error)
        case .success(let object):
            var record = current.record
            record.data = object
            if record != current.record { current.replaceRecord(record, recordUndo: true) }
            current.raw = nil
            form = current
            commitForm(effects: &effects)
            message = StatusMessage("raw JSON applied")
        }
    }

    /// Writes the form's record into the workspace and its fresh diagnostics into the table.
    mutating func commitForm(effects: inout [AppEffect]) {
        guard let current = form else { return }
        guard store.replace(id: current.recordID, with: current.record) else {
            message = StatusMessage("this user was deleted; edits are not kept", .error)
            return
        }
        setDiagnostics(current.diagnostics, for: current.recordID)
        unsent.insert(current.recordID)
        preview = nil
        markChanged(effects: &effects)
    }

    /// Values shown in the table may have changed; keep the sort honest when leaving the form.
    mutating func resortIfNeeded() {
        if users.sort != nil || !users.query.isEmpty { resortUsers() }
    }
}
