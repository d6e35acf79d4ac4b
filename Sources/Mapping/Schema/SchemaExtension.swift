import Foundation
import SCIM

/// What a PUT of the job's schema must add so that an input's attributes reach the mapping, like
/// CSV2SCIM's UpdateSchema mode: the attributes the API directory's User object does not declare,
/// as new attribute definitions (type String unless the values say Boolean or Integer, or the SCIM
/// catalog knows the attribute). Nothing else of the schema changes: the caller's JSON is extended
/// in place, so members scimterm does not model go back exactly as they came.
public struct SchemaExtension: Sendable, Equatable {
    /// An input attribute that is not added, and why.
    public struct Skipped: Sendable, Equatable {
        public var name: String
        public var reason: String
    }

    /// The URN custom attributes are named under (`--urn`).
    public let urn: String
    public private(set) var additions: [AttributeDefinition] = []
    public private(set) var skipped: [Skipped] = []

    /// `input` as `InputAttributes` read it. A core or enterprise attribute the catalog knows is
    /// added under its own name; any other attribute without a URN goes under `urn`; one under
    /// another custom URN is skipped (the operator names the one extension the schema gets).
    public init(schema: SynchronizationSchema, input: [InputAttributes.Attribute], urn: String,
                catalog: AttributeCatalog = .standard) {
        self.urn = urn
        let declared = DeclaredAttributes(schema)
        var added = Set<String>()
        for attribute in input {
            guard let (name, type) = place(attribute, catalog: catalog) else { continue }
            guard !declared.covers(name), added.insert(name.lowercased()).inserted else { continue }
            additions.append(Self.definition(name, type: type))
        }
    }

    public var isEmpty: Bool { additions.isEmpty }

    /// The diff a PUT would make, one line per attribute definition added.
    public var diffLines: [String] { additions.map { "+ \($0.name) (\($0.type ?? "String"))" } }

    /// The schema with the additions appended to the API directory's User object; nil when the
    /// schema has no such object (there is nowhere to declare them).
    public func extended(_ schema: SynchronizationSchema) -> SynchronizationSchema? {
        guard let d = schema.directories.firstIndex(where: { !$0.isEntra }),
              let o = schema.directories[d].objects.firstIndex(where: { $0.name.caseInsensitiveCompare("User") == .orderedSame })
        else { return nil }
        var out = schema
        out.directories[d].objects[o].attributes += additions
        return out
    }

    /// The same change made to Graph's own JSON answer, every other member and its order kept.
    public func extended(json: JSONValue) -> JSONValue? {
        guard var root = json.objectValue, case .array(var directories)? = root["directories"],
              let d = directories.firstIndex(where: { !Self.isEntra($0) }),
              var directory = directories[d].objectValue, case .array(var objects)? = directory["objects"],
              let o = objects.firstIndex(where: { $0.objectValue?["name"]?.stringValue?.lowercased() == "user" }),
              var object = objects[o].objectValue else { return nil }
        var attributes = object["attributes"]?.arrayValue ?? []
        attributes += additions.map(Self.json)
        object.set("attributes", .array(attributes))
        objects[o] = .object(object)
        directory.set("objects", .array(objects))
        directories[d] = .object(directory)
        root.set("directories", .array(directories))
        return .object(root)
    }

    /// The name and type an input attribute is declared with, or nil (and a `skipped` entry).
    private mutating func place(_ attribute: InputAttributes.Attribute, catalog: AttributeCatalog) -> (String, String)? {
        guard let path = try? AttributePath(parsing: attribute.name) else {
            skipped.append(Skipped(name: attribute.name, reason: "not an attribute path"))
            return nil
        }
        let pathURN = path.urn.flatMap { $0.caseInsensitiveCompare(SCIMSchema.user) == .orderedSame ? nil : $0 }
        if pathURN?.caseInsensitiveCompare(urn) == .orderedSame { return (attribute.name, attribute.type) }
        if let pathURN, catalog.schema(pathURN) == nil {
            skipped.append(Skipped(name: attribute.name, reason: "under \(pathURN), not --urn \(urn)"))
            return nil
        }
        if let known = path.definition(in: catalog) { return Self.catalogNamed(path, known, catalog) }
        guard pathURN == nil else {
            skipped.append(Skipped(name: attribute.name, reason: "\(pathURN ?? "") has no such attribute"))
            return nil
        }
        return ("\(urn):\(attribute.name)", attribute.type)
    }

    /// A complex attribute read through its implicit value (`manager.value`) is declared as itself, a Reference.
    private static func catalogNamed(_ path: AttributePath, _ known: SCIM.AttributeDefinition,
                                     _ catalog: AttributeCatalog) -> (String, String) {
        var name = path
        if name.filter == nil, name.subAttribute?.lowercased() == "value",
           let top = (name.urn.map { catalog.schema($0) } ?? catalog.core)?.attribute(name.attribute), top.type == .complex {
            name.subAttribute = nil
            return (name.description, graphType(top.type))
        }
        return (name.description, graphType(known.type))
    }

    private static func graphType(_ type: SCIM.AttributeDefinition.DataType) -> String {
        switch type {
        case .boolean: return "Boolean"
        case .integer: return "Integer"
        case .dateTime: return "DateTime"
        case .reference, .complex: return "Reference"
        case .binary: return "Binary"
        case .string, .decimal: return "String"
        }
    }
}
