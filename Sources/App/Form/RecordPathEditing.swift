import SCIM

/// Writes one value at a path inside a record, creating the objects and array entries on the way
/// and pruning the ones an emptied field leaves behind, so clearing a field never leaves `{}` or
/// `[{}]` for Entra to reject. Everything else in the record keeps its place and spelling.
enum RecordPathEditing {
    static func setting(_ value: JSONValue?, at path: JSONPath, in record: UserRecord) -> UserRecord {
        var copy = record
        copy.data = setting(value, at: path.components[...], in: record.data)
        ensureSchemas(&copy)
        return copy
    }

    static func setting(_ value: JSONValue?, at path: ArraySlice<JSONPath.Component>, in object: JSONObject) -> JSONObject {
        guard case .key(let key)? = path.first else { return object }
        var copy = object
        let rest = path.dropFirst()
        if rest.isEmpty {
            copy.setAttribute(key, value)
            return copy
        }
        let child = object.attribute(key)
        let updated: JSONValue?
        switch rest.first {
        case .index?:
            let array = setting(value, at: rest, in: child?.arrayValue ?? [])
            updated = array.isEmpty ? nil : .array(array)
        default:
            let inner = setting(value, at: rest, in: child?.objectValue ?? JSONObject())
            updated = inner.isEmpty ? nil : .object(inner)
        }
        // A field left empty on an attribute that does not exist must not create it.
        if updated == nil && child == nil { return object }
        copy.setAttribute(key, updated)
        return copy
    }

    static func setting(_ value: JSONValue?, at path: ArraySlice<JSONPath.Component>, in array: [JSONValue]) -> [JSONValue] {
        guard case .index(let i)? = path.first else { return array }
        var copy = array
        if i >= copy.count {
            guard value != nil else { return array }
            while copy.count <= i { copy.append(.object(JSONObject())) }
        }
        let rest = path.dropFirst()
        if rest.isEmpty {
            copy[i] = value ?? .null
            return copy
        }
        let element = setting(value, at: rest, in: copy[i].objectValue ?? JSONObject())
        if element.isEmpty && i == copy.count - 1 {
            copy.removeLast()
        } else {
            copy[i] = .object(element)
        }
        return copy
    }

    /// A field emptied and typed again would otherwise come back as the last attribute; people
    /// diff payloads by eye, so it goes back where the record had it when the form opened.
    static func restoringPosition(of path: JSONPath, in record: UserRecord, like original: UserRecord) -> UserRecord {
        guard case .key(let key)? = path.components.first, let was = original.data.index(ofAttribute: key),
            let now = record.data.index(ofAttribute: key), now == record.data.count - 1, now != was,
            let value = record.data.attribute(key)
        else { return record }
        var copy = record
        let spelled = record.data.members[now].key
        copy.data.set(spelled, nil)
        copy.data.insert(spelled, value, at: min(was, copy.data.count))
        return copy
    }

    /// An extension object whose URN is missing from `schemas` is ignored by SCIM servers, so the
    /// URN is added as soon as the form creates the object.
    static func ensureSchemas(_ record: inout UserRecord) {
        guard record.data.attribute("schemas") != nil else { return }
        var schemas = record.schemas
        for ext in record.extensions where !schemas.contains(where: { $0.lowercased() == ext.urn.lowercased() }) {
            schemas.append(ext.urn)
        }
        if schemas != record.schemas { record.schemas = schemas }
    }
}
