import SCIM

/// Whole-entry edits of the multi-valued attributes (emails, phone numbers, addresses) and of
/// custom extension attributes: the things a field-by-field form cannot express on its own.
enum EntryEditing {
    /// The multi-valued entry a form field belongs to (`emails[1].type` → emails, 1).
    static func entry(of path: JSONPath) -> (attribute: String, index: Int)? {
        let c = path.components
        guard c.count >= 2, case .key(let name) = c[0], case .index(let i) = c[1],
            UserFormFields.multiValued.contains(where: { $0.name == name })
        else { return nil }
        return (name, i)
    }

    /// Appends an entry typed `work` (the only type Entra's default mappings read); the first entry
    /// of an attribute is also its primary.
    static func addingEntry(to attribute: String, in record: UserRecord) -> (UserRecord, index: Int) {
        var copy = record
        var entries = record.data.attribute(attribute)?.arrayValue ?? []
        var entry = JSONObject()
        entry.append("type", .string("work"))
        if entries.isEmpty { entry.append("primary", .bool(true)) }
        entries.append(.object(entry))
        copy.data.setAttribute(attribute, .array(entries))
        return (copy, entries.count - 1)
    }

    /// Removes one entry; removing the last removes the attribute, since Entra rejects an empty list
    /// no more kindly than a missing one and a missing one is what the operator meant.
    static func removingEntry(_ index: Int, of attribute: String, in record: UserRecord) -> UserRecord? {
        guard var entries = record.data.attribute(attribute)?.arrayValue, index < entries.count else { return nil }
        entries.remove(at: index)
        var copy = record
        copy.data.setAttribute(attribute, entries.isEmpty ? nil : .array(entries))
        return copy
    }

    /// Makes one entry the primary and clears the flag on the others (RFC 7643 §2.4: at most one).
    static func makingPrimary(_ index: Int, of attribute: String, in record: UserRecord) -> UserRecord? {
        guard let entries = record.data.attribute(attribute)?.arrayValue, index < entries.count else { return nil }
        var changed = entries
        for (i, value) in entries.enumerated() {
            guard var object = value.objectValue else { continue }
            if i == index {
                object.setAttribute("primary", .bool(true))
            } else if object.attribute("primary") != nil {
                object.setAttribute("primary", .bool(false))
            }
            changed[i] = .object(object)
        }
        var copy = record
        copy.data.setAttribute(attribute, .array(changed))
        return copy
    }

    /// An extension attribute named the way SCIM names one: the schema URN, a colon, the attribute
    /// (`urn:ietf:params:scim:schemas:extension:contoso:1.0:User:costCenter`).
    struct ExtensionAttribute: Equatable {
        var urn: String
        var name: String
    }

    enum NameProblem: Error, Equatable, CustomStringConvertible {
        case notURN, noAttribute, badAttribute(String), coreSchema

        var description: String {
            switch self {
            case .notURN: return "an extension attribute starts with its schema URN (urn:…:User:attribute)"
            case .noAttribute: return "add the attribute name after the URN and a colon (…:User:costCenter)"
            case .badAttribute(let name):
                return "“\(name)” is not a SCIM attribute name: a letter, then letters, digits, - or _"
            case .coreSchema: return "core User attributes have their own fields; extension attributes need an extension URN"
            }
        }
    }

    static func parseExtensionAttribute(_ text: String) -> Result<ExtensionAttribute, NameProblem> {
        let trimmed = text.trimmed
        guard trimmed.lowercased().hasPrefix("urn:") else { return .failure(.notURN) }
        guard let colon = trimmed.lastIndex(of: ":"), colon < trimmed.index(before: trimmed.endIndex) else {
            return .failure(.noAttribute)
        }
        let urn = String(trimmed[..<colon]), name = String(trimmed[trimmed.index(after: colon)...])
        guard urn.split(separator: ":").count >= 3 else { return .failure(.noAttribute) }
        guard let first = name.unicodeScalars.first, first.isASCIILetter,
            name.unicodeScalars.allSatisfy({ $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" })
        else { return .failure(.badAttribute(name)) }
        guard urn.lowercased() != SCIMSchema.user.lowercased() else { return .failure(.coreSchema) }
        return .success(ExtensionAttribute(urn: urn, name: name))
    }
}

private extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
