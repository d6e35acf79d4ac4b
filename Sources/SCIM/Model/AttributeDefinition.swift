/// What SCIM says about one attribute: enough to validate a value and to lay out a form field.
///
/// A class with constant fields: validation looks definitions up for every value of every user, and
/// passing a reference costs one retain where a struct of strings and arrays costs a dozen.
public final class AttributeDefinition: Sendable, Hashable {
    public enum DataType: String, Sendable, Hashable, CaseIterable {
        case string, boolean, decimal, integer, dateTime, reference, complex, binary
    }

    public let name: String
    public let type: DataType
    public let multiValued: Bool
    public let required: Bool
    public let description: String
    public let subAttributes: [AttributeDefinition]
    /// Values Entra and the RFC suggest (e.g. `work`, `home`); not enforced by SCIM itself.
    public let canonicalValues: [String]
    /// The form section this attribute is shown in.
    public let section: String
    private let subAttributeIndex: NameIndex

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
        subAttributeIndex = NameIndex(subAttributes.map(\.name))
    }

    public static func == (a: AttributeDefinition, b: AttributeDefinition) -> Bool {
        a === b || (a.name == b.name && a.type == b.type && a.multiValued == b.multiValued && a.required == b.required
            && a.subAttributes == b.subAttributes && a.canonicalValues == b.canonicalValues && a.section == b.section
            && a.description == b.description)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(type)
        hasher.combine(multiValued)
    }

    /// The first sub-attribute whose name matches, ignoring case.
    public func subAttribute(_ name: String) -> AttributeDefinition? {
        switch subAttributeIndex.lookUp(name, preferringExactCase: false) {
        case .at(let i): return subAttributes[i]
        case .nowhere: return nil
        case .unknown: return subAttributes.first { $0.name.caseInsensitiveEquals(name) }
        }
    }

    /// Whether a JSON value has the shape this attribute's type requires (one value, not the array).
    public func accepts(_ value: JSONValue) -> Bool {
        // On the value alone, not on (type, value): building that tuple copied the value every call.
        switch value {
        case .null: return true
        case .bool: return type == .boolean
        case .number(let n): return type == .decimal || (type == .integer && n.isInteger)
        case .object: return type == .complex
        case .string: return type == .string || type == .dateTime || type == .reference || type == .binary
        case .array: return false
        }
    }
}

/// A schema (core User, Enterprise User, or a custom extension) as a list of attribute definitions.
public struct SchemaDefinition: Sendable, Hashable {
    public var urn: String
    public let name: String
    public var attributes: [AttributeDefinition] {
        didSet { index = Self.index(attributes) }
    }
    /// Validation looks attributes up for every key of every user.
    private var index: NameIndex

    public init(urn: String, name: String, attributes: [AttributeDefinition]) {
        self.urn = urn
        self.name = name
        self.attributes = attributes
        self.index = Self.index(attributes)
    }

    private static func index(_ attributes: [AttributeDefinition]) -> NameIndex {
        NameIndex(attributes.map(\.name))
    }

    /// The first attribute with exactly this name, or else the first whose name matches ignoring case.
    public func attribute(_ name: String) -> AttributeDefinition? {
        switch index.lookUp(name, preferringExactCase: true) {
        case .at(let i): return attributes[i]
        case .nowhere: return nil
        case .unknown:
            return attributes.first { $0.name == name } ?? attributes.first { $0.name.caseInsensitiveEquals(name) }
        }
    }

    public static func == (a: SchemaDefinition, b: SchemaDefinition) -> Bool {
        a.urn == b.urn && a.name == b.name && a.attributes == b.attributes
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(urn)
        hasher.combine(attributes)
    }
}
