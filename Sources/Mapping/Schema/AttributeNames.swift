import SCIM

/// Attribute names as a schema compares them: without case, without the core User URN, and, where
/// asked, without filters. One reading for `schema extend`, the mapping's findings and the TUI, so
/// "the schema lacks it" means the same wherever it is said.
enum AttributeNames {
    /// Lower-cased, the core URN dropped: `urn:…:core:2.0:User:userName` is `username`.
    static func plain(_ name: String) -> String {
        let prefix = SCIMSchema.user.lowercased() + ":"
        let lowered = name.lowercased()
        return lowered.hasPrefix(prefix) ? String(lowered.dropFirst(prefix.count)) : lowered
    }

    /// `emails[type eq "work"].value` → `emails.value`.
    static func withoutFilters(_ name: String) -> String {
        var out = ""
        var depth = 0
        for c in name {
            if c == "[" { depth += 1 } else if c == "]" { depth -= 1 } else if depth == 0 { out.append(c) }
        }
        return out
    }

    /// The same attribute, or one holds the other (`manager` and `manager.value`, `name` and
    /// `name.givenName`); both already `plain`.
    static func covers(_ a: String, _ b: String) -> Bool {
        a == b || b.hasPrefix(a + ".") || a.hasPrefix(b + ".")
    }
}

/// The attributes the API directory's User object declares, read once per schema.
public struct DeclaredAttributes: Sendable {
    let names: [String]

    public init(_ schema: SynchronizationSchema) {
        names = schema.apiUserAttributes.map { AttributeNames.plain($0.name) }
    }

    /// Whether the schema declares `name`: the same, or one holds the other. An input path without
    /// a filter matches a declared one with any filter (`emails.value` is what a declared
    /// `emails[type eq "work"].value` reads).
    public func covers(_ name: String) -> Bool {
        let wanted = AttributeNames.plain(name)
        if names.contains(where: { AttributeNames.covers($0, wanted) }) { return true }
        guard !wanted.contains("[") else { return false }
        return names.contains { AttributeNames.covers(AttributeNames.withoutFilters($0), wanted) }
    }
}
