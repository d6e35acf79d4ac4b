extension RecordRules {
    /// Checks every attribute against the catalog: types, single vs multi-valued, the `work` type
    /// Entra requires of emails, phone numbers and addresses, `primary` at most once.
    mutating func checkAttributes(_ data: JSONObject) {
        checkDuplicateKeys(data)
        for i in data.members.indices {
            trail.push(i)
            let key = data.members[i].key, value = data.members[i].value
            if SCIMSchema.isExtensionKey(key) {
                checkExtension(key, value)
            } else if let def = catalog.core.attribute(key) {
                if key != def.name { checkSpelling(key, def: def) }
                check(value, against: def)
            } else if key != "schemas", !AttributeCatalog.commonAttributes.contains(key.lowercased()) {
                add(.note, "scim.attribute.unknown", "RFC 7643 §4.1", here,
                    "\"\(key)\" is not a core User attribute; Entra ignores attributes its job schema lacks",
                    hint: "put custom attributes in an extension object, e.g. \"urn:contoso:employee\": {\"\(key)\": …}")
            }
            checkEveryValue(value)
            trail.pop()
        }
    }

    /// RFC 7643 §2.1 makes names case-insensitive, but Entra's attribute mappings name source
    /// attributes exactly, so `username` may reach no mapping: as good as a missing userName.
    private mutating func checkSpelling(_ key: String, def: AttributeDefinition) {
        add(.warning, "scim.attribute.case", "RFC 7643 §2.1", here,
            "\"\(key)\" is spelled differently from \"\(def.name)\"; SCIM ignores case, but Entra's attribute mappings may not, and treat \(def.name) as missing",
            hint: "write \"\(def.name)\"")
    }

    private mutating func checkExtension(_ urn: String, _ value: JSONValue) {
        guard case .object(let o) = value else {
            add(.error, "scim.extension.type", "RFC 7643 §3.3", here,
                "the extension \(urn) must be an object of attributes, not \(value.typeName)")
            return
        }
        guard let schema = catalog.schema(urn) else { return }
        for i in o.members.indices {
            trail.push(i)
            if let def = schema.attribute(o.members[i].key) {
                check(o.members[i].value, against: def)
            } else {
                add(.note, "scim.attribute.unknown", "RFC 7643 §4.3", here,
                    "\"\(o.members[i].key)\" is not an attribute of \(schema.name)")
            }
            trail.pop()
        }
    }

    private mutating func check(_ value: JSONValue, against def: AttributeDefinition) {
        switch value {
        case .null:
            return
        case .array(let items) where def.multiValued:
            for i in items.indices {
                trail.push(i)
                checkSingle(items[i], against: def)
                trail.pop()
            }
            checkMultiValuedSemantics(items, def: def)
        case .array:
            add(.error, "scim.type.singleValued", "RFC 7643 §2.4", here,
                "\(def.name) takes one value, not an array (Entra answers 400)")
        default:
            guard !def.multiValued else {
                add(.error, "scim.type.multiValued", "RFC 7643 §2.4", here,
                    "\(def.name) is multi-valued: it must be an array, not \(value.typeName) (Entra answers 400)",
                    hint: "wrap it in [ ]")
                return
            }
            checkSingle(value, against: def)
        }
    }

    private mutating func checkSingle(_ value: JSONValue, against def: AttributeDefinition) {
        guard def.accepts(value) else {
            add(.error, "scim.type", "RFC 7643 §2.3", here,
                "\(def.name) must be \(Self.article(def.type)), not \(value.typeName) (Entra answers 400)",
                hint: def.type == .boolean ? "write true or false without quotes" : nil)
            return
        }
        guard def.type == .complex, case .object(let o) = value else { return }
        for i in o.members.indices {
            trail.push(i)
            if let sub = def.subAttribute(o.members[i].key) {
                check(o.members[i].value, against: sub)
            } else {
                add(.note, "scim.attribute.unknown", "RFC 7643 §4.1", here,
                    "\"\(o.members[i].key)\" is not a sub-attribute of \(def.name)")
            }
            trail.pop()
        }
    }

    /// `primary` at most once, and Entra's `work` type. Positions here count the object items only
    /// (other items were reported by `checkSingle`), as the messages always have.
    private mutating func checkMultiValuedSemantics(_ items: [JSONValue], def: AttributeDefinition) {
        var primaries = 0, secondPrimary = 0, objectIndex = 0
        for item in items {
            guard case .object(let o) = item else { continue }
            if o.attribute("primary")?.boolValue == true {
                primaries += 1
                if primaries == 2 { secondPrimary = objectIndex }
            }
            objectIndex += 1
        }
        if primaries > 1 {
            add(.warning, "scim.primary.multiple", "RFC 7643 §2.4", here.appending(index: secondPrimary).appending("primary"),
                "\(primaries) \(def.name) are marked primary; at most one may be")
        }
        guard Self.entraReadsWorkOnly(def) else { return }
        objectIndex = 0
        for item in items {
            guard case .object(let o) = item else { continue }
            let type = o.attribute("type")?.stringValue
            if type != "work" && type?.lowercased() != "work" {
                add(.warning, "entra.type.notWork", "Entra: API-driven provisioning", here.appending(index: objectIndex),
                    type.map { "\(def.name) of type \"\($0)\" are ignored: Entra processes only type \"work\"" }
                        ?? "\(def.name) without a type are ignored: Entra processes only type \"work\"",
                    hint: "set \"type\": \"work\", or map the value to an extension attribute")
            }
            objectIndex += 1
        }
    }

    /// Emails, phone numbers and addresses, whatever the case of their name, without lowercasing it.
    /// (Only the Kelvin sign lowercases to an ASCII letter from outside ASCII, and none of the three
    /// names holds a `k`, so this agrees with comparing `lowercased()`.)
    private static func entraReadsWorkOnly(_ def: AttributeDefinition) -> Bool {
        def.name.caseInsensitiveEquals("emails") || def.name.caseInsensitiveEquals("phonenumbers")
            || def.name.caseInsensitiveEquals("addresses")
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
