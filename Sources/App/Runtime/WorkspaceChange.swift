import Foundation
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
        guard old.count == new.count else { return [layout(old, new)] }
        var replaced: [WorkspaceChange] = []
        for i in differingSlots(old, new) where !sameRecord(old[i].record, new[i].record) || old[i].id != new[i].id {
            guard old[i].id == new[i].id else { return [layout(old, new)] }
            replaced.append(.replace(position: i, data: new[i].record.data))
            if replaced.count > inlineLimit { return [.stale] }
        }
        return replaced
    }

    /// Positions whose bytes differ. An untouched entry is a bitwise copy (same id, same storage
    /// references), so `memcmp` over blocks skips them at memory speed; a differing slot may still
    /// hold an equal record and is compared properly by the caller.
    static func differingSlots(_ old: [RecordEntry], _ new: [RecordEntry]) -> [Int] {
        let stride = MemoryLayout<RecordEntry>.stride
        let block = 256
        return old.withUnsafeBytes { a in
            new.withUnsafeBytes { b in
                guard let x = a.baseAddress, let y = b.baseAddress else { return [] }
                var slots: [Int] = []
                for start in Swift.stride(from: 0, to: old.count, by: block) {
                    let end = min(start + block, old.count)
                    guard memcmp(x + start * stride, y + start * stride, (end - start) * stride) != 0 else { continue }
                    slots += (start..<end).filter { memcmp(x + $0 * stride, y + $0 * stride, stride) != 0 }
                }
                return slots
            }
        }
    }

    /// The unchanged head and tail are found bytewise; only the middle is matched by id.
    private static func layout(_ old: [RecordEntry], _ new: [RecordEntry]) -> WorkspaceChange {
        let shorter = min(old.count, new.count)
        let head = (0..<shorter).first { !bitwiseEqual(old, $0, new, $0) } ?? shorter
        let tail = (0..<(shorter - head)).first { !bitwiseEqual(old, old.count - 1 - $0, new, new.count - 1 - $0) } ?? (shorter - head)
        var pieces: [LayoutPiece] = []
        func keep(_ from: Int) {
            if case .kept(let start, let count)? = pieces.last, start + count == from {
                pieces[pieces.count - 1] = .kept(from: start, count: count + 1)
            } else {
                pieces.append(.kept(from: from, count: 1))
            }
        }
        if head > 0 { pieces.append(.kept(from: 0, count: head)) }
        var position: [Int: Int] = [:]
        for i in head..<(old.count - tail) { position[old[i].id] = i }
        var added = 0
        for entry in new[head..<(new.count - tail)] {
            if let from = position[entry.id], sameRecord(old[from].record, entry.record) { keep(from); continue }
            added += 1
            if added > inlineLimit { return .stale }
            pieces.append(.added(entry.record.data))
        }
        if tail > 0 {
            if case .kept(let start, let count)? = pieces.last, start + count == old.count - tail {
                pieces[pieces.count - 1] = .kept(from: start, count: count + tail)
            } else {
                pieces.append(.kept(from: old.count - tail, count: tail))
            }
        }
        return .layout(pieces)
    }

    private static func bitwiseEqual(_ a: [RecordEntry], _ i: Int, _ b: [RecordEntry], _ j: Int) -> Bool {
        let stride = MemoryLayout<RecordEntry>.stride
        return a.withUnsafeBytes { x in
            b.withUnsafeBytes { y in
                guard let p = x.baseAddress, let q = y.baseAddress else { return false }
                return memcmp(p + i * stride, q + j * stride, stride) == 0
            }
        }
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
