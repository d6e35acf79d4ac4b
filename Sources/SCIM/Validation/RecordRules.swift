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
    /// The record being checked, kept only to spell paths; the checks get it as a parameter, which
    /// lets them read its values in place where reading a property of `self` would copy them.
    private var root = JSONValue.null
    var trail = PositionTrail()
    /// Duplicate keys, found during the walk but reported after the record's other problems.
    var duplicates: [Diagnostic] = []

    init(catalog: AttributeCatalog) { self.catalog = catalog }

    mutating func add(_ severity: Diagnostic.Severity, _ rule: String, _ source: String, _ path: JSONPath,
                      _ message: String, hint: String? = nil) {
        found.append(Diagnostic(severity, rule: rule, source: source, path: path, message: message, hint: hint))
    }

    /// The path of the value the walk is at.
    var here: JSONPath { trail.path(from: root) }

    /// Checks one record's `data`; the diagnostics are appended to `found`.
    mutating func check(_ data: JSONObject) {
        root = .object(data)
        checkExternalId(data)
        checkUserName(data)
        checkActive(data)
        checkSchemas(data)
        checkAttributes(data)
        found += duplicates
        duplicates.removeAll(keepingCapacity: true)
    }

    private mutating func checkExternalId(_ data: JSONObject) {
        guard let i = data.index(ofAttribute: "externalId") else {
            add(.error, "entra.externalId.missing", "Entra: source anchor", .root,
                "no externalId: Entra matches users on it, so this record cannot be provisioned",
                hint: "set externalId to the worker's unique id in the HR system (e.g. the employee number)")
            return
        }
        let member = data.members[i]
        guard case .string(let value) = member.value else {
            add(.error, "entra.externalId.type", "RFC 7643 §3.1", JSONPath.root.appending(member.key),
                "externalId must be a string, not \(member.value.typeName)", hint: "quote it: \"externalId\": \"701984\"")
            return
        }
        if value.isBlank {
            add(.error, "entra.externalId.empty", "Entra: source anchor", JSONPath.root.appending(member.key),
                "externalId is empty: Entra fails it with \"Source identifier of an entry cannot be empty\"",
                hint: "fill in the worker's unique id")
        }
    }

    private mutating func checkUserName(_ data: JSONObject) {
        guard let i = data.index(ofAttribute: "userName") else {
            add(.warning, "scim.userName.missing", "RFC 7643 §4.1.1", .root,
                "no userName: RFC 7643 requires it, and Entra's default mapping builds userPrincipalName from it",
                hint: "set userName (e.g. the sign-in name), unless your job's mappings do not use it")
            return
        }
        if case .string(let s) = data.members[i].value, s.isBlank {
            add(.warning, "scim.userName.empty", "RFC 7643 §4.1.1", JSONPath.root.appending(data.members[i].key), "userName is empty")
        }
    }

    private mutating func checkActive(_ data: JSONObject) {
        guard let i = data.index(ofAttribute: "active") else {
            add(.warning, "entra.active.missing", "Entra: API-driven provisioning", .root,
                "no \"active\": Entra will create or leave the account disabled",
                hint: "add \"active\": true for workers who should be able to sign in")
            return
        }
        if case .string(let s) = data.members[i].value, ["true", "false"].contains(s.lowercased()) {
            add(.error, "scim.type.boolean", "RFC 7643 §2.3.2", JSONPath.root.appending(data.members[i].key),
                "active is the string \"\(s)\"; it must be the boolean \(s.lowercased()) (Entra answers 400)",
                hint: "write \"active\": \(s.lowercased()) without quotes")
        }
    }

    private mutating func checkSchemas(_ data: JSONObject) {
        guard let i = data.index(ofAttribute: "schemas") else {
            add(.warning, "scim.schemas.missing", "RFC 7643 §3", .root, "no \"schemas\" list",
                hint: "add \"schemas\": [\"\(SCIMSchema.user)\", \"\(SCIMSchema.enterpriseUser)\"]")
            return
        }
        let listed = data.members[i].value.arrayValue ?? []
        if !Self.lists(listed, SCIMSchema.user) {
            add(.warning, "scim.schemas.core", "RFC 7643 §3", JSONPath.root.appending(data.members[i].key),
                "\"schemas\" does not list \(SCIMSchema.user)")
        }
        for m in data.members.indices {
            let key = data.members[m].key
            guard SCIMSchema.isExtensionKey(key), case .object = data.members[m].value, !Self.lists(listed, key) else { continue }
            add(.warning, "scim.schemas.extension", "RFC 7643 §3", JSONPath.root.appending(key),
                "the extension object \(key) is present but its URN is not in \"schemas\"; its attributes may be ignored",
                hint: "add \"\(key)\" to \"schemas\" (scimterm convert does it for you)")
        }
    }

    /// Whether a `schemas` array names a URN; read in place rather than copied into a [String].
    private static func lists(_ schemas: [JSONValue], _ urn: String) -> Bool {
        schemas.contains { item in
            if case .string(let listed) = item { return listed.caseInsensitiveEquals(urn) }
            return false
        }
    }
}
