import SCIM

/// An attribute name made ready to be looked up in many records. `JSONObject.attribute(_:)` with a
/// String compares every key twice (exactly, then ignoring case) through String's general
/// comparison; a mapping reads ~20 names per user, for 100,000 users, so this compares UTF-8 bytes
/// once per key, folding ASCII case as it goes. A class: the resolver passes it around for every
/// lookup, and one reference is cheaper to hand over than a string and an array.
final class AttributeKey: Sendable {
    let name: String
    /// The name's UTF-8 bytes as written.
    private let bytes: [UInt8]

    init(_ name: String) {
        self.name = name
        bytes = Array(name.utf8)
    }

    /// How a payload's key compares with this name.
    enum Match {
        case exact, folded, none
    }

    /// The same verdicts as SCIM's `caseInsensitiveEquals` (SCIM names are case-blind, RFC 7643
    /// §2.1): equal bytes are exact; ASCII letters may differ in case; a non-ASCII difference falls
    /// back to String's own comparison. Keys of another UTF-8 length never match, as there; the
    /// caller checks the length, which rules out nearly every key without a call. (One difference
    /// from `JSONObject.attribute`: its exact pass uses String's `==`, which also equates a
    /// canonically equivalent key of another length, such as `K` spelled with U+212A KELVIN SIGN;
    /// SCIM names are ASCII, so we do not pay a scan of every key for that.)
    private func match(sameLength key: String) -> Match {
        // Contiguous UTF-8 (every string the JSON parser makes): compare bytes through pointers,
        // which is several times faster than walking `key.utf8` by String.Index.
        let verdict = key.utf8.withContiguousStorageIfAvailable { theirs in
            bytes.withUnsafeBufferPointer { mine in Self.match(theirs, mine) }
        }
        switch verdict {
        case .some(.some(let match)): return match
        case .some(.none), .none: return slowMatch(key)
        }
    }

    /// Nil when a non-ASCII byte differs: String's comparison decides then.
    private static func match(_ theirs: UnsafeBufferPointer<UInt8>, _ mine: UnsafeBufferPointer<UInt8>) -> Match? {
        guard theirs.count == mine.count else { return Match.none }
        var exact = true
        for i in 0..<theirs.count {
            let byte = theirs[i], want = mine[i]
            if byte == want { continue }
            if byte >= 0x80 || want >= 0x80 { return nil }
            let lower = byte | 0x20
            if lower != want | 0x20 || lower < 0x61 || lower > 0x7A { return Match.none }
            exact = false
        }
        return exact ? .exact : .folded
    }

    private func slowMatch(_ key: String) -> Match {
        if key == name { return .exact }
        return key.lowercased() == name.lowercased() ? .folded : .none
    }

    /// As `JSONObject.attribute(_:)`: the last member spelled exactly as the name, else the last
    /// spelled so ignoring case, else nil. One backwards pass: the first exact match from the end
    /// is the last one. Inlined into the path reader: a call here made the caller retain and
    /// release the key around it, twice the cost of the lookup itself.
    @inline(__always)
    func value(in object: JSONObject) -> JSONValue? {
        let members = object.members
        let length = bytes.count
        var folded: Int?
        var i = members.count
        while i > 0 {
            i -= 1
            guard members[i].key.utf8.count == length else { continue }
            switch match(sameLength: members[i].key) {
            case .exact: return members[i].value
            case .folded: if folded == nil { folded = i }
            case .none: continue
            }
        }
        return folded.map { members[$0].value }
    }
}
