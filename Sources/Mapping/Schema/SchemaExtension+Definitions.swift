import Foundation
import SCIM

/// How SchemaExtension compares names with what the API directory declares, and the definitions it adds.
extension SchemaExtension {
    /// Lower-cased, the core URN dropped: `urn:…:core:2.0:User:userName` is `username`.
    static func plain(_ name: String) -> String {
        let prefix = SCIMSchema.user.lowercased() + ":"
        let lowered = name.lowercased()
        return lowered.hasPrefix(prefix) ? String(lowered.dropFirst(prefix.count)) : lowered
    }

    /// Whether the declared names (`plain`) cover `name`: the same, or one holds the other (`manager`
    /// and `manager.value`). An input path without a filter matches a declared one with any filter
    /// (`emails.value` is what a declared `emails[type eq "work"].value` reads).
    static func declares(_ declared: [String], _ name: String) -> Bool {
        let wanted = plain(name)
        func covers(_ d: String, _ n: String) -> Bool { d == n || n.hasPrefix(d + ".") || d.hasPrefix(n + ".") }
        if declared.contains(where: { covers($0, wanted) }) { return true }
        guard !wanted.contains("[") else { return false }
        return declared.contains { covers(withoutFilters($0), wanted) }
    }

    static func withoutFilters(_ name: String) -> String {
        var out = ""
        var depth = 0
        for c in name {
            if c == "[" { depth += 1 } else if c == "]" { depth -= 1 } else if depth == 0 { out.append(c) }
        }
        return out
    }

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
