/// The attributes scimterm knows: core User (RFC 7643 §4.1), Enterprise User (§4.3), and any custom
/// extension schemas the operator adds. It drives validation and, in the TUI, the user form.
public struct AttributeCatalog: Sendable {
    public var core: SchemaDefinition
    public var enterprise: SchemaDefinition
    public var extensions: [SchemaDefinition]

    public init(core: SchemaDefinition = CoreUserSchema.definition,
                enterprise: SchemaDefinition = EnterpriseUserSchema.definition,
                extensions: [SchemaDefinition] = []) {
        self.core = core
        self.enterprise = enterprise
        self.extensions = extensions
    }

    public static let standard = AttributeCatalog()

    /// The definition of a schema by URN, case-insensitively (URNs are compared that way by Entra).
    public func schema(_ urn: String) -> SchemaDefinition? {
        if core.urn.caseInsensitiveEquals(urn) { return core }
        if enterprise.urn.caseInsensitiveEquals(urn) { return enterprise }
        return extensions.first { $0.urn.caseInsensitiveEquals(urn) }
    }

    /// Looks up a dotted path such as `name.givenName` or `emails.type` in the core schema.
    public func coreAttribute(path: String) -> AttributeDefinition? {
        let parts = path.split(separator: ".", maxSplits: 1).map(String.init)
        guard let top = core.attribute(parts[0]) else { return nil }
        return parts.count == 2 ? top.subAttribute(parts[1]) : top
    }

    /// Top-level attributes common to every resource (RFC 7643 §3.1): never flagged as unknown.
    public static let commonAttributes: Set<String> = ["schemas", "id", "externalid", "meta"]
}
