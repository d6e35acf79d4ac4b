extension AttributePath {
    /// The definition this path lands on, when the catalog knows it.
    public func definition(in catalog: AttributeCatalog) -> AttributeDefinition? {
        let schema = urn.map { catalog.schema($0) } ?? catalog.core
        guard let top = schema?.attribute(attribute) else { return nil }
        if let sub = subAttribute ?? (top.multiValued && top.type == .complex ? "value" : nil) { return top.subAttribute(sub) }
        return top
    }

    /// Whether the catalog knows the attribute (custom extension URNs are always accepted).
    public func isKnown(in catalog: AttributeCatalog) -> Bool {
        if let urn, catalog.schema(urn) == nil { return true }
        return definition(in: catalog) != nil
    }

    /// Writes `value` into the record, creating objects and the filtered multi-valued element as needed.
    public func apply(_ value: JSONValue, to record: inout UserRecord, catalog: AttributeCatalog) {
        if let urn {
            var ext = record.data.attribute(urn)?.objectValue ?? JSONObject()
            set(value, in: &ext, catalog: catalog)
            record.data.setAttribute(urn, .object(ext))
        } else {
            set(value, in: &record.data, catalog: catalog)
        }
    }

    private func set(_ value: JSONValue, in object: inout JSONObject, catalog: AttributeCatalog) {
        let schema = urn.map { catalog.schema($0) } ?? catalog.core
        let top = schema?.attribute(attribute)
        var effectiveFilter = filter
        if effectiveFilter == nil, top?.multiValued == true, top?.type == .complex {
            effectiveFilter = ("type", "work")  // `emails` alone means the work email, the only one Entra reads
        }
        if let (filterAttribute, filterValue) = effectiveFilter {
            var items = object.attribute(attribute)?.arrayValue ?? []
            let index = items.firstIndex { $0.objectValue?.attribute(filterAttribute)?.stringValue?.lowercased() == filterValue.lowercased() }
            var element = index.flatMap { items[$0].objectValue } ?? [filterAttribute: .string(filterValue)]
            element.setAttribute(subAttribute ?? "value", value)
            if let index { items[index] = .object(element) } else { items.append(.object(element)) }
            object.setAttribute(attribute, .array(items))
        } else if let subAttribute {
            var inner = object.attribute(attribute)?.objectValue ?? JSONObject()
            inner.setAttribute(subAttribute, value)
            object.setAttribute(attribute, .object(inner))
        } else {
            object.setAttribute(attribute, value)
        }
    }

    /// Turns a CSV cell into the JSON type the catalog expects; nil when it cannot (reported by the caller).
    public func coerce(_ text: String, catalog: AttributeCatalog) -> JSONValue? {
        switch definition(in: catalog)?.type {
        case .boolean?:
            switch text.trimmingSpaces.lowercased() {
            case "true", "yes", "1", "y": return .bool(true)
            case "false", "no", "0", "n": return .bool(false)
            default: return nil
            }
        case .integer?:
            return Int(text.trimmingSpaces).map { .number(JSONNumber($0)) }
        case .decimal?:
            return JSONNumber(parsing: text.trimmingSpaces).map(JSONValue.number)
        default:
            return .string(text)
        }
    }
}
