import SCIM
import TerminalUI

/// The Users screen's update: pure over its own state. An add, duplicate, delete or undo is the
/// screen's reason to exist and changes the workspace's users, so the store and the set of unsent
/// ids come `inout` (explicit, and no copy of 100,000 users); what follows for the rest of the App
/// (recount, autosave, another screen opened) is returned as requests.
enum UsersUpdate {
    static func update(_ state: inout UsersState, _ command: UsersCommand, _ context: ScreenContext,
                       store: inout RecordStore, unsent: inout Set<Int>, lookup: UsersLookup) -> [ScreenEffect] {
        let viewport = lookup.viewport(context)
        switch command {
        case .move(let move):
            if moveAroundFileRow(&state, move, fileRow: lookup.fileRow, viewport: viewport) { return [] }
            if let moved = state.list.handling(move, total: state.rows.count, viewport: viewport) { state.list = moved }
            return []
        case .userLogs: return userLogs(state, store: store)
        case .filter: state.filterField = TextFieldState(state.query)
        case .clearFilter: state.filter("", store: store, viewport: viewport, severity: lookup.severityLookup, status: lookup.statusLookup)
        case .open: return [.follow(.form)]
        case .jumpToUser: return [.follow(.preview)]
        case .sort:
            let next = state.sort.map { ($0.rawValue + 1) % UserColumn.allCases.count } ?? 0
            state.sort = UserColumn(rawValue: next)
            state.resort(store: store, viewport: viewport, severity: lookup.severityLookup, status: lookup.statusLookup)
            return [.message(StatusMessage("sorted by \(state.sort?.title ?? "")"))]
        case .reverseSort:
            state.ascending.toggle()
            if state.sort == nil { state.sort = .externalId }
            state.resort(store: store, viewport: viewport, severity: lookup.severityLookup, status: lookup.statusLookup)
        case .mark: mark(&state, store: store, viewport: viewport)
        case .add, .duplicate, .delete, .undo, .redo:
            return edit(&state, command, store: &store, unsent: &unsent, lookup: lookup, viewport: viewport)
        }
        return []
    }

    /// Keys typed into the filter line (while `/` is active): the rows narrow on every keystroke.
    static func filterKey(_ state: inout UsersState, _ key: Key, field: TextFieldState, _ context: ScreenContext,
                          store: RecordStore, lookup: UsersLookup) {
        if key == .enter { state.filterField = nil; return }
        let viewport = lookup.viewport(context)
        if key == .escape {
            state.filterField = nil
            state.filter("", store: store, viewport: viewport, severity: lookup.severityLookup, status: lookup.statusLookup)
            return
        }
        guard let edited = field.handling(key) else { return }
        state.filterField = edited
        state.filter(edited.text, store: store, viewport: viewport, severity: lookup.severityLookup, status: lookup.statusLookup)
    }

    private static func userLogs(_ state: UsersState, store: RecordStore) -> [ScreenEffect] {
        guard let id = state.selectedID(store: store), let externalId = store.entry(id: id)?.record.externalId, !externalId.isEmpty else {
            return [.message(StatusMessage("this user has no externalId, which is what the provisioning logs name", .warning))]
        }
        return [.follow(.logs(externalId: externalId))]
    }

    private static func mark(_ state: inout UsersState, store: RecordStore, viewport: Int) {
        guard let id = state.selectedID(store: store) else { return }
        if state.marks.contains(id) { state.marks.remove(id) } else { state.marks.insert(id) }
        state.list = state.list.moved(by: 1, total: state.rows.count, viewport: viewport)
    }

    /// The file's row sits above the first user: up from the first user (or top) reaches it, any
    /// move down leaves it. False when the move is the list's own.
    static func moveAroundFileRow(_ state: inout UsersState, _ move: ListMove, fileRow: Bool, viewport: Int) -> Bool {
        guard fileRow else { return false }
        if state.onFile {
            guard ListMove.rows.contains(move) else { return false }
            state.onFile = false
            if move == .down { state.list = state.list.movedToTop(total: state.rows.count, viewport: viewport) }
            if move == .up || move == .top || move == .pageUp { state.onFile = true }
            return move != .bottom && move != .pageDown
        }
        guard move == .top || (move == .up && state.list.selected == 0) else { return false }
        state.onFile = true
        state.list = state.list.movedToTop(total: state.rows.count, viewport: viewport)
        return true
    }
}
