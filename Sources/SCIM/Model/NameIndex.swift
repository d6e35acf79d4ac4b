/// Finds a name in a fixed list of attribute names the way SCIM compares them: ignoring case.
///
/// Validation looks up every key of every user in the catalog. Scanning with `caseInsensitiveEquals`,
/// or hashing with `Hasher` (which normalises Unicode first), cost more than the checks themselves.
/// SCIM names are ASCII, so this hashes the ASCII-lowercased bytes instead, and only answers for
/// ASCII: for anything else the owner runs its own Unicode-aware scan.
final class NameIndex: Sendable {
    enum Answer: Equatable {
        case at(Int)
        case nowhere
        /// The name or the list is not all ASCII.
        case unknown
    }

    /// Every name's bytes, one after another; name `i` is `bytes[starts[i]..<starts[i + 1]]`.
    private let bytes: [UInt8]
    private let starts: [Int]
    /// Open addressing on the folded hash: the position (plus one) of the first name of each
    /// case-insensitive spelling, 0 for an empty slot.
    private let slots: [Int]
    /// For each name, the position (plus one) of the next name that differs from it only in case.
    private let nextSameFold: [Int]
    private let isASCII: Bool

    init(_ names: [String]) {
        let bytes = names.flatMap(\.utf8)
        let starts = names.reduce(into: [0]) { $0.append($0.last! + $1.utf8.count) }
        var capacity = 8
        while capacity < names.count * 2 { capacity *= 2 }
        var slots = [Int](repeating: 0, count: capacity)
        var nextSameFold = [Int](repeating: 0, count: names.count)
        var lastOfFold: [Int: Int] = [:]  // first position of a spelling → last position seen with it
        bytes.withUnsafeBufferPointer { all in
            for i in names.indices {
                let name = Self.name(i, in: all, starts)
                var slot = Self.foldedHash(name) & (capacity - 1)
                while slots[slot] != 0, !Self.sameFolded(name, Self.name(slots[slot] - 1, in: all, starts)) {
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
        }
        self.bytes = bytes
        self.starts = starts
        self.slots = slots
        self.nextSameFold = nextSameFold
        isASCII = bytes.allSatisfy { $0 < 0x80 }
    }

    /// The first name equal to `name` ignoring ASCII case; with `preferringExactCase`, the first
    /// with exactly its bytes when there is one.
    func lookUp(_ name: String, preferringExactCase: Bool) -> Answer {
        guard isASCII else { return .unknown }
        var name = name
        return name.withUTF8 { query in
            guard !query.contains(where: { $0 >= 0x80 }) else { return .unknown }
            return bytes.withUnsafeBufferPointer { all in
                let mask = slots.count - 1
                var slot = Self.foldedHash(query) & mask
                while slots[slot] != 0 {
                    let first = slots[slot] - 1
                    if Self.sameFolded(query, Self.name(first, in: all, starts)) {
                        guard preferringExactCase else { return .at(first) }
                        var candidate = first
                        while true {
                            if query.elementsEqual(Self.name(candidate, in: all, starts)) { return .at(candidate) }
                            guard nextSameFold[candidate] != 0 else { return .at(first) }
                            candidate = nextSameFold[candidate] - 1
                        }
                    }
                    slot = (slot + 1) & mask
                }
                return .nowhere
            }
        }
    }

    private static func name(_ i: Int, in all: UnsafeBufferPointer<UInt8>, _ starts: [Int]) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: all[starts[i]..<starts[i + 1]])
    }

    /// ASCII letters in lowercase, every other byte as it is.
    private static func fold(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b | 0x20 : b }

    private static func foldedHash(_ name: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in name { h = (h ^ UInt64(fold(b))) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: h >> 1)
    }

    private static func sameFolded(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        for i in 0..<a.count where fold(a[i]) != fold(b[i]) { return false }
        return true
    }
}
