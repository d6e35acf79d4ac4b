import Foundation

/// Finds a name in a fixed list by its exact bytes, through a cheap hash of them.
///
/// Validation looks up every key of every user in the catalog; hashing with `Hasher` (which
/// normalises Unicode) and scanning case-insensitively cost more than the checks themselves.
/// A hit must give the answer the owner's own first-match scan would give, so a name is indexed
/// only when no earlier name in the list `shadows` it (matches it under the owner's rule). Misses
/// say nothing: the owner then runs its usual lookup.
struct NameIndex: Sendable {
    private let names: [String]
    /// Open addressing: each slot holds a position in `names` plus one, or 0 when empty.
    private let slots: [Int]

    init(_ names: [String], shadows: (_ earlier: String, _ later: String) -> Bool) {
        self.names = names
        var capacity = 8
        while capacity < names.count * 2 { capacity *= 2 }
        var slots = [Int](repeating: 0, count: capacity)
        for (i, name) in names.enumerated() where !names[..<i].contains(where: { shadows($0, name) }) {
            var slot = Self.hash(name) & (capacity - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = i + 1
        }
        self.slots = slots
    }

    /// The position of the indexed name with exactly these bytes, if there is one.
    func position(of name: String) -> Int? {
        var slot = Self.hash(name) & (slots.count - 1)
        while slots[slot] != 0 {
            if Self.sameBytes(names[slots[slot] - 1], name) { return slots[slot] - 1 }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    /// FNV-1a over the UTF-8 bytes.
    private static func hash(_ name: String) -> Int {
        var name = name
        return name.withUTF8 { bytes in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
            return Int(truncatingIfNeeded: h >> 1)
        }
    }

    private static func sameBytes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in b.withUTF8 { y in x.count == y.count && memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
    }
}
