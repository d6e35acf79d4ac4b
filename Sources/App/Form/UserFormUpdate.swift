import SCIM
import TerminalUI

/// The user form's pure update: keys, commands and the extension-attribute dialog's answer over
/// `UserFormState` alone. What the rest of the App must do comes back as `ScreenEffect`s.
///
/// Every edit also reaches five other parts of the App (the store, the diagnostics and their
/// counts, the unsent set, the now stale preview, the change generation), so the form returns one
/// `.recordEdited` request rather than taking five `inout` parameters: the App carries it out in
/// one place, in the order the requests come.
enum UserFormUpdate {
    /// Keys on the form: text goes to the focused field, or (but for apply and back) to the raw editor.
    /// `keymaps` says which keys are bound, and so are commands rather than text.
    static func key(_ state: inout UserFormState, _ key: Key, _ context: ScreenContext,
                    keymaps: AppKeymap) -> (handled: Bool, [ScreenEffect]) {
        if let raw = state.raw {
            return rawKey(&state, raw, key, context, command: keymaps.keymap(for: .form).binding(for: key)?.action)
        }
        guard key.isText || keymaps.combined(for: .form).binding(for: key) == nil else { return (false, []) }
        guard state.edit(key) else { return (false, []) }
        return (true, [edited(state)])
    }

    static func update(_ state: inout UserFormState, _ command: FormCommand, _ context: ScreenContext) -> [ScreenEffect] {
        let (changed, requests) = perform(&state, command)
        return changed ? requests + [edited(state)] : requests
    }

    /// The answer of the "Add extension attribute" dialog: a field for it, or why the name is wrong.
    static func addExtensionAttribute(_ state: inout UserFormState, named text: String) -> [ScreenEffect] {
        switch EntryEditing.parseExtensionAttribute(text) {
        case .failure(let problem):
            return [.message(StatusMessage(problem.description, .error))]
        case .success(let attribute):
            state.addExtensionAttribute(attribute)
            return [.message(StatusMessage("type the value of \(attribute.name); the URN joins schemas when it has one"))]
        }
    }

    /// Rows the raw editor shows (the fields' area less its help line): what a page moves.
    static func rawViewport(_ context: ScreenContext, computed: Bool = false) -> Int {
        FormLayout(size: context.size, computed: computed).fields.height - 1
    }

    /// The form's record, to be written into the workspace with its fresh diagnostics.
    static func edited(_ state: UserFormState) -> ScreenEffect {
        .recordEdited(id: state.recordID, record: state.record, diagnostics: state.diagnostics)
    }

    /// Runs a command; `changed` when the record changed and must reach the workspace.
    private static func perform(_ state: inout UserFormState, _ command: FormCommand) -> (changed: Bool, [ScreenEffect]) {
        switch command {
        case .nextField: state.moveFocus(1)
        case .previousField: state.moveFocus(-1)
        case .back: return (false, [.switchTo(.users)])
        case .undo:
            let done = state.undoEdit()
            return (done, done ? [] : [say("nothing to undo")])
        case .redo:
            let done = state.redoEdit()
            return (done, done ? [] : [say("nothing to redo")])
        case .revert:
            let done = state.revert()
            return (done, [say(done ? "reverted to the user as opened (alt-z undoes)" : "nothing to revert")])
        case .rawJSON: state.raw = RawJSONEditorState(record: state.record)
        case .addEntry, .removeEntry, .makePrimary: return entryCommand(&state, command)
        case .addExtensionAttribute: return (false, [.overlay(extensionAttributeDialog)])
        case .whatEntraWillSet:
            state.showsComputed.toggle()
            return (false, [say(state.showsComputed ? "what Entra will set for this user, as you type (F6 shows the checks)"
                                                    : "the checks again (F6 shows what Entra will set)")])
        case .checkWithEntra:
            state.showsComputed = true
            return (false, [.checkWithEntra(recordID: state.recordID)])
        }
        return (false, [])
    }

    /// Add, remove or make primary the email / phone number / address under the focus.
    private static func entryCommand(_ state: inout UserFormState, _ command: FormCommand) -> (changed: Bool, [ScreenEffect]) {
        switch command {
        case .addEntry:
            guard let name = state.addEntry() else {
                return (false, [say("move to an email, phone number or address first (Contact section)", .warning)])
            }
            return (true, [say("added a work entry to \(name); type its value")])
        case .removeEntry:
            guard let entry = state.removeFocusedEntry() else {
                return (false, [say("move to the email, phone number or address to remove first", .warning)])
            }
            return (true, [say("removed \(entry.attribute)[\(entry.index)] (alt-z undoes)")])
        default:
            let before = state.record
            guard let entry = state.makeFocusedEntryPrimary() else {
                return (false, [say("move to an email, phone number or address first", .warning)])
            }
            return (state.record != before, [say("\(entry.attribute)[\(entry.index)] is now the primary one")])
        }
    }

    /// Keys while the raw JSON is shown: ctrl-t applies it, Esc discards it, the rest edit it.
    private static func rawKey(_ state: inout UserFormState, _ raw: RawJSONEditorState, _ key: Key,
                               _ context: ScreenContext, command: AppCommand?) -> (handled: Bool, [ScreenEffect]) {
        switch command {
        case .form(.rawJSON)?: return (true, applyRaw(&state, raw))
        case .form(.back)?:
            state.raw = nil
            return (true, [say(raw.modified ? "raw JSON edits discarded" : "back to the fields")])
        default:
            var editing = raw
            guard editing.handle(key, viewport: rawViewport(context, computed: state.showsComputed)) else { return (false, []) }
            state.raw = editing
            return (true, [])
        }
    }

    /// Parses the raw text into the record (one undo step), or keeps the editor open with the error.
    private static func applyRaw(_ state: inout UserFormState, _ raw: RawJSONEditorState) -> [ScreenEffect] {
        switch raw.parsed() {
        case .failure(let error):
            var shown = raw
            shown.error = error.description
            state.raw = shown
            return [say("JSON error at \(error.description)", .error)]
        case .success(let object):
            var record = state.record
            record.data = object
            if record != state.record { state.replaceRecord(record, recordUndo: true) }
            state.raw = nil
            // The edit is stored first, so "raw JSON applied" is the line left showing.
            return [edited(state), say("raw JSON applied")]
        }
    }

    private static let extensionAttributeDialog = Overlay.dialog(DialogState(
        kind: .prompt(masked: false), title: "Add extension attribute",
        message: "Schema URN and attribute name, as SCIM writes them, e.g. urn:ietf:params:scim:schemas:extension:contoso:1.0:User:costCenter"),
        .addExtensionAttribute)

    private static func say(_ text: String, _ level: MessageLevel = .info) -> ScreenEffect {
        .message(StatusMessage(text, level))
    }
}
