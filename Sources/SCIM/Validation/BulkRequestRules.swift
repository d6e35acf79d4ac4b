/// Checks a BulkRequest document's envelope: the part Entra parses before it looks at any user.
///
/// Severities follow what Entra does: a request it answers with 400 is an error; what it accepts
/// but RFC 7644 frowns on (Microsoft's own samples repeat a bulkId) is a warning.
struct BulkRequestRules {
    let document: Int
    let prefix: JSONPath
    var found: [Diagnostic] = []

    init(document: Int, prefix: JSONPath) {
        self.document = document
        self.prefix = prefix
    }

    private mutating func add(_ severity: Diagnostic.Severity, _ rule: String, _ source: String, _ path: JSONPath,
                              _ message: String, hint: String? = nil) {
        found.append(Diagnostic(severity, rule: rule, source: source, document: document, path: prefix.appending(path),
                                message: message, hint: hint))
    }

    mutating func check(_ request: JSONObject) {
        checkSchemas(request)
        checkDuplicateKeys(request, at: .root)
        guard let opsKey = request.key(forAttribute: "Operations") else {
            add(.error, "bulk.operations.missing", "RFC 7644 §3.7", .root, "the BulkRequest has no \"Operations\" array",
                hint: "put the users in \"Operations\": [{\"method\": \"POST\", \"bulkId\": …, \"path\": \"/Users\", \"data\": {…}}]")
            return
        }
        let opsPath = JSONPath.root.appending(opsKey)
        if opsKey != "Operations" {
            add(.error, "entra.operations.case", "Entra: bulkUpload schema", opsPath,
                "\"\(opsKey)\" must be spelled \"Operations\" (capital O); Entra answers 400 otherwise",
                hint: "rename the key to \"Operations\"")
        }
        guard let ops = request[opsKey]?.arrayValue else {
            add(.error, "bulk.operations.type", "RFC 7644 §3.7", opsPath, "\"Operations\" must be an array")
            return
        }
        if ops.isEmpty {
            add(.warning, "bulk.operations.empty", "RFC 7644 §3.7", opsPath, "\"Operations\" is empty: nothing will be provisioned")
        }
        if ops.count > BulkRequestBuilder.maxOperations {
            add(.error, "entra.operations.limit", "Entra: bulkUpload limits", opsPath,
                "\(ops.count) operations in one request; Entra accepts at most \(BulkRequestBuilder.maxOperations) (400)",
                hint: "split it: scimterm convert writes documents of 50 operations")
        }
        // Operations are many and nearly always fine: their paths are built only for a diagnostic.
        var bulkIds: [String: Int] = [:]
        for (i, op) in ops.enumerated() {
            checkOperation(op, at: Operation(list: opsPath, index: i), bulkIds: &bulkIds)
        }
        checkFailOnErrors(request)
    }

    private mutating func checkSchemas(_ request: JSONObject) {
        guard let key = request.key(forAttribute: "schemas") else {
            add(.error, "bulk.schemas.missing", "RFC 7644 §3.7", .root, "the BulkRequest has no \"schemas\"",
                hint: "add \"schemas\": [\"\(SCIMSchema.bulkRequest)\"]")
            return
        }
        let urns = request[key]?.arrayValue?.compactMap(\.stringValue) ?? []
        if !urns.contains(where: { $0.caseInsensitiveEquals(SCIMSchema.bulkRequest) }) {
            add(.error, "bulk.schemas.urn", "RFC 7644 §3.7", JSONPath.root.appending(key),
                "\"schemas\" must list \(SCIMSchema.bulkRequest)")
        }
    }

    private mutating func checkFailOnErrors(_ request: JSONObject) {
        guard let value = request.attribute("failOnErrors") else { return }
        switch value {
        case .null: break
        case .number(let n) where n.isInteger && (n.intValue ?? 0) >= 1: break
        default:
            add(.warning, "bulk.failOnErrors.type", "RFC 7644 §3.7", JSONPath.root.appending("failOnErrors"),
                "\"failOnErrors\" should be null or a positive integer, not \(value.typeName)")
        }
    }

