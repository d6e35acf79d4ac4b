import SCIM

/// A record in the workspace with an identity that survives sorting, filtering and deletion of
/// others, so marks, diagnostics and the open form keep pointing at the same person.
public struct RecordEntry: Sendable, Equatable {
    public var id: Int
    public var record: UserRecord

    public init(id: Int, record: UserRecord) {
        self.id = id
        self.record = record
    }
}

/// The workspace's users, in their send order, with a lower-cased search text per record.
///
/// The search text is kept next to the records and refreshed only for a record that changes, so a
/// filter keystroke over 100,000 users costs one pass of byte comparisons and nothing else.
public struct RecordStore: Sendable, Equatable {
    public private(set) var entries: [RecordEntry]
    /// UTF-8 of "externalId userName displayName department", lower-cased, parallel to `entries`.
    private(set) var haystacks: [[UInt8]]
    private(set) var nextID: Int

    public init(_ records: [UserRecord] = []) {
        // A workspace record has no file position any more: diagnostics point at paths inside the user.
        entries = records.enumerated().map { item in
            var record = item.element
            record.origin = nil
            return RecordEntry(id: item.offset + 1, record: record)
        }
        haystacks = entries.map { Self.haystack($0.record) }
        nextID = records.count + 1
    }

    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }
    public var records: [UserRecord] { entries.map(\.record) }

    public func index(ofID id: Int) -> Int? {
        // Ids grow with position until records are deleted or inserted, so try the likely spot first.
        if id - 1 < entries.count, id >= 1, entries[id - 1].id == id { return id - 1 }
        return entries.firstIndex { $0.id == id }
    }

    public func entry(id: Int) -> RecordEntry? { index(ofID: id).map { entries[$0] } }

    /// Replaces the record with this id; returns false when it no longer exists.
    @discardableResult
    public mutating func replace(id: Int, with record: UserRecord) -> Bool {
        guard let i = index(ofID: id) else { return false }
        entries[i].record = record
        haystacks[i] = Self.haystack(record)
        return true
    }

    /// Inserts a record at a position (the end by default) and returns its new id.
    @discardableResult
    public mutating func insert(_ record: UserRecord, at position: Int? = nil) -> Int {
        let id = nextID
        nextID += 1
        let at = min(max(0, position ?? entries.count), entries.count)
        entries.insert(RecordEntry(id: id, record: record), at: at)
        haystacks.insert(Self.haystack(record), at: at)
        return id
    }

    /// Puts entries back at their former positions (ascending), ids and all: what undo needs.
    public mutating func restore(_ placed: [PlacedEntry]) {
        for item in placed.sorted(by: { $0.position < $1.position }) {
            let at = min(max(0, item.position), entries.count)
            entries.insert(item.entry, at: at)
            haystacks.insert(Self.haystack(item.entry.record), at: at)
            nextID = max(nextID, item.entry.id + 1)
        }
    }

    /// The entries with these ids and where they stand, ready to be restored after removal.
    public func placed(ids: Set<Int>) -> [PlacedEntry] {
        entries.enumerated().compactMap { ids.contains($0.element.id) ? PlacedEntry(position: $0.offset, entry: $0.element) : nil }
    }

    public mutating func remove(ids: Set<Int>) {
        var keptEntries: [RecordEntry] = []
        var keptHay: [[UInt8]] = []
        keptEntries.reserveCapacity(entries.count)
        keptHay.reserveCapacity(entries.count)
        for (i, entry) in entries.enumerated() where !ids.contains(entry.id) {
            keptEntries.append(entry)
            keptHay.append(haystacks[i])
        }
        entries = keptEntries
        haystacks = keptHay
    }

    /// Positions (into `entries`) whose search text contains `query`, looking only at `candidates`
    /// when given (the previous, shorter query's matches).
    public func matching(_ query: String, among candidates: [Int]? = nil) -> [Int] {
        let needle = Array(query.lowercased().utf8)
        guard !needle.isEmpty else { return candidates ?? Array(entries.indices) }
        let pool = candidates ?? Array(haystacks.indices)
        return pool.filter { $0 < haystacks.count && Self.contains(haystacks[$0], needle) }
    }

    static func haystack(_ record: UserRecord) -> [UInt8] {
        let parts = [record.externalId, record.userName, record.displayName, record.department]
        return Array(parts.map { $0 ?? "" }.joined(separator: " ").lowercased().utf8)
    }

    static func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        let n = needle.count
        guard hay.count >= n else { return false }
        let first = needle[0]
        var i = 0
        let last = hay.count - n
        while i <= last {
            if hay[i] == first {
                var j = 1
                while j < n && hay[i + j] == needle[j] { j += 1 }
                if j == n { return true }
            }
            i += 1
        }
        return false
    }
}

/// An entry and the position it had, for undoing a removal or an insertion.
public struct PlacedEntry: Sendable, Equatable {
    public var position: Int
    public var entry: RecordEntry
}
