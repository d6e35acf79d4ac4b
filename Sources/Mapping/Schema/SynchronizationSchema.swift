import Foundation

/// A provisioning job's schema (Graph's `synchronizationSchema`): the directories on both sides with
/// their attributes, and the rules that map one onto the other. `GET …/jobs/{id}/schema`, the
/// portal's "download schema" and `scimterm schema pull` all give this shape (ENTRA.md §5).
public struct SynchronizationSchema: Codable, Sendable, Equatable {
    public var directories: [DirectoryDefinition]
    public var synchronizationRules: [SynchronizationRule]
    public var version: String?
    public var unmodelled = UnmodelledMembers()

    public init(directories: [DirectoryDefinition], synchronizationRules: [SynchronizationRule], version: String? = nil) {
        self.directories = directories
        self.synchronizationRules = synchronizationRules
        self.version = version
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case directories, synchronizationRules, version }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        directories = try c.decodeIfPresent([DirectoryDefinition].self, forKey: .directories) ?? []
        synchronizationRules = try c.decodeIfPresent([SynchronizationRule].self, forKey: .synchronizationRules) ?? []
        version = try c.decodeIfPresent(String.self, forKey: .version)
        unmodelled = try UnmodelledMembers(from: decoder, known: CodingKeys.self)
    }

    public func encode(to encoder: any Encoder) throws {
        try unmodelled.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(directories, forKey: .directories)
        try c.encode(synchronizationRules, forKey: .synchronizationRules)
        try c.encodeIfPresent(version, forKey: .version)
    }
}

extension SynchronizationSchema {
    /// The API (SCIM) side: the directory that is not "Azure Active Directory".
    public var apiDirectory: DirectoryDefinition? { directories.first { !$0.isEntra } }

    /// The rule that reads the API directory (the job has one for API-driven provisioning).
    public var apiRule: SynchronizationRule? {
        let source = apiDirectory?.name
        return synchronizationRules.first { rule in
            source.map { rule.sourceDirectoryName?.caseInsensitiveCompare($0) == .orderedSame } ?? false
        } ?? synchronizationRules.first
    }

    /// The enabled mapping of API users to Entra users.
    public var userObjectMapping: ObjectMapping? {
        let mappings = apiRule?.objectMappings ?? []
        let users = mappings.filter { $0.sourceObjectName.caseInsensitiveCompare("User") == .orderedSame }
        return users.first { $0.enabled != false } ?? users.first
    }

    /// The mapping users are matched on (matchingPriority 1 by default: externalId to employeeId).
    public var matchingAttribute: AttributeMapping? { userObjectMapping?.matchingAttribute }

    /// The API's User attributes the schema declares.
    public var apiUserAttributes: [AttributeDefinition] { apiDirectory?.object("User")?.attributes ?? [] }

    /// Every source attribute the User mapping reads, in first-use order, without duplicates (compared
    /// without case). Expressions are scanned for their `[attribute]` references.
    public var sourceAttributesRead: [String] {
        var seen = Set<String>()
        var names: [String] = []
        for mapping in userObjectMapping?.attributeMappings ?? [] {
            for name in mapping.source?.attributesRead ?? [] where seen.insert(name.lowercased()).inserted {
                names.append(name)
            }
        }
        return names
    }

    /// Whether any mapping reads `attribute` (a SCIM path or `<urn>:<attribute>`), without case.
    public func reads(_ attribute: String) -> Bool {
        sourceAttributesRead.contains { $0.caseInsensitiveCompare(attribute) == .orderedSame }
    }
}

extension AttributeMappingSource {
    /// The source attributes this source reads: its name for an Attribute; for a Function, the
    /// attribute references of its expression as the parser reads them. An expression that does not
    /// parse is scanned for its `[…]` references instead, and parameters are read too, so a mapping
    /// with a broken expression still counts as reading what it names.
    public var attributesRead: [String] {
        switch type {
        case .attribute:
            return name.map { [$0] } ?? []
        case .constant:
            return []
        default:
            var names: [String] = []
            if let expression {
                do { names = try Expression.parse(expression).attributeNames } catch {
                    names = SchemaReferenceScanner.references(in: expression)
                }
            }
            for parameter in parameters ?? [] { names += parameter.value?.attributesRead ?? [] }
            return names
        }
    }
}