    /// Where an operation sits: `Operations[index]`, spelled as the payload spells `Operations`.
    private struct Operation {
        let list: JSONPath
        let index: Int
        var path: JSONPath { list.appending(index: index) }
    }

    private mutating func checkOperation(_ op: JSONValue, at operation: Operation, bulkIds: inout [String: Int]) {
        guard case .object(let o) = op else {
            add(.error, "bulk.operation.type", "RFC 7644 §3.7", operation.path, "an operation must be an object, not \(op.typeName)")
            return
        }
        checkMethod(o, at: operation)
        checkPath(o, at: operation)
        checkBulkId(o, at: operation, seen: &bulkIds)
        guard let i = o.index(ofAttribute: "data") else {
            add(.error, "bulk.data.missing", "RFC 7644 §3.7", operation.path, "the operation has no \"data\" (the user)")
            return
        }
        if o.members[i].value.objectValue == nil {
            add(.error, "bulk.data.type", "RFC 7644 §3.7", operation.path.appending(o.members[i].key),
                "\"data\" must be a SCIM User object, not \(o.members[i].value.typeName)")
        }
    }

    private mutating func checkMethod(_ o: JSONObject, at operation: Operation) {
        guard let i = o.index(ofAttribute: "method"), case .string(let method) = o.members[i].value else {
            add(.error, "bulk.method.missing", "RFC 7644 §3.7", operation.path, "the operation has no \"method\"", hint: "add \"method\": \"POST\"")
            return
        }
        if method != "POST" {
            add(.error, "entra.method", "Entra: bulkUpload schema", operation.path.appending(o.members[i].key),
                "method \"\(method)\": Entra's bulkUpload takes POST only (it decides create, update or disable itself)",
                hint: "use \"POST\"; to disable a user, send it with \"active\": false")
        }
    }

    private mutating func checkPath(_ o: JSONObject, at operation: Operation) {
        guard let i = o.index(ofAttribute: "path"), case .string(let value) = o.members[i].value else {
            add(.error, "bulk.path.missing", "RFC 7644 §3.7", operation.path, "the operation has no \"path\"", hint: "add \"path\": \"/Users\"")
            return
        }
        if value == "/Users" { return }
        let key = o.members[i].key
        if value.caseInsensitiveEquals("/Users") {
            add(.warning, "bulk.path.case", "RFC 7644 §3.7", operation.path.appending(key),
                "path \"\(value)\" should be \"/Users\" (resource endpoints are written /Users)",
                hint: "Microsoft's samples use \"/users\" and Entra accepts it; scimterm convert writes \"/Users\"")
        } else {
            add(.error, "entra.path", "Entra: bulkUpload schema", operation.path.appending(key),
                "path \"\(value)\": Entra's bulkUpload provisions users only, at \"/Users\"")
        }
    }

    /// `seen` maps each bulkId to the index of the first operation that used it.
    private mutating func checkBulkId(_ o: JSONObject, at operation: Operation, seen: inout [String: Int]) {
        guard let i = o.index(ofAttribute: "bulkId") else {
            add(.error, "bulk.bulkId.missing", "RFC 7644 §3.7", operation.path, "the operation has no \"bulkId\" (required for POST)",
                hint: "scimterm convert gives each operation a unique bulkId")
            return
        }
        let key = o.members[i].key
        guard case .string(let id) = o.members[i].value, !id.isEmpty else {
            add(.error, "bulk.bulkId.type", "RFC 7644 §3.7", operation.path.appending(key), "\"bulkId\" must be a non-empty string")
            return
        }
        if let first = seen[id] {
            add(.warning, "bulk.bulkId.duplicate", "RFC 7644 §3.7", operation.path.appending(key),
                "bulkId \"\(id)\" is already used by \(operation.list.appending(index: first)); bulkIds must be unique within a request",
                hint: "Entra accepts it today, but the RFC does not; scimterm convert makes them unique")
        } else {
            seen[id] = operation.index
        }
    }

    mutating func checkDuplicateKeys(_ o: JSONObject, at path: JSONPath) {
        for key in o.duplicateKeys {
            add(.warning, "json.key.duplicate", "RFC 8259 §4", path.appending(key),
                "key \"\(key)\" appears more than once; readers keep only the last one")
        }
    }
}
