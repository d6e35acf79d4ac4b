/// A JSON object as an ordered list of members.
///
/// Order is kept because people diff payloads by eye; duplicate keys are kept because a customer's
/// payload may have them and we must be able to show and resend it as it was. Lookups return the last
/// member with a key, as most JSON readers (and so, presumably, Entra) do.
public struct JSONObject: Sendable, Hashable {
    public typealias Member = (key: String, value: JSONValue)

    public private(set) var members: [Member]

    public init() { members = [] }

    public init(_ members: [Member]) { self.members = members }

    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }
    public var keys: [String] { members.map(\.key) }

    /// The value for an exact key; setting replaces the last member with that key in place, or appends.
    public subscript(key: String) -> JSONValue? {
        get { index(of: key).map { members[$0].value } }
        set { set(key, newValue) }
    }

    /// Index of the last member whose key matches exactly.
    public func index(of key: String) -> Int? {
        members.lastIndex(where: { $0.key == key })
    }

    /// SCIM attribute names are case-insensitive (RFC 7643 §2.1): `username` is `userName`.
    public func index(ofAttribute name: String) -> Int? {
        if let exact = index(of: name) { return exact }
        return members.lastIndex(where: { $0.key.caseInsensitiveEquals(name) })
    }

    /// The key as the payload spells it, for an attribute looked up case-insensitively.
    public func key(forAttribute name: String) -> String? {
        index(ofAttribute: name).map { members[$0].key }
    }

    public func attribute(_ name: String) -> JSONValue? {
        index(ofAttribute: name).map { members[$0].value }
    }

    /// Sets an attribute, keeping the payload's own spelling and position when it is already there.
    public mutating func setAttribute(_ name: String, _ value: JSONValue?) {
        if let i = index(ofAttribute: name) {
            if let value { members[i].value = value } else { members.remove(at: i) }
        } else if let value {
            members.append((key: name, value: value))
        }
    }

    public mutating func set(_ key: String, _ value: JSONValue?) {
        if let i = index(of: key) {
            if let value { members[i].value = value } else { members.remove(at: i) }
        } else if let value {
            members.append((key: key, value: value))
        }
    }

    public mutating func append(_ key: String, _ value: JSONValue) {
        members.append((key: key, value: value))
    }

    public mutating func insert(_ key: String, _ value: JSONValue, at position: Int) {
        members.insert((key: key, value: value), at: min(max(0, position), members.count))
    }

    /// Keys that appear more than once, in first-seen order.
    public var duplicateKeys: [String] {
        if members.count <= 24 {
            // Small objects (every SCIM user): pairwise compare, no hashing or allocation.
            var dups: [String] = []
            for i in members.indices {
                for j in members.indices where j > i && members[i].key == members[j].key {
                    if !dups.contains(members[i].key) { dups.append(members[i].key) }
                    break
                }
            }
            return dups
        }
        var seen = Set<String>()
        var dups: [String] = []
        for m in members where !seen.insert(m.key).inserted && !dups.contains(m.key) {
            dups.append(m.key)
        }
        return dups
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.members.count == rhs.members.count
            && zip(lhs.members, rhs.members).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(members.count)
        for m in members {
            hasher.combine(m.key)
            hasher.combine(m.value)
        }
    }
}

extension String {
    /// ASCII-fast case-insensitive comparison; SCIM names are ASCII but values compared here may not be.
    func caseInsensitiveEquals(_ other: String) -> Bool {
        if self == other { return true }
        // Lengths differ: false, as the byte comparison below would find, without copying either.
        if utf8.count != other.utf8.count { return false }
        var a = self, b = other
        let verdict: Bool? = a.withUTF8 { x in
            b.withUTF8 { y -> Bool? in
                guard x.count == y.count else { return false }
                for i in 0..<x.count where x[i] != y[i] {
                    let p = x[i], q = y[i]
                    if p >= 0x80 || q >= 0x80 { return nil }
                    let lp = p | 0x20
                    if lp != (q | 0x20) || lp < 0x61 || lp > 0x7A { return false }
                }
                return true
            }
        }
        return verdict ?? (lowercased() == other.lowercased())
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements.map { (key: $0.0, value: $0.1) })
    }
}
