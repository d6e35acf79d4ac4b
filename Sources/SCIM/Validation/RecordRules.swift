import Foundation

extension String {
    /// Empty or only spaces and tabs, without Foundation's CharacterSet machinery (a hot path).
    var isBlank: Bool { utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
}

/// Checks one user record against RFC 7643 and against what Entra does with it.
///
/// Paths in the diagnostics are relative to the record's `data`; `Validator` prefixes them with
/// where the record sits in its document.
struct RecordRules {
    let catalog: AttributeCatalog
    var found: [Diagnostic] = []

    init(catalog: AttributeCatalog) { self.catalog = catalog }

    mutating func add(_ severity: Diagnostic.Severity, _ rule: String, _ source: String, _ path: JSONPath,
                      _ message: String, hint: String? = nil) {
        found.append(Diagnostic(severity, rule: rule, source: source, path: path, message: message, hint: hint))
    }

    mutating func check(_ record: UserRecord) {
        let data = record.data
        checkExternalId(data)
        checkUserName(data)
        checkActive(data)
        checkSchemas(record)
        checkAttributes(data)
        checkDuplicateKeys(.object(data), at: { .root })
    }

    private mutating func checkExternalId(_ data: JSONObject) {
        guard let key = data.key(forAttribute: "externalId") else {
            add(.error, "entra.externalId.missing", "Entra: source anchor", .root,
                "no externalId: Entra matches users on it, so this record cannot be provisioned",
                hint: "set externalId to the worker's unique id in the HR system (e.g. the employee number)")
            return
        }
        guard let value = data[key]?.stringValue else {
            add(.error, "entra.externalId.type", "RFC 7643 §3.1", JSONPath.root.appending(key),
                "externalId must be a string, not \(data[key]?.typeName ?? "null")", hint: "quote it: \"externalId\": \"701984\"")
            return
        }
        if value.isBlank {
            add(.error, "entra.externalId.empty", "Entra: source anchor", JSONPath.root.appending(key),
                "externalId is empty: Entra fails it with \"Source identifier of an entry cannot be empty\"",
                hint: "fill in the worker's unique id")
        }
    }

    private mutating func checkUserName(_ data: JSONObject) {
        guard let key = data.key(forAttribute: "userName") else {
            add(.warning, "scim.userName.missing", "RFC 7643 §4.1.1", .root,
                "no userName: RFC 7643 requires it, and Entra's default mapping builds userPrincipalName from it",
                hint: "set userName (e.g. the sign-in name), unless your job's mappings do not use it")
            return
        }
        if let s = data[key]?.stringValue, s.isBlank {
            add(.warning, "scim.userName.empty", "RFC 7643 §4.1.1", JSONPath.root.appending(key), "userName is empty")
        }
    }

    private mutating func checkActive(_ data: JSONObject) {
        guard let key = data.key(forAttribute: "active") else {
            add(.warning, "entra.active.missing", "Entra: API-driven provisioning", .root,
                "no \"active\": Entra will create or leave the account disabled",
                hint: "add \"active\": true for workers who should be able to sign in")
            return
        }
        if let s = data[key]?.stringValue, ["true", "false"].contains(s.lowercased()) {
            add(.error, "scim.type.boolean", "RFC 7643 §2.3.2", JSONPath.root.appending(key),
                "active is the string \"\(s)\"; it must be the boolean \(s.lowercased()) (Entra answers 400)",
                hint: "write \"active\": \(s.lowercased()) without quotes")
        }
    }

    private mutating func checkSchemas(_ record: UserRecord) {
        let data = record.data
        guard let key = data.key(forAttribute: "schemas") else {
            add(.warning, "scim.schemas.missing", "RFC 7643 §3", .root, "no \"schemas\" list",
                hint: "add \"schemas\": [\"\(SCIMSchema.user)\", \"\(SCIMSchema.enterpriseUser)\"]")
            return
        }
        let listed = record.schemas
        let path = JSONPath.root.appending(key)
        if !listed.contains(where: { $0.caseInsensitiveEquals(SCIMSchema.user) }) {
            add(.warning, "scim.schemas.core", "RFC 7643 §3", path, "\"schemas\" does not list \(SCIMSchema.user)")
        }
        for m in data.members where SCIMSchema.isExtensionKey(m.key) && m.value.objectValue != nil
            && !listed.contains(where: { $0.caseInsensitiveEquals(m.key) }) {
            add(.warning, "scim.schemas.extension", "RFC 7643 §3", JSONPath.root.appending(m.key),
                "the extension object \(m.key) is present but its URN is not in \"schemas\"; its attributes may be ignored",
                hint: "add \"\(m.key)\" to \"schemas\" (scimterm convert does it for you)")
        }
    }

    mutating func checkDuplicateKeys(_ value: JSONValue, at path: () -> JSONPath) {
        switch value {
        case .object(let o):
            for key in o.duplicateKeys {
                add(.warning, "json.key.duplicate", "RFC 8259 §4", path().appending(key),
                    "key \"\(key)\" appears more than once; readers keep only the last one")
            }
            for m in o.members { checkDuplicateKeys(m.value, at: { path().appending(m.key) }) }
        case .array(let items):
            for (i, item) in items.enumerated() { checkDuplicateKeys(item, at: { path().appending(index: i) }) }
        default:
            break
        }
    }
}
