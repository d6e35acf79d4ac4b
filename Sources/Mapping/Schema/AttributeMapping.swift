import Foundation

/// One target attribute of an object mapping and where its value comes from (Graph's
/// `attributeMapping`): a source attribute, a constant, or an expression.
public struct AttributeMapping: Codable, Sendable, Equatable {
    public var source: AttributeMappingSource?
    public var targetAttributeName: String
    /// Graph's `attributeFlowType`: Always, ObjectAddOnly, MultiValueAddOnly, ValueAddOnly, AttributeAddOnly.
    public var flowType: String?
    /// 0 for "not a matching attribute"; 1 is the attribute users are matched on first.
    public var matchingPriority: Int?
    public var defaultValue: String?
    public var exportMissingReferences: Bool?
    /// Graph's `attributeFlowBehavior`: FlowWhenChanged or FlowAlways.
    public var flowBehavior: String?
    public var unmodelled = UnmodelledMembers()

    public init(source: AttributeMappingSource?, targetAttributeName: String, flowType: String? = "Always",
                matchingPriority: Int? = 0, defaultValue: String? = nil, exportMissingReferences: Bool? = false,
                flowBehavior: String? = "FlowWhenChanged") {
        self.source = source
        self.targetAttributeName = targetAttributeName
        self.flowType = flowType
        self.matchingPriority = matchingPriority
        self.defaultValue = defaultValue
        self.exportMissingReferences = exportMissingReferences
        self.flowBehavior = flowBehavior
    }

    /// Whether users are matched on this attribute, and how early.
    public var isMatching: Bool { (matchingPriority ?? 0) > 0 }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case source, targetAttributeName, flowType, matchingPriority, defaultValue, exportMissingReferences, flowBehavior
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        source = try c.decodeIfPresent(AttributeMappingSource.self, forKey: .source)
        targetAttributeName = try c.decode(String.self, forKey: .targetAttributeName)
        flowType = try c.decodeIfPresent(String.self, forKey: .flowType)
        matchingPriority = try c.decodeIfPresent(Int.self, forKey: .matchingPriority)
        defaultValue = try c.decodeIfPresent(String.self, forKey: .defaultValue)
        exportMissingReferences = try c.decodeIfPresent(Bool.self, forKey: .exportMissingReferences)
        flowBehavior = try c.decodeIfPresent(String.self, forKey: .flowBehavior)
        unmodelled = try UnmodelledMembers(from: decoder, known: CodingKeys.self)
    }

    public func encode(to encoder: any Encoder) throws {
        try unmodelled.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(source, forKey: .source)
        try c.encode(targetAttributeName, forKey: .targetAttributeName)
        try c.encodeIfPresent(flowType, forKey: .flowType)
        try c.encodeIfPresent(matchingPriority, forKey: .matchingPriority)
        try c.encodeIfPresent(defaultValue, forKey: .defaultValue)
        try c.encodeIfPresent(exportMissingReferences, forKey: .exportMissingReferences)
        try c.encodeIfPresent(flowBehavior, forKey: .flowBehavior)
    }
}

/// Where a mapped value comes from (Graph's `attributeMappingSource`). For a Function, `expression`
/// is the text the portal shows and `parameters` the parsed call Graph keeps beside it.
public struct AttributeMappingSource: Codable, Sendable, Equatable {
    public var expression: String?
    public var name: String?
    public var type: Kind
    public var parameters: [Parameter]?
    public var unmodelled = UnmodelledMembers()

    /// Attribute, Constant or Function; kept as text so a kind Graph adds later survives a round trip.
    public struct Kind: RawRepresentable, Codable, Sendable, Hashable {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        public static let attribute = Kind(rawValue: "Attribute")
        public static let constant = Kind(rawValue: "Constant")
        public static let function = Kind(rawValue: "Function")
    }

    /// Graph's `stringKeyAttributeMappingSourceValuePair`: a function's named argument.
    public struct Parameter: Codable, Sendable, Equatable {
        public var key: String
        public var value: AttributeMappingSource?

        public init(key: String, value: AttributeMappingSource?) {
            self.key = key
            self.value = value
        }
    }

    public init(expression: String?, name: String?, type: Kind, parameters: [Parameter]? = []) {
        self.expression = expression
        self.name = name
        self.type = type
        self.parameters = parameters
    }

    /// `[name]`, read directly from the source attribute.
    public static func attribute(_ name: String) -> AttributeMappingSource {
        AttributeMappingSource(expression: "[\(name)]", name: name, type: .attribute)
    }

    /// A constant value, written as the expression language quotes it.
    public static func constant(_ value: String) -> AttributeMappingSource {
        let quoted = "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        return AttributeMappingSource(expression: quoted, name: value, type: .constant)
    }

    /// An expression such as `Join(" ", [name.givenName], [name.familyName])`; `name` is the function's.
    public static func function(_ expression: String) -> AttributeMappingSource {
        let name = expression.prefix { $0 != "(" }.trimmingCharacters(in: .whitespaces)
        return AttributeMappingSource(expression: expression, name: name, type: .function)
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case expression, name, type, parameters }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        expression = try c.decodeIfPresent(String.self, forKey: .expression)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        type = try c.decode(Kind.self, forKey: .type)
        parameters = try c.decodeIfPresent([Parameter].self, forKey: .parameters)
        unmodelled = try UnmodelledMembers(from: decoder, known: CodingKeys.self)
    }

    public func encode(to encoder: any Encoder) throws {
        try unmodelled.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(expression, forKey: .expression)
        try c.encodeIfPresent(name, forKey: .name)
        try c.encode(type, forKey: .type)
        try c.encodeIfPresent(parameters, forKey: .parameters)
    }
}
