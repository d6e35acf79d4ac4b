import SCIM
import TerminalUI

/// The user form: one record being edited live (every change reaches the workspace at once, so
/// nothing typed can be lost), its fields, its own diagnostics, and undo/redo/revert.
public struct UserFormState: Equatable, Sendable {
    public let recordID: Int
    /// The record as it was when the form opened: what "revert" goes back to.
    public let original: UserRecord
    public private(set) var record: UserRecord
    public var form: FormState
    var specs: [String: FieldSpec]
    public private(set) var undo: [UserRecord] = []
    public private(set) var redo: [UserRecord] = []
    /// The field of the last edit: typing on in the same field extends one undo step.
    private var lastEdited: String?
    /// This record's diagnostics, re-checked on every keystroke.
    public private(set) var diagnostics: [Diagnostic] = []
    /// The raw JSON editor, when shown instead of the fields.
    public var raw: RawJSONEditorState?
    /// The pane under the form shows "What Entra will set" instead of the checks.
    public var showsComputed = false
    /// Extension attributes added by URN + name and not typed into yet.
    var pending: [EntryEditing.ExtensionAttribute] = []
    /// The other users' externalIds and userNames, for the set-level checks of this one.
    let neighbours: FormNeighbours
    /// The job's mapping, when one was read: its findings join the record's own on every keystroke.
    public private(set) var mapping: MappingCheck?

    public init(recordID: Int, record: UserRecord, neighbours: FormNeighbours = FormNeighbours(), mapping: MappingCheck? = nil) {
        self.recordID = recordID
        self.original = record
        self.record = record
        self.neighbours = neighbours
        self.mapping = mapping
        let built = UserFormFields.build(record)
        form = FormState(built.items)
        specs = Dictionary(built.specs.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        revalidate()
    }

    public var isModified: Bool { record != original }

    /// Applies an editing key to the focused field and writes the field into the record.
    mutating func edit(_ key: Key) -> Bool {
        guard let field = form.focusedField, let edited = field.input.handling(key) else { return false }
        guard edited.text != field.input.text else {
            form = form.updating(field.id) { $0.input = edited }
            return true
        }
        if lastEdited != field.id || undo.isEmpty { pushUndo() }
        lastEdited = field.id
        form = form.updating(field.id) { $0.input = edited }
        if let spec = specs[field.id] {
            record = RecordPathEditing.setting(UserFormFields.parse(edited.text, kind: spec.kind), at: spec.path, in: record)
            record = RecordPathEditing.restoringPosition(of: spec.path, in: record, like: original)
        }
        revalidate()
        return true
    }

    /// Up and Down stop at the first and last field (Tab moves between screens, so nothing here wraps).
    mutating func moveFocus(_ delta: Int) {
        form = form.focusing(min(max(0, form.focus + delta), max(0, form.fields.count - 1)))
        lastEdited = nil
    }

    mutating func undoEdit() -> Bool {
        guard let previous = undo.popLast() else { return false }
        redo.append(record)
        replaceRecord(previous, focusingChange: true)
        return true
    }

    mutating func redoEdit() -> Bool {
        guard let next = redo.popLast() else { return false }
        undo.append(record)
        replaceRecord(next, focusingChange: true)
        return true
    }

    mutating func revert() -> Bool {
        guard record != original else { return false }
        pushUndo()
        replaceRecord(original, focusingChange: true)
        return true
    }

    /// Takes a whole new record (from undo, revert or the raw JSON editor), keeping the focus, or
    /// with `focusingChange` moving it to the first field the change touched (so an undo shows what
    /// it undid, even far down the form).
    mutating func replaceRecord(_ new: UserRecord, recordUndo: Bool = false, focusingChange: Bool = false) {
        if recordUndo { pushUndo() }
        record = new
        let before = Dictionary(form.fields.map { ($0.id, $0.input.text) }, uniquingKeysWith: { a, _ in a })
        let built = UserFormFields.build(new, pending: pending)
        form = FormState(built.items, focus: form.focus)
        if focusingChange, let changed = form.fields.firstIndex(where: { before[$0.id] != $0.input.text }) {
            form = form.focusing(changed)
        }
        specs = Dictionary(built.specs.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        lastEdited = nil
        revalidate()
    }

    /// A new mapping (the job's schema pulled or extended): the record is checked against it at once.
    mutating func setMapping(_ new: MappingCheck?) {
        guard new != mapping else { return }
        mapping = new
        revalidate()
    }

    private mutating func pushUndo() {
        undo.append(record)
        if undo.count > 200 { undo.removeFirst() }
        redo.removeAll()
    }

    /// Re-runs the record's own rules and puts each message under the field its path names.
    private mutating func revalidate() {
        var bare = record
        bare.origin = nil
        let mapped = mapping?.check(bare) ?? []
        diagnostics = (Validator().recordDiagnostics([bare]) + neighbours.diagnostics(for: bare) + mapped).filter { $0.severity != .note }
        var byField: [String: [String]] = [:]
        let ids = form.fields.map(\.id)
        for d in diagnostics {
            guard let id = fieldID(for: d, among: ids) else { continue }
            byField[id, default: []].append(d.message)
        }
        for id in ids {
            let message = byField[id]?.joined(separator: "; ")
            if form.field(id)?.error != message { form = form.updating(id) { $0.error = message } }
        }
    }

    /// The diagnostics that no field shows, for the panel under the form.
    public var unplacedDiagnostics: [Diagnostic] {
        let ids = form.fields.map(\.id)
        return diagnostics.filter { fieldID(for: $0, among: ids) == nil }
    }

    /// A diagnostic's path names a field exactly, or an attribute whose first field stands for it;
    /// a missing attribute is reported at the root, so its rule id (`scim.userName.missing`) names it.
    private func fieldID(for diagnostic: Diagnostic, among ids: [String]) -> String? {
        if let path = diagnostic.path, !path.components.isEmpty {
            let text = path.description
            if ids.contains(text) { return text }
            return ids.first { $0.hasPrefix(text + ".") || $0.hasPrefix(text + "[") }
        }
        for part in diagnostic.rule.split(separator: ".").dropFirst() {
            if let id = ids.first(where: { $0.lowercased() == part.lowercased() }) { return id }
        }
        return nil
    }
}
