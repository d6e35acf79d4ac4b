import Foundation

/// One side of the job: the API's SCIM attributes, or Entra ID's (Graph's `directoryDefinition`).
public struct DirectoryDefinition: Codable, Sendable, Equatable {
    public var id: String?
    public var name: String
    public var objects: [ObjectDefinition]
    public var unmodelled = UnmodelledMembers()

    /// The name Graph gives the Entra ID side of every job; the other directory is the source.
    public static let entraName = "Azure Active Directory"

    public init(id: String?, name: String, objects: [ObjectDefinition]) {
        self.id = id
        self.name = name
        self.objects = objects
    }

    public var isEntra: Bool { name.caseInsensitiveCompare(Self.entraName) == .orderedSame }

    public func object(_ name: String) -> ObjectDefinition? {
        objects.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case id, name, objects }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        objects = try c.decodeIfPresent([ObjectDefinition].self, forKey: .objects) ?? []
        unmodelled = try UnmodelledMembers(from: decoder, known: CodingKeys.self)
    }

    public func encode(to encoder: any Encoder) throws {
        try unmodelled.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(objects, forKey: .objects)
    }
}

/// An object type of a directory and its attributes (Graph's `objectDefinition`).
public struct ObjectDefinition: Codable, Sendable, Equatable {
    public var name: String
    public var attributes: [AttributeDefinition]
    public var unmodelled = UnmodelledMembers()

    public init(name: String, attributes: [AttributeDefinition]) {
        self.name = name
        self.attributes = attributes
    }

    /// The attribute called `name`; Entra compares attribute names without regard to case.
    public func attribute(_ name: String) -> AttributeDefinition? {
        attributes.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case name, attributes }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        attributes = try c.decodeIfPresent([AttributeDefinition].self, forKey: .attributes) ?? []
        unmodelled = try UnmodelledMembers(from: decoder, known: CodingKeys.self)
    }

    public func encode(to encoder: any Encoder) throws {
        try unmodelled.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(attributes, forKey: .attributes)
    }
}

/// One attribute of an object type (Graph's `attributeDefinition`). Custom API attributes are named
/// `<urn>:<attribute>` (ENTRA.md §5).
public struct AttributeDefinition: Codable, Sendable, Equatable {
    public var name: String
    /// Graph's `attributeType`: String, Integer, Reference, Binary, Boolean, DateTime.
    public var type: String?
    public var multivalued: Bool?
    public var required: Bool?
    public var anchor: Bool?
    public var caseExact: Bool?
    /// Graph's `mutability`: ReadWrite, ReadOnly, Immutable, WriteOnly.
    public var mutability: String?
    public var unmodelled = UnmodelledMembers()

    public init(name: String, type: String? = "String", multivalued: Bool? = false, required: Bool? = false,
                anchor: Bool? = false, caseExact: Bool? = false, mutability: String? = "ReadWrite") {
        self.name = name
        self.type = type
        self.multivalued = multivalued
        self.required = required
        self.anchor = anchor
        self.caseExact = caseExact
        self.mutability = mutability
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case name, type, multivalued, required, anchor, caseExact, mutability }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        type = try c.decodeIfPresent(String.self, forKey: .type)
        multivalued = try c.decodeIfPresent(Bool.self, forKey: .multivalued)
        required = try c.decodeIfPresent(Bool.self, forKey: .required)
        anchor = try c.decodeIfPresent(Bool.self, forKey: .anchor)
        caseExact = try c.decodeIfPresent(Bool.self, forKey: .caseExact)
        mutability = try c.decodeIfPresent(String.self, forKey: .mutability)
        unmodelled = try UnmodelledMembers(from: decoder, known: CodingKeys.self)
    }

    public func encode(to encoder: any Encoder) throws {
        try unmodelled.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(type, forKey: .type)
        try c.encodeIfPresent(multivalued, forKey: .multivalued)
        try c.encodeIfPresent(required, forKey: .required)
        try c.encodeIfPresent(anchor, forKey: .anchor)
        try c.encodeIfPresent(caseExact, forKey: .caseExact)
        try c.encodeIfPresent(mutability, forKey: .mutability)
    }
}
