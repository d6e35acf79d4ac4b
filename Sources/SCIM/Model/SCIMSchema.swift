/// The schema URNs scimterm speaks of by name.
public enum SCIMSchema {
    public static let user = "urn:ietf:params:scim:schemas:core:2.0:User"
    public static let enterpriseUser = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    public static let bulkRequest = "urn:ietf:params:scim:api:messages:2.0:BulkRequest"

    /// Whether a key of a User object names an extension schema rather than an attribute.
    ///
    /// RFC 7643 §3.3 puts extension attributes in an object keyed by the schema URN; Entra accepts
    /// any `urn:` key here (`urn:contoso:employee` is as valid as the IETF-style ones).
    public static func isExtensionKey(_ key: String) -> Bool {
        // Byte compare without allocating: called for every key of every user during validation.
        var key = key
        return key.withUTF8 { b in
            b.count > 4 && b[0] | 0x20 == 0x75 && b[1] | 0x20 == 0x72 && b[2] | 0x20 == 0x6E && b[3] == 0x3A
        }
    }
}
