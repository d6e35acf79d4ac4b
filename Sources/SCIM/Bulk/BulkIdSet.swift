/// A bulkId, hashed on the worker that wrote it, so the ordered loop only compares. Equal exactly
/// when the strings are (`String` equality, as `BulkRequestBuilder`'s `Set<String>` has it).
struct BulkIdKey: Hashable, Sendable {
    let text: String
    let hash: Int

    init(_ text: String) {
        self.text = text
        hash = text.hashValue
    }

    static func == (a: BulkIdKey, b: BulkIdKey) -> Bool { a.hash == b.hash && a.text == b.text }
    func hash(into hasher: inout Hasher) { hasher.combine(hash) }
}

/// The bulkIds used so far: open addressing on the precomputed hashes, because rehashing each
/// key through `Hasher` on the ordered loop (the one thread every row passes) cost more than the
/// rest of settling a bulkId.
struct BulkIdSet {
    /// 1 + the index in `keys` of the key in each bucket; 0 for an empty bucket.
    private var buckets: [Int32]
    private var hashes: [Int] = []
    private var keys: [String] = []

    init(expected: Int = 1_024) {
        var size = 1_024
        while size < expected * 2 { size <<= 1 }
        buckets = Array(repeating: 0, count: size)
    }

    /// Adds `key`; false when it was there already.
    mutating func insert(_ key: BulkIdKey) -> Bool {
        if (keys.count + 1) * 2 > buckets.count { grow() }
        let mask = buckets.count - 1
        var i = key.hash & mask
        while buckets[i] != 0 {
            let k = Int(buckets[i]) - 1
            if hashes[k] == key.hash, keys[k] == key.text { return false }
            i = (i + 1) & mask
        }
        hashes.append(key.hash)
        keys.append(key.text)
        buckets[i] = Int32(keys.count)
        return true
    }

    private mutating func grow() {
        buckets = Array(repeating: 0, count: buckets.count * 2)
        let mask = buckets.count - 1
        for (k, hash) in hashes.enumerated() {
            var i = hash & mask
            while buckets[i] != 0 { i = (i + 1) & mask }
            buckets[i] = Int32(k + 1)
        }
    }
}
