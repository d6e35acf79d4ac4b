import Foundation
import SCIM

/// How SchemaExtension compares names with what the API directory declares, and the definitions it adds.
extension SchemaExtension {
    /// A new attribute definition with the members CSV2SCIM's UpdateSchema writes (single-valued,
    /// not required, not an anchor, read-write; the members Graph adds with empty values are given too).
    static func definition(_ name: String, type: String) -> AttributeDefinition {
        var definition = AttributeDefinition(name: name, type: type)
        definition.unmodelled = UnmodelledMembers(members: JSONObject([
            ("apiExpressions", .array([])), ("defaultValue", .null), ("flowNullValues", .bool(false)),
            ("metadata", .array([])), ("referencedObjects", .array([])),
        ]))
        return definition
    }

    /// The definition as Graph's JSON writes it.
    static func json(_ d: AttributeDefinition) -> JSONValue {
        var members: [JSONObject.Member] = [("name", .string(d.name)), ("type", .string(d.type ?? "String"))]
        let flags: [(String, Bool?)] = [("multivalued", d.multivalued), ("required", d.required), ("anchor", d.anchor),
                                        ("caseExact", d.caseExact)]
        for (key, value) in flags { if let value { members.append((key, .bool(value))) } }
        if let mutability = d.mutability { members.append(("mutability", .string(mutability))) }
        members += d.unmodelled.members.members
        return .object(JSONObject(members))
    }

    static func isEntra(_ directory: JSONValue) -> Bool {
        directory.objectValue?["name"]?.stringValue?.caseInsensitiveCompare(DirectoryDefinition.entraName) == .orderedSame
    }
}
