/// One 64-bit hash per record, in record order, with an open-addressing index from a hash to the
/// first record that has it: what the streamed set rules keep of a million users.
///
/// Two Swift dictionaries of hashes took ~58 MB for a million users (buckets at most 3/4 full, a
/// power of two of them, the values padded); this takes 8 bytes a record and one 4-byte slot per
/// 0.8 of an indexed record. The record's own position is the value, so nothing else is stored.
/// Two different keys with the same 64-bit hash (about one chance in 10^7 for a million users)
/// would read as one, as they did in the dictionaries.
struct HashedKeys {
    /// Each record's hash; 0 when it has none.
    private var hashes = ChunkedWords()
    /// A record's position + 1, or 0 for an empty slot; linear probing from the hash's home slot.
    private var slots: [UInt32] = []
    private var indexed = 0

    /// How many records were appended.
    var count: Int { hashes.count }

    /// Room for `records` indexed keys without growing the index (which holds the old and the new
    /// slots at once while it grows).
    mutating func reserve(_ records: Int) {
        let wanted = records + records / 4 + 1
        if wanted > slots.count { rebuild(capacity: wanted) }
    }

    /// The hash appended for `record` (0: none).
    func hash(ofRecord record: Int) -> UInt64 { hashes[record] }

    /// Appends the next record's hash (nil: it has no key). With `index`, returns the first earlier
    /// indexed record with the same hash, or indexes this one and returns nil.
    mutating func append(_ hash: UInt64?, index: Bool) -> Int? {
        let position = hashes.count
        hashes.append(hash ?? 0)
        guard let hash, index else { return nil }
        if let first = first(hash) { return first }
        if (indexed + 1) * 5 > slots.count * 4 { rebuild(capacity: max(1024, slots.count * 2)) }
        insert(position: position, hash: hash)
        indexed += 1
        return nil
    }

    /// The first indexed record with this hash.
    func first(_ hash: UInt64) -> Int? {
        guard !slots.isEmpty else { return nil }
        var slot = home(hash)
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            if hashes[Int(entry) - 1] == hash { return Int(entry) - 1 }
            slot = slot + 1 == slots.count ? 0 : slot + 1
        }
    }

    private mutating func insert(position: Int, hash: UInt64) {
        var slot = home(hash)
        while slots[slot] != 0 { slot = slot + 1 == slots.count ? 0 : slot + 1 }
        slots[slot] = UInt32(truncatingIfNeeded: position + 1)
    }

    private func home(_ hash: UInt64) -> Int {
        Int(hash.multipliedFullWidth(by: UInt64(slots.count)).high)
    }

    private mutating func rebuild(capacity: Int) {
        let old = slots
        slots = [UInt32](repeating: 0, count: capacity)
        for entry in old where entry != 0 { insert(position: Int(entry) - 1, hash: hashes[Int(entry) - 1]) }
    }

    /// A string's key hash: never 0, which stands for "none". Swift's hashing of `String` treats
    /// canonically equivalent strings as one, as the whole-file path's `[String: Int]` does.
    static func hash(_ s: String) -> UInt64 {
        var s = s
        if let ascii = s.withUTF8({ $0.allSatisfy { $0 < 0x80 } ? hash(ascii: $0) : nil }) { return ascii }
        var hasher = Hasher()
        hasher.combine(s)
        return nonZero(hasher.finalize())
    }

    /// The hash of the String of these ASCII bytes, made from the bytes (for the fast path, which
    /// makes no Strings). Written out as `String.hash(into:)` feeds an ASCII (so NFC) string to the
    /// hasher: its bytes, then 0xFF; `HashedKeysTests` checks the two agree, Kelvin sign included.
    static func hash(ascii bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        hasher.combine(0xFF as UInt8)
        return nonZero(hasher.finalize())
    }

    private static func nonZero(_ hash: Int) -> UInt64 {
        let h = UInt64(bitPattern: Int64(hash))
        return h == 0 ? 1 : h
    }
}

/// An append-only array of 64-bit words in fixed-size parts: growing never copies what is there
/// (a doubling array briefly holds twice a million users' worth).
struct ChunkedWords {
    private static let shift = 15
    private var parts: [[UInt64]] = []
    private(set) var count = 0

    mutating func append(_ word: UInt64) {
        if count & ((1 << Self.shift) - 1) == 0 {
            var part: [UInt64] = []
            part.reserveCapacity(1 << Self.shift)
            parts.append(part)
        }
        parts[parts.count - 1].append(word)
        count += 1
    }

    subscript(index: Int) -> UInt64 {
        parts[index >> Self.shift][index & ((1 << Self.shift) - 1)]
    }
}
