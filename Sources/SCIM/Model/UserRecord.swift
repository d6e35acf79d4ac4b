/// One user as it will travel in a BulkRequest operation's `data`.
///
/// The record is a view over the JSON object itself: typed accessors read and write it in place, and
/// whatever scimterm does not model (an `id`, a `$ref`, a customer's own attributes) stays untouched.
public struct UserRecord: Sendable, Equatable, Hashable {
    /// The SCIM User resource (the operation's `data`).
    public var data: JSONObject
    /// The BulkRequest operation it came in, without `data`, when it came in one: kept so a
    /// customer's `bulkId`, `method` and `path` can be shown and reproduced.
    public var envelope: JSONObject?
    /// Where the record was read from, for diagnostics.
    public var origin: RecordOrigin?

    public init(data: JSONObject = JSONObject(), envelope: JSONObject? = nil, origin: RecordOrigin? = nil) {
        self.data = data
        self.envelope = envelope
        self.origin = origin
    }

    // MARK: Core attributes

    public var schemas: [String] {
        get { data.attribute("schemas")?.arrayValue?.compactMap(\.stringValue) ?? [] }
        set { data.setAttribute("schemas", .array(newValue.map { .string($0) })) }
    }

    public var externalId: String? {
        get { string("externalId") }
        set { setString("externalId", newValue) }
    }

    public var userName: String? {
        get { string("userName") }
        set { setString("userName", newValue) }
    }

    public var displayName: String? {
        get { string("displayName") }
        set { setString("displayName", newValue) }
    }

    public var active: Bool? {
        get { data.attribute("active")?.boolValue }
        set { data.setAttribute("active", newValue.map { .bool($0) }) }
    }

    public var givenName: String? {
        get { data.attribute("name")?.objectValue?.attribute("givenName")?.stringValue }
        set { setSub("name", "givenName", newValue.map { .string($0) }) }
    }

    public var familyName: String? {
        get { data.attribute("name")?.objectValue?.attribute("familyName")?.stringValue }
        set { setSub("name", "familyName", newValue.map { .string($0) }) }
    }

    public func string(_ name: String) -> String? { data.attribute(name)?.stringValue }

    public mutating func setString(_ name: String, _ value: String?) {
        data.setAttribute(name, value.map { .string($0) })
    }

    private mutating func setSub(_ parent: String, _ name: String, _ value: JSONValue?) {
        var object = data.attribute(parent)?.objectValue ?? JSONObject()
        object.setAttribute(name, value)
        data.setAttribute(parent, object.isEmpty ? nil : .object(object))
    }

    // MARK: Multi-valued attributes

    public var emails: [MultiValue] {
        get { multiValues("emails") }
        set { setMultiValues("emails", newValue) }
    }

    public var phoneNumbers: [MultiValue] {
        get { multiValues("phoneNumbers") }
        set { setMultiValues("phoneNumbers", newValue) }
    }

    public var addresses: [MultiValue] {
        get { multiValues("addresses") }
        set { setMultiValues("addresses", newValue) }
    }

    public func multiValues(_ name: String) -> [MultiValue] {
        (data.attribute(name)?.arrayValue ?? []).compactMap { $0.objectValue.map(MultiValue.init) }
    }

    public mutating func setMultiValues(_ name: String, _ values: [MultiValue]) {
        data.setAttribute(name, values.isEmpty ? nil : .array(values.map { .object($0.object) }))
    }

    // MARK: Extensions

    /// The extension objects present, in payload order, keyed by their URN as spelled in the payload.
    public var extensions: [(urn: String, attributes: JSONObject)] {
        data.members.compactMap { m in
            guard SCIMSchema.isExtensionKey(m.key), let o = m.value.objectValue else { return nil }
            return (m.key, o)
        }
    }

    public func extensionObject(_ urn: String) -> JSONObject? {
        data.attribute(urn)?.objectValue
    }

    public mutating func setExtensionAttribute(_ urn: String, _ name: String, _ value: JSONValue?) {
        var object = extensionObject(urn) ?? JSONObject()
        object.setAttribute(name, value)
        data.setAttribute(urn, object.isEmpty ? nil : .object(object))
    }

    public var enterprise: JSONObject? { extensionObject(SCIMSchema.enterpriseUser) }

    /// The manager's externalId (Entra resolves `manager.value` against source anchors, not object ids).
    public var managerExternalId: String? {
        enterprise?.attribute("manager")?.objectValue?.attribute("value")?.stringValue
    }

    public var department: String? { enterprise?.attribute("department")?.stringValue }

    /// The `schemas` Entra expects: core, enterprise, then every extension URN present, in order.
    public var expectedSchemas: [String] {
        var urns = [SCIMSchema.user, SCIMSchema.enterpriseUser]
        for m in data.members where SCIMSchema.isExtensionKey(m.key) {
            guard case .object = m.value, !urns.contains(where: { $0.caseInsensitiveEquals(m.key) }) else { continue }
            urns.append(m.key)
        }
        return urns
    }
}

/// Where a record was read from.
public struct RecordOrigin: Sendable, Hashable {
    /// Index of the document in the input (0 for a single document or a CSV).
    public var document: Int
    /// Index of the operation in its document, or of the user in an array.
    public var index: Int
    /// Byte offset of the record's first byte in the file (its operation, its user object, or its CSV row).
    public var offset: Int
    /// JSON path from the document root to the record's `data`, or nil for CSV rows.
    public var dataPath: JSONPath?
    /// 1-based line of a CSV row.
    public var csvLine: Int?

    public init(document: Int, index: Int, offset: Int, dataPath: JSONPath? = nil, csvLine: Int? = nil) {
        self.document = document
        self.index = index
        self.offset = offset
        self.dataPath = dataPath
        self.csvLine = csvLine
    }
}
