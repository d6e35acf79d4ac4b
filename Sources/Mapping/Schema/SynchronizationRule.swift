import Foundation

/// How objects of one directory flow into another (Graph's `synchronizationRule`).
public struct SynchronizationRule: Codable, Sendable, Equatable {
    public var id: String?
    public var name: String?
    public var sourceDirectoryName: String?
    public var targetDirectoryName: String?
    public var editable: Bool?
    public var priority: Int?
    public var objectMappings: [ObjectMapping]
    public var unmodelled = UnmodelledMembers()

    public init(id: String?, name: String?, sourceDirectoryName: String?, targetDirectoryName: String?,
                editable: Bool? = true, priority: Int? = 1, objectMappings: [ObjectMapping]) {
        self.id = id
        self.name = name
        self.sourceDirectoryName = sourceDirectoryName
        self.targetDirectoryName = targetDirectoryName
        self.editable = editable
        self.priority = priority
        self.objectMappings = objectMappings
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, name, sourceDirectoryName, targetDirectoryName, editable, priority, objectMappings
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        sourceDirectoryName = try c.decodeIfPresent(String.self, forKey: .sourceDirectoryName)
        targetDirectoryName = try c.decodeIfPresent(String.self, forKey: .targetDirectoryName)
        editable = try c.decodeIfPresent(Bool.self, forKey: .editable)
        priority = try c.decodeIfPresent(Int.self, forKey: .priority)
        objectMappings = try c.decodeIfPresent([ObjectMapping].self, forKey: .objectMappings) ?? []
        unmodelled = try UnmodelledMembers(from: decoder, known: CodingKeys.self)
    }

    public func encode(to encoder: any Encoder) throws {
        try unmodelled.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(id, forKey: .id)
        try c.encodeIfPresent(name, forKey: .name)
        try c.encodeIfPresent(sourceDirectoryName, forKey: .sourceDirectoryName)
        try c.encodeIfPresent(targetDirectoryName, forKey: .targetDirectoryName)
        try c.encodeIfPresent(editable, forKey: .editable)
        try c.encodeIfPresent(priority, forKey: .priority)
        try c.encode(objectMappings, forKey: .objectMappings)
    }
}

/// How one source object type becomes one target object type (Graph's `objectMapping`).
public struct ObjectMapping: Codable, Sendable, Equatable {
    public var name: String?
    public var sourceObjectName: String
    public var targetObjectName: String
    public var enabled: Bool?
    /// Graph's `objectFlowTypes` flags as text, e.g. "Add, Update, Delete".
    public var flowTypes: String?
    public var attributeMappings: [AttributeMapping]
    public var unmodelled = UnmodelledMembers()

    public init(name: String?, sourceObjectName: String, targetObjectName: String, enabled: Bool? = true,
                flowTypes: String? = "Add, Update, Delete", attributeMappings: [AttributeMapping]) {
        self.name = name
        self.sourceObjectName = sourceObjectName
        self.targetObjectName = targetObjectName
        self.enabled = enabled
        self.flowTypes = flowTypes
        self.attributeMappings = attributeMappings
    }

    /// The mapping users are matched on: matchingPriority 1, or the lowest priority above 0.
    public var matchingAttribute: AttributeMapping? {
        attributeMappings.filter(\.isMatching).min { ($0.matchingPriority ?? 0) < ($1.matchingPriority ?? 0) }
    }

    /// The mapping that sets `target`, compared as Entra compares attribute names: without case.
    public func mapping(forTarget target: String) -> AttributeMapping? {
        attributeMappings.first { $0.targetAttributeName.caseInsensitiveCompare(target) == .orderedSame }
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, sourceObjectName, targetObjectName, enabled, flowTypes, attributeMappings
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        sourceObjectName = try c.decode(String.self, forKey: .sourceObjectName)
        targetObjectName = try c.decode(String.self, forKey: .targetObjectName)
        enabled = try c.decodeIfPresent(Bool.self, forKey: .enabled)
        flowTypes = try c.decodeIfPresent(String.self, forKey: .flowTypes)
        attributeMappings = try c.decodeIfPresent([AttributeMapping].self, forKey: .attributeMappings) ?? []
        unmodelled = try UnmodelledMembers(from: decoder, known: CodingKeys.self)
    }

    public func encode(to encoder: any Encoder) throws {
        try unmodelled.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(name, forKey: .name)
        try c.encode(sourceObjectName, forKey: .sourceObjectName)
        try c.encode(targetObjectName, forKey: .targetObjectName)
        try c.encodeIfPresent(enabled, forKey: .enabled)
        try c.encodeIfPresent(flowTypes, forKey: .flowTypes)
        try c.encode(attributeMappings, forKey: .attributeMappings)
    }
}
