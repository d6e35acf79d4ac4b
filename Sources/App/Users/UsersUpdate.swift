import SCIM
import TerminalUI

/// How the Users screen divides its rows; `update` and `render` share it so paging matches what is
/// drawn.
struct UsersLayout {
    var body: Rect
    /// A line for the opened file's own findings, between the summary and the table.
    var hasFileRow: Bool

    init(size: Size, fileRow: Bool = false) {
        body = Rect(x: 0, y: 1, width: size.width, height: max(0, size.height - 2))
        hasFileRow = fileRow
    }

    var panelHeight: Int { body.height >= 20 ? 7 : 4 }
    private var fileRowHeight: Int { hasFileRow ? 1 : 0 }
    /// Summary line, the file's row (when it has findings), the table (header + rows), the diagnostics panel.
    var summary: Rect { Rect(x: body.x, y: body.y, width: body.width, height: 1) }
    var fileRow: Rect { Rect(x: body.x, y: body.y + 1, width: body.width, height: fileRowHeight) }
    var table: Rect {
        Rect(x: body.x, y: body.y + 1 + fileRowHeight, width: body.width, height: max(2, body.height - 1 - fileRowHeight - panelHeight))
    }
    var panel: Rect { Rect(x: body.x, y: table.maxY, width: body.width, height: max(0, body.maxY - table.maxY)) }
    var viewport: Int { max(1, table.height - 1) }
}

extension AppState {
    var usersViewport: Int { usersLayout.viewport }
    var usersLayout: UsersLayout { UsersLayout(size: size, fileRow: !findings.isEmpty) }

    func severityLookup() -> (Int) -> Diagnostic.Severity? {
        let diagnostics = self.diagnostics
        return { id in diagnostics[id]?.filter { $0.severity != .note }.map(\.severity).min() }
    }

    /// Keys typed into the filter line: the rows narrow on every keystroke.
    mutating func typeInFilter(_ key: Key, field: TextFieldState) {
        if key == .enter { users.filterField = nil; return }
        if key == .escape {
            users.filterField = nil
            users.filter("", store: store, viewport: usersViewport, severity: severityLookup())
            return
        }
        guard let edited = field.handling(key) else { return }
        users.filterField = edited
        users.filter(edited.text, store: store, viewport: usersViewport, severity: severityLookup())
    }

    /// The Users screen's commands.
    mutating func usersCommand(_ command: UsersCommand, effects: inout [AppEffect]) {
        let viewport = usersViewport
        switch command {
        case .move(let move):
            if moveAroundFileRow(move) { return }
            if let moved = users.list.handling(move, total: users.rows.count, viewport: viewport) { users.list = moved }
        case .userLogs:
            guard let id = users.selectedID(store: store), let externalId = store.entry(id: id)?.record.externalId, !externalId.isEmpty else {
                message = StatusMessage("this user has no externalId, which is what the provisioning logs name", .warning)
                return
            }
            showLogs(externalId: externalId, effects: &effects)
        case .filter: users.filterField = TextFieldState(users.query)
        case .clearFilter: users.filter("", store: store, viewport: viewport, severity: severityLookup())
        case .open: openForm()
        case .sort:
            let next = users.sort.map { ($0.rawValue + 1) % UserColumn.allCases.count } ?? 0
            users.sort = UserColumn(rawValue: next)
            resortUsers()
            message = StatusMessage("sorted by \(users.sort?.title ?? "")")
        case .reverseSort:
            users.ascending.toggle()
            if users.sort == nil { users.sort = .externalId }
            resortUsers()
        case .mark:
            if let id = users.selectedID(store: store) {
                if users.marks.contains(id) { users.marks.remove(id) } else { users.marks.insert(id) }
                users.list = users.list.moved(by: 1, total: users.rows.count, viewport: viewport)
            }
        case .add: addUser(effects: &effects)
        case .duplicate: duplicateUsers(effects: &effects)
        case .delete: deleteUsers(effects: &effects)
        case .undo: undoUsers(redoing: false, effects: &effects)
        case .redo: undoUsers(redoing: true, effects: &effects)
        case .jumpToUser: jumpToSelectedUser()
        }
    }

