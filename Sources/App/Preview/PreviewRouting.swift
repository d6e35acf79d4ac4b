import SCIM
import TerminalUI

/// Where the App hands the Preview its slice: each router runs `PreviewUpdate` on `preview` and
/// carries out what it asks (`apply`); the Preview itself never reaches into `AppState`.
extension AppState {
    /// Builds the documents when the preview is shown after a change.
    mutating func ensurePreview() {
        if preview == nil { preview = PreviewState(store: store, builder: BulkRequestBuilder(batchSize: batchSize)) }
    }

    /// Keys while the search line is open; false when it is closed.
    mutating func previewKey(_ key: Key, effects: inout [AppEffect]) -> Bool {
        guard var current = preview else { return false }
        let (handled, requests) = PreviewUpdate.key(&current, key, context)
        preview = current
        apply(requests, effects: &effects)
        return handled
    }

    mutating func previewCommand(_ command: PreviewCommand, effects: inout [AppEffect]) {
        let selected = jumpTarget
        ensurePreview()
        guard var current = preview else { return }
        let requests = PreviewUpdate.update(&current, command, context, selected: command == .whatEntraWillSet || command == .checkWithEntra ? computedRecordID : selected,
                                            exportDirectory: exportDirectory, computedCount: computedRowCount)
        preview = current
        apply(requests, effects: &effects)
    }

    /// Shows the operation of the user being edited, or else the one selected on the Users screen
    /// (Users' `p`). A jump asks only for a screen and a status line, never for the runner's work,
    /// so this caller needs no effects list of its own.
    mutating func jumpToSelectedUser() {
        var none: [AppEffect] = []
        previewCommand(.jumpToUser, effects: &none)
        assert(none.isEmpty, "a jump to a user's operation started work that nobody runs")
    }

    /// The user Preview's "What Entra will set" computes: the Users selection (the user a form was
    /// opened on, unless another was picked since), or else the one open in the form.
    var computedRecordID: Int? { users.selectedID(store: store) ?? form?.recordID }

    /// What the computed view scrolls over: the mappings, and the check's header line when shown
    /// (it takes a row of the pane).
    private var computedRowCount: Int {
        entraMapping.compiled.mappings.count + (entraMapping.check?.shown(for: computedRecord, now: clock) == nil ? 0 : 1)
    }

    /// That user's record as the workspace holds it now (a form edit reaches the store at once).
    var computedRecord: UserRecord? { computedRecordID.flatMap { store.entry(id: $0)?.record } }

    /// The user a jump shows: the one open in the form while it is on screen, or else the Users selection.
    private var jumpTarget: Int? { (screen == .form ? form?.recordID : nil) ?? users.selectedID(store: store) }
}
