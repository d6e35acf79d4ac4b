/// Finds a name in a fixed list of attribute names the way SCIM compares them: ignoring case.
///
/// Validation looks up every key of every user in the catalog. Scanning with `caseInsensitiveEquals`,
/// or hashing with `Hasher` (which normalises Unicode first), cost more than the checks themselves.
/// SCIM names are ASCII, so names are compared here as 8-byte words, lowercased eight letters at a
/// time; only ASCII is answered, and for anything else the owner runs its own Unicode-aware scan.
final class NameIndex: Sendable {
    enum Answer {
        case at(Int)
        case nowhere
        /// The name or the list is not all ASCII.
        case unknown
    }

    /// Each name's bytes as little-endian words, zero-padded: as they are, and ASCII-lowercased.
    /// Name `i` has `lengths[i]` bytes, in words `firstWords[i]..<firstWords[i + 1]`.
    private let exactWords: [UInt64]
    private let foldedWords: [UInt64]
    private let firstWords: [Int]
    private let lengths: [Int]
    /// Open addressing on the folded words: the position (plus one) of the first name of each
    /// case-insensitive spelling, 0 for an empty slot.
    private let slots: [Int]
    /// For each name, the position (plus one) of the next name that differs from it only in case.
    private let nextSameFold: [Int]
    private let longest: Int
    private let isASCII: Bool

    init(_ names: [String]) {
        isASCII = names.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }
        let names = isASCII ? names : []  // nothing to index: every lookup answers `.unknown`
        longest = names.map(\.utf8.count).max() ?? 0
        lengths = names.map(\.utf8.count)
        var exactWords: [UInt64] = [], firstWords = [0]
        for name in names {
            let utf8 = Array(name.utf8)
            for start in stride(from: 0, to: utf8.count, by: 8) {
                exactWords.append(utf8[start..<min(start + 8, utf8.count)].reversed().reduce(0) { $0 << 8 | UInt64($1) })
            }
            firstWords.append(exactWords.count)
        }
        self.exactWords = exactWords
        self.firstWords = firstWords
        foldedWords = exactWords.map(Self.fold)

        var capacity = 8
        while capacity < names.count * 2 { capacity *= 2 }
        var slots = [Int](repeating: 0, count: capacity)
        var nextSameFold = [Int](repeating: 0, count: names.count)
        var lastOfFold: [Int: Int] = [:]  // first position of a spelling → last position seen with it
        for i in names.indices {
            let words = foldedWords[firstWords[i]..<firstWords[i + 1]]
            var slot = Self.hash(words, length: lengths[i]) & (capacity - 1)
            while slots[slot] != 0 {
                let first = slots[slot] - 1
                if lengths[first] == lengths[i], words.elementsEqual(foldedWords[firstWords[first]..<firstWords[first + 1]]) { break }
                slot = (slot + 1) & (capacity - 1)
            }
            if slots[slot] == 0 {
                slots[slot] = i + 1
                lastOfFold[i] = i
            } else {
                let first = slots[slot] - 1
                nextSameFold[lastOfFold[first]!] = i + 1
                lastOfFold[first] = i
            }
        }
        self.slots = slots
        self.nextSameFold = nextSameFold
    }

    /// The first name equal to `name` ignoring ASCII case; with `preferringExactCase`, the first
    /// with exactly its bytes when there is one.
    func lookUp(_ name: String, preferringExactCase: Bool) -> Answer {
        guard isASCII else { return .unknown }
        var name = name
        return name.withUTF8 { query in
            let length = query.count
            return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * ((length + 7) / 8)) { words in
                let count = words.count / 2
                var high: UInt64 = 0
                for w in 0..<count {
                    let start = w * 8
                    var word: UInt64 = 0
                    if length - start >= 8 {
                        word = UInt64(littleEndian: UnsafeRawPointer(query.baseAddress! + start).loadUnaligned(as: UInt64.self))
                    } else {
                        for i in (start..<length).reversed() { word = word << 8 | UInt64(query[i]) }
                    }
                    high |= word
                    words[w] = word
                    words[count + w] = Self.fold(word)
                }
                guard high & 0x8080_8080_8080_8080 == 0 else { return .unknown }
                guard length <= longest else { return .nowhere }
                return find(exact: UnsafeBufferPointer(rebasing: words[..<count]),
                            folded: UnsafeBufferPointer(rebasing: words[count...]),
                            length: length, preferringExactCase: preferringExactCase)
            }
        }
    }

    private func find(exact: UnsafeBufferPointer<UInt64>, folded: UnsafeBufferPointer<UInt64>,
                      length: Int, preferringExactCase: Bool) -> Answer {
        let mask = slots.count - 1
        var slot = Self.hash(folded, length: length) & mask
        while slots[slot] != 0 {
            let first = slots[slot] - 1
            if lengths[first] == length, Self.same(folded, foldedWords, from: firstWords[first]) {
                guard preferringExactCase else { return .at(first) }
                var candidate = first
                while true {
                    if Self.same(exact, exactWords, from: firstWords[candidate]) { return .at(candidate) }
                    guard nextSameFold[candidate] != 0 else { return .at(first) }
                    candidate = nextSameFold[candidate] - 1
                }
            }
            slot = (slot + 1) & mask
        }
        return .nowhere
    }

    /// Whether `words` are the stored words from `start` on (the caller has compared lengths).
    private static func same(_ words: UnsafeBufferPointer<UInt64>, _ stored: [UInt64], from start: Int) -> Bool {
        for w in words.indices where words[w] != stored[start + w] { return false }
        return true
    }

    /// Sets the 0x20 bit of each byte from `A` to `Z` in a word of ASCII bytes, all at once: adding
    /// 0x3F sets a byte's top bit from `A` up, adding 0x25 from past `Z` up (no carry can cross
    /// bytes below 0x80).
    private static func fold(_ word: UInt64) -> UInt64 {
        let uppercase = (word &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(word &+ 0x2525_2525_2525_2525) & 0x8080_8080_8080_8080
        return word | uppercase >> 2
    }

    private static func hash<C: Collection<UInt64>>(_ words: C, length: Int) -> Int {
        var h = UInt64(length)
        for w in words { h = (h ^ w) &* 0x9E37_79B9_7F4A_7C15 }
        return Int(truncatingIfNeeded: h >> 32)
    }
}
