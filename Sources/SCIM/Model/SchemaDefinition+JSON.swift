extension SchemaDefinition {
    /// Reads a SCIM schema representation (RFC 7643 §7), e.g. a custom extension's definition
    /// exported from another tool, so its attributes can be validated and edited like built-in ones.
    public init?(schemaRepresentation json: JSONValue) {
        guard let o = json.objectValue, let urn = o.attribute("id")?.stringValue else { return nil }
        self.init(
            urn: urn, name: o.attribute("name")?.stringValue ?? urn,
            attributes: (o.attribute("attributes")?.arrayValue ?? []).compactMap {
                AttributeDefinition(schemaRepresentation: $0, section: o.attribute("name")?.stringValue ?? "Extension")
            })
    }
}

extension AttributeDefinition {
    public convenience init?(schemaRepresentation json: JSONValue, section: String) {
        guard let o = json.objectValue, let name = o.attribute("name")?.stringValue,
            let type = o.attribute("type")?.stringValue.flatMap({ t in
                DataType.allCases.first { $0.rawValue.caseInsensitiveEquals(t) }
            })
        else { return nil }
        self.init(
            name, type,
            multiValued: o.attribute("multiValued")?.boolValue ?? false,
            required: o.attribute("required")?.boolValue ?? false,
            section: section,
            canonicalValues: o.attribute("canonicalValues")?.arrayValue?.compactMap(\.stringValue) ?? [],
            subAttributes: (o.attribute("subAttributes")?.arrayValue ?? []).compactMap {
                AttributeDefinition(schemaRepresentation: $0, section: section)
            },
            o.attribute("description")?.stringValue ?? "")
    }
}
