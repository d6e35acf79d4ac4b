import Foundation
import SCIM

/// A coding key for any member name, to read and write the members a type does not model.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// The members of a schema object that scimterm does not model, kept as they came.
///
/// A schema pulled from a tenant is written back with PUT: anything Graph added (or will add) that
/// these types do not know must survive the round trip, or a PUT would silently drop the customer's
/// settings. Known members that came as an explicit `null` are remembered too, so they go back as null.
public struct UnmodelledMembers: Sendable, Equatable, Hashable {
    public var members: JSONObject
    /// Modelled members the input spelled as `null`.
    public var explicitNulls: [String]

    public init(members: JSONObject = JSONObject(), explicitNulls: [String] = []) {
        self.members = members
        self.explicitNulls = explicitNulls
    }

    public var isEmpty: Bool { members.isEmpty && explicitNulls.isEmpty }

    /// Reads every member whose name is not one of `known`.
    init<Key: CodingKey & CaseIterable>(from decoder: any Decoder, known: Key.Type) throws {
        let modelled = Set(Key.allCases.map(\.stringValue))
        let all = try decoder.container(keyedBy: AnyCodingKey.self)
        var members = JSONObject()
        var nulls: [String] = []
        for key in all.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
            if modelled.contains(key.stringValue) {
                if try all.decodeNil(forKey: key) { nulls.append(key.stringValue) }
            } else {
                members.append(key.stringValue, try all.decode(CodableJSON.self, forKey: key).value)
            }
        }
        self.init(members: members, explicitNulls: nulls)
    }

    /// Writes the kept members; call it before the modelled ones, so a modelled member that has a
    /// value by now replaces the null it came with.
    func encode(to encoder: any Encoder) throws {
        var all = encoder.container(keyedBy: AnyCodingKey.self)
        for name in explicitNulls { try all.encodeNil(forKey: AnyCodingKey(name)) }
        for member in members.members { try all.encode(CodableJSON(member.value), forKey: AnyCodingKey(member.key)) }
    }
}

/// SCIM's `JSONValue` through Codable, for members kept as they are.
struct CodableJSON: Codable {
    var value: JSONValue

    init(_ value: JSONValue) { self.value = value }

    init(from decoder: any Decoder) throws {
        if let object = try? decoder.container(keyedBy: AnyCodingKey.self) {
            var members = JSONObject()
            for key in object.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
                members.append(key.stringValue, try object.decode(CodableJSON.self, forKey: key).value)
            }
            value = .object(members)
            return
        }
        if var array = try? decoder.unkeyedContainer() {
            var items: [JSONValue] = []
            while !array.isAtEnd { items.append(try array.decode(CodableJSON.self).value) }
            value = .array(items)
            return
        }
        value = try Self.scalar(decoder.singleValueContainer())
    }

    private static func scalar(_ c: any SingleValueDecodingContainer) throws -> JSONValue {
        if c.decodeNil() { return .null }
        if let b = try? c.decode(Bool.self) { return .bool(b) }
        if let i = try? c.decode(Int.self) { return .number(JSONNumber(i)) }
        if let d = try? c.decode(Double.self), let n = JSONNumber(d) { return .number(n) }
        return .string(try c.decode(String.self))
    }

    func encode(to encoder: any Encoder) throws {
        switch value {
        case .object(let o):
            var c = encoder.container(keyedBy: AnyCodingKey.self)
            for m in o.members { try c.encode(CodableJSON(m.value), forKey: AnyCodingKey(m.key)) }
        case .array(let a):
            var c = encoder.unkeyedContainer()
            for v in a { try c.encode(CodableJSON(v)) }
        case .null:
            var c = encoder.singleValueContainer()
            try c.encodeNil()
        case .bool(let b):
            var c = encoder.singleValueContainer()
            try c.encode(b)
        case .string(let s):
            var c = encoder.singleValueContainer()
            try c.encode(s)
        case .number(let n):
            var c = encoder.singleValueContainer()
            if let i = n.intValue { try c.encode(i) } else { try c.encode(n.doubleValue ?? 0) }
        }
    }
}
