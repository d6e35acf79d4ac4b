import SCIM
import TerminalUI

/// The columns the users table can be sorted by, in the order `s` cycles through them.
public enum UserColumn: Int, CaseIterable, Sendable {
    case externalId, userName, displayName, department, active, status

    public var title: String {
        switch self {
        case .externalId: return "externalId"
        case .userName: return "userName"
        case .displayName: return "displayName"
        case .department: return "department"
        case .active: return "active"
        case .status: return "status"
        }
    }
}

/// A structural change to the user list, kept for undo and redo.
public enum UsersEdit: Equatable, Sendable {
    case inserted([PlacedEntry])
    case removed([PlacedEntry])
}

/// The Users screen: what is shown (sorted and filtered positions), selection, marks and undo.
///
/// `rows` holds positions into the store in display order; the table draws only the rows on screen,
/// so 100,000 users cost the same to draw as 25.
public struct UsersState: Equatable, Sendable {
    public var list = ListState()
    public private(set) var rows: [Int] = []
    public private(set) var query = ""
    /// The filter being typed, while `/` is active.
    public var filterField: TextFieldState?
    public var sort: UserColumn?
    public var ascending = true
    /// Marked users, by id, so marks survive sorting, filtering and deletion of others.
    public var marks: Set<Int> = []
    public var undo: [UsersEdit] = []
    public var redo: [UsersEdit] = []
    /// The selection is on the file's own row (above the users), not on a user: the panel shows
    /// the file's findings and per-user actions have nothing to act on.
    public var onFile = false

    public init() {}

    /// Recomputes the rows from scratch: after adds, deletes, loads and sort changes.
    mutating func refresh(store: RecordStore, severity: (Int) -> Diagnostic.Severity? = { _ in nil },
                          status: (Int) -> String = { _ in "" }) {
        var order = Array(store.entries.indices)
        if let sort {
            let keys = order.map { Self.sortKey(store.entries[$0], column: sort, severity: severity) }
            order.sort { a, b in
                keys[a] == keys[b] ? a < b : (ascending ? keys[a] < keys[b] : keys[a] > keys[b])
            }
        }
        rows = query.isEmpty ? order : Self.matching(query, among: order, store: store, status: status)
    }

    /// The users whose externalId, userName, displayName or department contain `query`, or whose
    /// status badge does (`/error`, `/warning`, `/failed`), in the order of `candidates`.
    static func matching(_ query: String, among candidates: [Int], store: RecordStore, status: (Int) -> String) -> [Int] {
        let byText = Set(store.matching(query, among: candidates))
        let needle = query.lowercased()
        return candidates.filter { byText.contains($0) || status(store.entries[$0].id).contains(needle) }
    }

    /// Applies a new filter query; a longer query narrows the current rows instead of rescanning.
    mutating func filter(_ newQuery: String, store: RecordStore, viewport: Int,
                         severity: (Int) -> Diagnostic.Severity? = { _ in nil }, status: (Int) -> String = { _ in "" }) {
        let selectedID = selectedID(store: store)
        let narrowing = !query.isEmpty && newQuery.lowercased().hasPrefix(query.lowercased())
        query = newQuery
        if narrowing {
            rows = Self.matching(newQuery, among: rows, store: store, status: status)
        } else {
            refresh(store: store, severity: severity, status: status)
        }
        reselect(id: selectedID, store: store, viewport: viewport)
    }

    /// Puts the selection back on a user after the rows changed, or keeps it in range.
    mutating func reselect(id: Int?, store: RecordStore, viewport: Int) {
        if let id, let position = store.index(ofID: id), let row = rows.firstIndex(of: position) {
            list.selected = row
        }
        list = list.clamped(total: rows.count, viewport: viewport)
    }

    /// Sorts again (the sort changed, or the values it sorts by), keeping the selected user selected.
    mutating func resort(store: RecordStore, viewport: Int, severity: (Int) -> Diagnostic.Severity?,
                         status: (Int) -> String = { _ in "" }) {
        let id = selectedID(store: store)
        refresh(store: store, severity: severity, status: status)
        reselect(id: id, store: store, viewport: viewport)
    }

    /// Selects a user, clearing the filter when it hides them; false when the user is gone.
    mutating func reveal(id: Int, store: RecordStore, viewport: Int, severity: (Int) -> Diagnostic.Severity?) -> Bool {
        guard let position = store.index(ofID: id) else { return false }
        onFile = false
        if !rows.contains(position) {
            filterField = nil
            filter("", store: store, viewport: viewport, severity: severity)
        }
        reselect(id: id, store: store, viewport: viewport)
        return true
    }

    public func selectedID(store: RecordStore) -> Int? {
        guard !onFile, list.selected >= 0, list.selected < rows.count, rows[list.selected] < store.count else { return nil }
        return store.entries[rows[list.selected]].id
    }

    /// The users an action applies to: the marked ones, or else the selected one.
    public func targetIDs(store: RecordStore) -> Set<Int> {
        if !marks.isEmpty { return marks }
        return selectedID(store: store).map { [$0] } ?? []
    }

    static func sortKey(_ entry: RecordEntry, column: UserColumn, severity: (Int) -> Diagnostic.Severity?) -> String {
        let r = entry.record
        switch column {
        case .externalId:
            // Numeric ids sort as numbers: "2" before "10".
            let id = r.externalId ?? ""
            return id.allSatisfy(\.isNumber) ? String(repeating: "0", count: max(0, 20 - id.count)) + id : id.lowercased()
        case .userName: return (r.userName ?? "").lowercased()
        case .displayName: return (r.displayName ?? "").lowercased()
        case .department: return (r.department ?? "").lowercased()
        case .active: return r.active.map { $0 ? "1" : "0" } ?? "2"
        case .status:
            switch severity(entry.id) {
            case .error?: return "0"
            case .warning?: return "1"
            default: return "2"
            }
        }
    }
}
