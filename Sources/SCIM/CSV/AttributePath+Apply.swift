/// An attribute path resolved against the catalog once: the spellings the schema uses, the type a
/// value must have, and the multi-valued element it selects. The converter resolves every column's
/// path before the first row so that rows cost no catalog lookups.
struct ResolvedPath: Sendable {
    /// The extension object's key, or nil for a core attribute.
    var urn: String?
    var attribute: String
    /// The `[type eq "work"]` element of a multi-valued attribute, with the filter value typed.
    var element: (key: String, value: JSONValue)?
    var subAttribute: String?
    /// The catalog type of the value written, nil when the catalog does not know it (then a string).
    var type: AttributeDefinition.DataType?
}

extension AttributePath {
    /// The definition this path lands on, when the catalog knows it.
    public func definition(in catalog: AttributeCatalog) -> AttributeDefinition? {
        let schema = urn.map { catalog.schema($0) } ?? catalog.core
        guard let top = schema?.attribute(attribute) else { return nil }
        if let sub = subAttribute ?? Self.implicitSubAttribute(of: top) { return top.subAttribute(sub) }
        return top
    }

    /// Whether the catalog knows the attribute (custom extension URNs are always accepted).
    public func isKnown(in catalog: AttributeCatalog) -> Bool {
        if let urn, catalog.schema(urn) == nil { return true }
        return definition(in: catalog) != nil
    }

    /// `emails` alone means the work email's value and `manager` alone the manager's value: the
    /// shapes Entra reads, and what a column named like that plainly means.
    static func implicitSubAttribute(of top: AttributeDefinition) -> String? {
        top.type == .complex && top.subAttribute("value") != nil ? "value" : nil
    }

    func resolved(in catalog: AttributeCatalog) -> ResolvedPath {
        let schema = urn.map { catalog.schema($0) } ?? catalog.core
        let top = schema?.attribute(attribute)
        var result = ResolvedPath(urn: urn.map { schema?.urn ?? $0 }, attribute: top?.name ?? attribute)
        let sub = subAttribute ?? top.flatMap(Self.implicitSubAttribute)
        let subDefinition = sub.flatMap { top?.subAttribute($0) }
        result.subAttribute = sub.map { subDefinition?.name ?? $0 }
        result.type = sub == nil ? top?.type : subDefinition?.type
        var filter = self.filter
        if filter == nil, top?.multiValued == true, top?.type == .complex {
            filter = ("type", "work")  // the only type Entra processes
        }
        if let filter {
            let filterDefinition = top?.subAttribute(filter.attribute)
            let value = filterDefinition.flatMap { Self.coerce(filter.value, to: $0.type) } ?? .string(filter.value)
            result.element = (filterDefinition?.name ?? filter.attribute, value)
            if result.subAttribute == nil { result.subAttribute = "value" }
        }
        return result
    }

    /// Writes `value` into the record, creating objects and the filtered multi-valued element as needed.
    public func apply(_ value: JSONValue, to record: inout UserRecord, catalog: AttributeCatalog) {
        resolved(in: catalog).write(value, into: &record.data)
    }

    /// Turns a CSV cell into the JSON type the catalog expects; nil when it cannot (reported by the caller).
    public func coerce(_ text: String, catalog: AttributeCatalog) -> JSONValue? {
        Self.coerce(text, to: definition(in: catalog)?.type)
    }

    /// Booleans accept true/false, yes/no, y/n and 1/0 in any case, as HR systems export them;
    /// integers and decimals become JSON numbers; every other type stays the text as written.
    static func coerce(_ text: String, to type: AttributeDefinition.DataType?) -> JSONValue? {
        switch type {
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

extension ResolvedPath {
    /// Writes one value by looking the containers up: for single edits; the converter uses `RecordLayout`.
    func write(_ value: JSONValue, into data: inout JSONObject) {
        guard let urn else { return writeAttribute(value, into: &data) }
        var ext = data.attribute(urn)?.objectValue ?? JSONObject()
        if !ext.isEmpty { data.setAttribute(urn, .null) }  // releases the shared copy in place, keeping key order
        writeAttribute(value, into: &ext)
        data.setAttribute(urn, .object(ext))
    }

    private func writeAttribute(_ value: JSONValue, into object: inout JSONObject) {
        if let (key, filterValue) = element {
            var items = object.attribute(attribute)?.arrayValue ?? []
            let index = items.firstIndex { $0.objectValue?.attribute(key).map { Self.same($0, filterValue) } ?? false }
            var item = index.flatMap { items[$0].objectValue } ?? [key: filterValue]
            item.setAttribute(subAttribute ?? "value", value)
            if let index { items[index] = .object(item) } else { items.append(.object(item)) }
            object.setAttribute(attribute, .array(items))
        } else if let subAttribute {
            var inner = object.attribute(attribute)?.objectValue ?? JSONObject()
            inner.setAttribute(subAttribute, value)
            object.setAttribute(attribute, .object(inner))
        } else {
            object.setAttribute(attribute, value)
        }
    }

    /// Filter values compare like SCIM `eq` on strings: ignoring case.
    static func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
        if let x = a.stringValue, let y = b.stringValue { return x.caseInsensitiveEquals(y) }
        return a == b
    }
}
