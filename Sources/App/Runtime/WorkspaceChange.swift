import SCIM

/// One change to the saved part of the state, small enough to append to the workspace journal on
/// every keystroke: what a replay needs to get from the state before it to the state after.
enum WorkspaceChange: Equatable {
    /// The user at this position now reads so.
    case replace(position: Int, data: JSONObject)
    /// The users were reordered, removed or inserted: the new list as runs of the old one and new users.
    case layout([LayoutPiece])
    /// The connection draft changed.
    case connection(ConnectionDraft)
    /// Too big to journal (a whole file loaded): the journal is useless until the next full save.
    case stale

    enum LayoutPiece: Equatable {
        case kept(from: Int, count: Int)
        case added(JSONObject)
    }

    /// Inline users past this make a change "stale" instead: writing them is a full save's work.
    static let inlineLimit = 1_000

    /// What changed between two states, cheaply: records whose storage is shared are skipped
    /// without comparing their contents, so a keystroke over 100,000 users costs one pass of
    /// pointer comparisons.
    static func between(_ old: AppState, _ new: AppState) -> [WorkspaceChange] {
        var changes: [WorkspaceChange] = []
        if old.connect.draft != new.connect.draft { changes.append(.connection(new.connect.draft)) }
        changes += between(old.store.entries, new.store.entries)
        return changes
    }

    static func between(_ old: [RecordEntry], _ new: [RecordEntry]) -> [WorkspaceChange] {
        if old.count == new.count, zip(old, new).allSatisfy({ $0.id == $1.id }) {
            var replaced: [WorkspaceChange] = []
            for i in new.indices where !sameRecord(old[i].record, new[i].record) {
                replaced.append(.replace(position: i, data: new[i].record.data))
                if replaced.count > inlineLimit { return [.stale] }
            }
            return replaced
        }
        return [layout(old, new)]
    }

    private static func layout(_ old: [RecordEntry], _ new: [RecordEntry]) -> WorkspaceChange {
        var position: [Int: Int] = [:]
        position.reserveCapacity(old.count)
        for (i, entry) in old.enumerated() { position[entry.id] = i }
        var pieces: [LayoutPiece] = []
        var added = 0
        for entry in new {
            if let from = position[entry.id], sameRecord(old[from].record, entry.record) {
                if case .kept(let start, let count)? = pieces.last, start + count == from {
                    pieces[pieces.count - 1] = .kept(from: start, count: count + 1)
                } else {
                    pieces.append(.kept(from: from, count: 1))
                }
            } else {
                added += 1
                if added > inlineLimit { return .stale }
                pieces.append(.added(entry.record.data))
            }
        }
        return .layout(pieces)
    }

    /// Equal as saved (the workspace keeps only `data`), answered by storage identity first: an
    /// untouched record shares its copy's.
    static func sameRecord(_ a: UserRecord, _ b: UserRecord) -> Bool {
        sharesStorage(a.data.members, b.data.members) || a.data == b.data
    }

    private static func sharesStorage<T>(_ a: [T], _ b: [T]) -> Bool {
        a.count == b.count && a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress } }
    }
}
