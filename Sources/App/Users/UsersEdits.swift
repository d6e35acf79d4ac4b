import SCIM
import TerminalUI

/// The Users screen's structural edits: add, duplicate, delete, and their undo and redo. Each one
/// changes the store and the screen's rows together, then asks the App to recount and autosave.
extension UsersUpdate {
    static func edit(_ state: inout UsersState, _ command: UsersCommand, store: inout RecordStore, unsent: inout Set<Int>,
                     lookup: UsersLookup, viewport: Int) -> [ScreenEffect] {
        let refresh = Refresh(lookup: lookup, viewport: viewport)
        switch command {
        case .add: return add(&state, store: &store, unsent: &unsent, refresh: refresh)
        case .duplicate: return duplicate(&state, store: &store, unsent: &unsent, refresh: refresh)
        case .delete: return delete(&state, store: &store, refresh: refresh)
        case .undo: return undo(&state, redoing: false, store: &store, refresh: refresh)
        case .redo: return undo(&state, redoing: true, store: &store, refresh: refresh)
        default: return []
        }
    }

    /// How the rows are rebuilt after an edit: the lookup sorts by status, the viewport keeps the
    /// selection on screen.
    struct Refresh {
        var lookup: UsersLookup
        var viewport: Int

        func callAsFunction(_ state: inout UsersState, select: Int?, store: RecordStore) {
            let keep = select ?? state.selectedID(store: store)
            state.refresh(store: store, severity: lookup.severityLookup, status: lookup.statusLookup)
            state.reselect(id: keep, store: store, viewport: viewport)
        }
    }

    private static func add(_ state: inout UsersState, store: inout RecordStore, unsent: inout Set<Int>,
                            refresh: Refresh) -> [ScreenEffect] {
        var record = UserRecord()
        record.schemas = [SCIMSchema.user]
        record.externalId = ""
        record.userName = ""
        record.active = true
        let id = store.insert(record)
        unsent.insert(id)
        recorded(&state, .inserted(store.placed(ids: [id])))
        refresh(&state, select: id, store: store)
        return [.recordsChanged, .follow(.form), .message(StatusMessage("added a user: fill in externalId and userName"))]
    }

    private static func duplicate(_ state: inout UsersState, store: inout RecordStore, unsent: inout Set<Int>,
                                  refresh: Refresh) -> [ScreenEffect] {
        let sources = store.placed(ids: state.targetIDs(store: store))
        guard !sources.isEmpty else { return [] }
        var newIDs: Set<Int> = []
        for source in sources.reversed() {
            var copy = source.entry.record
            copy.externalId = (copy.externalId ?? "") + "-copy"
            if let name = copy.userName { copy.userName = "copy." + name }
            newIDs.insert(store.insert(copy, at: source.position + 1))
        }
        unsent.formUnion(newIDs)
        recorded(&state, .inserted(store.placed(ids: newIDs)))
        refresh(&state, select: newIDs.min(), store: store)
        return [.recordsChanged, .message(StatusMessage("duplicated \(sources.count) user\(sources.count == 1 ? "" : "s") (u undoes)"))]
    }

    private static func delete(_ state: inout UsersState, store: inout RecordStore, refresh: Refresh) -> [ScreenEffect] {
        let ids = state.targetIDs(store: store)
        guard !ids.isEmpty else { return [] }
        let placed = store.placed(ids: ids)
        store.remove(ids: ids)
        state.marks.subtract(ids)
        recorded(&state, .removed(placed))
        refresh(&state, select: nil, store: store)
        return [.recordsChanged, .message(StatusMessage("deleted \(placed.count) user\(placed.count == 1 ? "" : "s") (u undoes)", .warning))]
    }

    private static func undo(_ state: inout UsersState, redoing: Bool, store: inout RecordStore, refresh: Refresh) -> [ScreenEffect] {
        guard let edit = redoing ? state.redo.popLast() : state.undo.popLast() else {
            return [.message(StatusMessage(redoing ? "nothing to redo" : "nothing to undo"))]
        }
        let inverse: UsersEdit
        var select: Int?
        switch edit {
        case .inserted(let placed):
            store.remove(ids: Set(placed.map(\.entry.id)))
            inverse = .removed(placed)
        case .removed(let placed):
            store.restore(placed)
            select = placed.first?.entry.id
            inverse = .inserted(placed)
        }
        if redoing { state.undo.append(inverse) } else { state.redo.append(inverse) }
        refresh(&state, select: select, store: store)
        return [.recordsChanged, .message(StatusMessage(redoing ? "redone" : "undone"))]
    }

    /// A new edit: undoable (the last 100), and whatever was undone can no longer be redone.
    private static func recorded(_ state: inout UsersState, _ edit: UsersEdit) {
        state.undo.append(edit)
        if state.undo.count > 100 { state.undo.removeFirst() }
        state.redo.removeAll()
    }
}