    /// The file's row sits above the first user: up from the first user (or top) reaches it, any
    /// move down leaves it. False when the move is the list's own.
    private mutating func moveAroundFileRow(_ move: ListMove) -> Bool {
        guard !findings.isEmpty else { return false }
        if users.onFile {
            guard ListMove.rows.contains(move) else { return false }
            users.onFile = false
            if move == .down { users.list = users.list.movedToTop(total: users.rows.count, viewport: usersViewport) }
            if move == .up || move == .top || move == .pageUp { users.onFile = true }
            return move != .bottom && move != .pageDown
        }
        guard move == .top || (move == .up && users.list.selected == 0) else { return false }
        users.onFile = true
        users.list = users.list.movedToTop(total: users.rows.count, viewport: usersViewport)
        return true
    }

    mutating func resortUsers() {
        let id = users.selectedID(store: store)
        users.refresh(store: store, severity: severityLookup())
        users.reselect(id: id, store: store, viewport: usersViewport)
    }

    private mutating func addUser(effects: inout [AppEffect]) {
        var record = UserRecord()
        record.schemas = [SCIMSchema.user]
        record.externalId = ""
        record.userName = ""
        record.active = true
        let id = store.insert(record)
        unsent.insert(id)
        recordStructureChanged(.inserted(store.placed(ids: [id])), select: id, effects: &effects)
        openForm()
        message = StatusMessage("added a user: fill in externalId and userName")
    }

    private mutating func duplicateUsers(effects: inout [AppEffect]) {
        let sources = store.placed(ids: users.targetIDs(store: store))
        guard !sources.isEmpty else { return }
        var newIDs: Set<Int> = []
        for source in sources.reversed() {
            var copy = source.entry.record
            copy.externalId = (copy.externalId ?? "") + "-copy"
            if let name = copy.userName { copy.userName = "copy." + name }
            newIDs.insert(store.insert(copy, at: source.position + 1))
        }
        unsent.formUnion(newIDs)
        recordStructureChanged(.inserted(store.placed(ids: newIDs)), select: newIDs.min(), effects: &effects)
        message = StatusMessage("duplicated \(sources.count) user\(sources.count == 1 ? "" : "s") (u undoes)")
    }

    private mutating func deleteUsers(effects: inout [AppEffect]) {
        let ids = users.targetIDs(store: store)
        guard !ids.isEmpty else { return }
        let placed = store.placed(ids: ids)
        store.remove(ids: ids)
        users.marks.subtract(ids)
        recordStructureChanged(.removed(placed), select: nil, effects: &effects)
        message = StatusMessage("deleted \(placed.count) user\(placed.count == 1 ? "" : "s") (u undoes)", .warning)
    }

    private mutating func undoUsers(redoing: Bool, effects: inout [AppEffect]) {
        guard let edit = redoing ? users.redo.popLast() : users.undo.popLast() else {
            message = StatusMessage(redoing ? "nothing to redo" : "nothing to undo")
            return
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
        if redoing { users.undo.append(inverse) } else { users.redo.append(inverse) }
        refreshAfterStructureChange(select: select, effects: &effects)
        message = StatusMessage(redoing ? "redone" : "undone")
    }

    private mutating func recordStructureChanged(_ edit: UsersEdit, select: Int?, effects: inout [AppEffect]) {
        users.undo.append(edit)
        if users.undo.count > 100 { users.undo.removeFirst() }
        users.redo.removeAll()
        refreshAfterStructureChange(select: select, effects: &effects)
    }

    private mutating func refreshAfterStructureChange(select: Int?, effects: inout [AppEffect]) {
        let keep = select ?? users.selectedID(store: store)
        users.refresh(store: store, severity: severityLookup())
        users.reselect(id: keep, store: store, viewport: usersViewport)
        recountDiagnostics()
        preview = nil
        markChanged(effects: &effects)
    }

    /// Records changed: autosave and whole-set validation follow once edits pause.
    mutating func markChanged(effects: inout [AppEffect]) {
        changeGeneration += 1
        effects.append(.settleAfter(milliseconds: 300, generation: changeGeneration))
    }
}
