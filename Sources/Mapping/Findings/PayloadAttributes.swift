import SCIM

/// The attributes a user record carries, named as the job's schema names source attributes
/// (`name.givenName`, `emails.value`, `urn:…:User:department`), each with where it first appears.
struct PayloadAttribute: Sendable {
    /// Lower-cased, without filters: what `MappedAttributes` compares.
    var key: String
    /// As the payload spells it, for messages.
    var name: String
    var path: JSONPath
}

enum PayloadAttributes {
    static let coreURN = "urn:ietf:params:scim:schemas:core:2.0:user"
    /// Sub-attributes that qualify a multi-valued value rather than carry one.
    private static let qualifiers: Set<String> = ["type", "primary", "display"]

    static func of(_ record: JSONObject) -> [PayloadAttribute] {
        var found: [PayloadAttribute] = []
        var seen = Set<String>()
        func add(_ name: String, _ path: JSONPath) {
            let key = name.lowercased()
            if seen.insert(key).inserted { found.append(PayloadAttribute(key: key, name: name, path: path)) }
        }
        for member in record.members where member.key != "schemas" {
            let path = JSONPath.root.appending(member.key)
            if member.key.lowercased().hasPrefix("urn:"), let object = member.value.objectValue {
                // An extension's attributes are named `<urn>:<attribute>`; a complex one (manager) is one attribute.
                for sub in object.members { add("\(member.key):\(sub.key)", path.appending(sub.key)) }
            } else {
                complex(member.key, member.value, path, add)
            }
        }
        return found
    }

    private static func complex(_ name: String, _ value: JSONValue, _ path: JSONPath, _ add: (String, JSONPath) -> Void) {
        switch value {
        case .object(let object):
            for sub in object.members { add("\(name).\(sub.key)", path.appending(sub.key)) }
        case .array(let elements):
            var any = false
            for (i, element) in elements.enumerated() {
                guard case .object(let object) = element else { continue }
                any = true
                for sub in object.members where !qualifiers.contains(sub.key.lowercased()) {
                    add("\(name).\(sub.key)", path.appending(index: i).appending(sub.key))
                }
            }
            if !any { add(name, path) }
        default:
            add(name, path)
        }
    }

    /// A source attribute as `PayloadAttribute.key` spells it: filters dropped, the core URN
    /// dropped, lower-cased (`emails[type eq "work"].value` → `emails.value`).
    static func key(ofSource name: String) -> String {
        AttributeNames.plain(AttributeNames.withoutFilters(name))
    }

    /// Whether a mapping that reads `read` reads the payload attribute `carried` (both keys): the
    /// same attribute, or one holds the other (`manager` and `manager.value`, `name` and `name.givenName`).
    static func covers(_ read: String, _ carried: String) -> Bool { AttributeNames.covers(read, carried) }

    /// Where a simple source attribute sits in a record (`urn:…:User:hireDate`, `name.givenName`);
    /// nil for a filtered path, whose place depends on the values.
    static func path(ofSource name: String) -> JSONPath? {
        guard !name.contains("[") else { return nil }
        if name.lowercased().hasPrefix("urn:"), let colon = name.lastIndex(of: ":") {
            let urn = String(name[..<colon])
            return urn.lowercased() == coreURN ? path(ofSource: String(name[name.index(after: colon)...]))
                : JSONPath.root.appending(urn).appending(String(name[name.index(after: colon)...]))
        }
        return JSONPath(name.split(separator: ".").map { .key(String($0)) })
    }
}
