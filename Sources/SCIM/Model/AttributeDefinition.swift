/// What SCIM says about one attribute: enough to validate a value and to lay out a form field.
public struct AttributeDefinition: Sendable, Hashable {
    public enum DataType: String, Sendable, Hashable, CaseIterable {
        case string, boolean, decimal, integer, dateTime, reference, complex, binary
    }

    public var name: String
    public var type: DataType
    public var multiValued: Bool
    public var required: Bool
    public var description: String
    public var subAttributes: [AttributeDefinition]
    /// Values Entra and the RFC suggest (e.g. `work`, `home`); not enforced by SCIM itself.
    public var canonicalValues: [String]
    /// The form section this attribute is shown in.
    public var section: String

    public init(
        _ name: String, _ type: DataType, multiValued: Bool = false, required: Bool = false,
        section: String = "Other", canonicalValues: [String] = [], subAttributes: [AttributeDefinition] = [],
        _ description: String
    ) {
        self.name = name
        self.type = type
        self.multiValued = multiValued
        self.required = required
        self.description = description
        self.subAttributes = subAttributes
        self.canonicalValues = canonicalValues
        self.section = section
    }

    public func subAttribute(_ name: String) -> AttributeDefinition? {
        subAttributes.first { $0.name.caseInsensitiveEquals(name) }
    }

    /// Whether a JSON value has the shape this attribute's type requires (one value, not the array).
    public func accepts(_ value: JSONValue) -> Bool {
        switch (type, value) {
        case (_, .null): return true
        case (.boolean, .bool): return true
        case (.integer, .number(let n)): return n.isInteger
        case (.decimal, .number): return true
        case (.complex, .object): return true
        case (.string, .string), (.dateTime, .string), (.reference, .string), (.binary, .string): return true
        default: return false
        }
    }
}

/// A schema (core User, Enterprise User, or a custom extension) as a list of attribute definitions.
public struct SchemaDefinition: Sendable, Hashable {
    public var urn: String
    public var name: String
    public var attributes: [AttributeDefinition]

    public init(urn: String, name: String, attributes: [AttributeDefinition]) {
        self.urn = urn
        self.name = name
        self.attributes = attributes
    }

    public func attribute(_ name: String) -> AttributeDefinition? {
        attributes.first { $0.name.caseInsensitiveEquals(name) }
    }
}
