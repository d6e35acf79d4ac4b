extension RecordRules {
    /// Checks every attribute against the catalog: types, single vs multi-valued, the `work` type
    /// Entra requires of emails, phone numbers and addresses, `primary` at most once.
    mutating func checkAttributes(_ data: JSONObject) {
        // Paths are closures: built only for the rare value that has a problem, not for every value.
        for m in data.members {
            let path = { JSONPath.root.appending(m.key) }
            if SCIMSchema.isExtensionKey(m.key) {
                checkExtension(m.key, m.value, at: path)
            } else if let def = catalog.core.attribute(m.key) {
                if m.key != def.name { checkSpelling(m.key, def: def, at: path()) }
                check(m.value, against: def, at: path)
            } else if m.key != "schemas", !AttributeCatalog.commonAttributes.contains(m.key.lowercased()) {
                add(.note, "scim.attribute.unknown", "RFC 7643 §4.1", path(),
                    "\"\(m.key)\" is not a core User attribute; Entra ignores attributes its job schema lacks",
                    hint: "put custom attributes in an extension object, e.g. \"urn:contoso:employee\": {\"\(m.key)\": …}")
            }
            checkControlCharacters(m.value, at: path)
        }
    }

    /// RFC 7643 §2.1 makes names case-insensitive, but Entra's attribute mappings name source
    /// attributes exactly, so `username` may reach no mapping: as good as a missing userName.
    private mutating func checkSpelling(_ key: String, def: AttributeDefinition, at path: JSONPath) {
        add(.warning, "scim.attribute.case", "RFC 7643 §2.1", path,
            "\"\(key)\" is spelled differently from \"\(def.name)\"; SCIM ignores case, but Entra's attribute mappings may not, and treat \(def.name) as missing",
            hint: "write \"\(def.name)\"")
    }

    private mutating func checkExtension(_ urn: String, _ value: JSONValue, at path: () -> JSONPath) {
        guard let o = value.objectValue else {
            add(.error, "scim.extension.type", "RFC 7643 §3.3", path(),
                "the extension \(urn) must be an object of attributes, not \(value.typeName)")
            return
        }
        guard let schema = catalog.schema(urn) else { return }
        for m in o.members {
            if let def = schema.attribute(m.key) {
                check(m.value, against: def, at: { path().appending(m.key) })
            } else {
                add(.note, "scim.attribute.unknown", "RFC 7643 §4.3", path().appending(m.key),
                    "\"\(m.key)\" is not an attribute of \(schema.name)")
            }
        }
    }

    private mutating func check(_ value: JSONValue, against def: AttributeDefinition, at path: () -> JSONPath) {
        if value.isNull { return }
        if def.multiValued {
            guard let items = value.arrayValue else {
                add(.error, "scim.type.multiValued", "RFC 7643 §2.4", path(),
                    "\(def.name) is multi-valued: it must be an array, not \(value.typeName) (Entra answers 400)",
                    hint: "wrap it in [ ]")
                return
            }
            for (i, item) in items.enumerated() { checkSingle(item, against: def, at: { path().appending(index: i) }) }
            checkMultiValuedSemantics(items, def: def, at: path)
        } else if value.arrayValue != nil {
            add(.error, "scim.type.singleValued", "RFC 7643 §2.4", path(),
                "\(def.name) takes one value, not an array (Entra answers 400)")
        } else {
            checkSingle(value, against: def, at: path)
        }
    }

    private mutating func checkSingle(_ value: JSONValue, against def: AttributeDefinition, at path: () -> JSONPath) {
        guard def.accepts(value) else {
            add(.error, "scim.type", "RFC 7643 §2.3", path(),
                "\(def.name) must be \(Self.article(def.type)), not \(value.typeName) (Entra answers 400)",
                hint: def.type == .boolean ? "write true or false without quotes" : nil)
            return
        }
        guard def.type == .complex, let o = value.objectValue else { return }
        for m in o.members {
            if let sub = def.subAttribute(m.key) {
                check(m.value, against: sub, at: { path().appending(m.key) })
            } else {
                add(.note, "scim.attribute.unknown", "RFC 7643 §4.1", path().appending(m.key),
                    "\"\(m.key)\" is not a sub-attribute of \(def.name)")
            }
        }
    }

    private mutating func checkMultiValuedSemantics(_ items: [JSONValue], def: AttributeDefinition, at path: () -> JSONPath) {
        let objects = items.compactMap(\.objectValue)
        let primaries = objects.indices.filter { objects[$0].attribute("primary")?.boolValue == true }
        if primaries.count > 1 {
            add(.warning, "scim.primary.multiple", "RFC 7643 §2.4", path().appending(index: primaries[1]).appending("primary"),
                "\(primaries.count) \(def.name) are marked primary; at most one may be")
        }
        guard ["emails", "phonenumbers", "addresses"].contains(def.name.lowercased()) else { return }
        for (i, o) in objects.enumerated() {
            let type = o.attribute("type")?.stringValue
            if type?.lowercased() != "work" {
                add(.warning, "entra.type.notWork", "Entra: API-driven provisioning", path().appending(index: i),
                    type.map { "\(def.name) of type \"\($0)\" are ignored: Entra processes only type \"work\"" }
                        ?? "\(def.name) without a type are ignored: Entra processes only type \"work\"",
                    hint: "set \"type\": \"work\", or map the value to an extension attribute")
            }
        }
    }

    private mutating func checkControlCharacters(_ value: JSONValue, at path: () -> JSONPath) {
        switch value {
        case .string(let s):
            if Self.mayBeSuspicious(s), s.unicodeScalars.contains(where: Self.isSuspicious) {
                add(.warning, "input.controlCharacters", "scimterm input", path(),
                    "the value contains control or bidirectional-override characters; they will be stored as they are",
                    hint: "clean the source data; these usually come from copy-paste or a broken export")
            }
        case .array(let items):
            for (i, item) in items.enumerated() { checkControlCharacters(item, at: { path().appending(index: i) }) }
        case .object(let o):
            for m in o.members { checkControlCharacters(m.value, at: { path().appending(m.key) }) }
        default:
            break
        }
    }

    /// A byte scan that rules out almost every value: the suspicious scalars are below 0x20, 0x7F,
    /// or start with 0xC2 (C1 controls) or 0xE2 (bidi overrides).
    static func mayBeSuspicious(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { bytes in bytes.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 } }
    }

    static func isSuspicious(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        // Newlines and tabs are legitimate in formatted addresses; everything else in C0/C1 is not.
        if v == 0x0A || v == 0x09 || v == 0x0D { return false }
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    static func article(_ type: AttributeDefinition.DataType) -> String {
        switch type {
        case .boolean: return "a boolean"
        case .integer: return "an integer"
        case .decimal: return "a number"
        case .complex: return "an object"
        case .dateTime: return "a dateTime string"
        case .reference: return "a URI string"
        case .binary: return "a base64 string"
        case .string: return "a string"
        }
    }
}
