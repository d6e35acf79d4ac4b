/// Checks that only make sense across the whole set: duplicates and manager references.
struct RecordSetRules {
    /// What these rules read of one record; read as the pass reaches it, as a million of them at
    /// once (twice while they were gathered) weighed more than the records' own diagnostics.
    struct Keys: Sendable {
        var externalId: String?
        var userName: String?
        /// How userNames are compared (Entra's userPrincipalName ignores case).
        var lowercasedUserName: String?
        var managerExternalId: String?

        init(_ data: JSONObject) {
            let record = UserRecord(data: data)
            externalId = record.externalId
            userName = record.userName
            lowercasedUserName = userName?.lowercased()
            managerExternalId = record.managerExternalId
        }
    }

    var found: DiagnosticCap

    init(limits: DiagnosticLimits = .unlimited) { found = DiagnosticCap(limits) }

    mutating func check(_ records: [UserRecord]) {
        var externalIds: [String: Int] = [:]
        var userNames: [String: (record: Int, externalId: String?)] = [:]
        externalIds.reserveCapacity(records.count)
        userNames.reserveCapacity(records.count)
        for (i, record) in records.enumerated() {
            let r = Keys(record.data)
            if let id = r.externalId, !id.isEmpty, let first = Self.existing(&externalIds[id], else: i) {
                add(.warning, "entra.externalId.duplicate", "Entra: source anchor", record: i,
                    path: JSONPath.root.appending(records[i].data.key(forAttribute: "externalId") ?? "externalId"),
                    "externalId \"\(id)\" is also used by \(Self.name(records, first)); Entra applies both, the later one wins",
                    hint: "each worker should appear once per upload")
            }
            if let name = r.lowercasedUserName, !name.isEmpty,
               let first = Self.existing(&userNames[name], else: (i, r.externalId)), first.externalId != r.externalId {
                add(.warning, "entra.userName.duplicate", "Entra: userPrincipalName uniqueness", record: i,
                    path: JSONPath.root.appending(records[i].data.key(forAttribute: "userName") ?? "userName"),
                    "userName \"\(r.userName ?? name)\" is also used by \(Self.name(records, first.record)) with another externalId; the second will fail to provision",
                    hint: "userNames must be unique in the tenant")
            }
        }
        checkManagers(records, externalIds: externalIds)
    }

    /// The value already in a dictionary slot, or nil after putting `value` there: one hash of the
    /// key for both (through `&dictionary[key]`), where a lookup and then an insertion took two.
    private static func existing<Value>(_ slot: inout Value?, else value: Value) -> Value? {
        if let existing = slot { return existing }
        slot = value
        return nil
    }

    private mutating func checkManagers(_ records: [UserRecord], externalIds: [String: Int]) {
        let managerPath = JSONPath.root.appending(SCIMSchema.enterpriseUser).appending("manager").appending("value")
        for (i, record) in records.enumerated() {
            let r = UserRecord(data: record.data)
            guard let manager = r.managerExternalId, !manager.isEmpty else { continue }
            if manager == r.externalId {
                add(.warning, "entra.manager.self", "Entra: manager reference", record: i, path: managerPath,
                    "the user is their own manager")
            } else if externalIds[manager] == nil {
                add(.note, "entra.manager.outside", "Entra: manager reference", record: i, path: managerPath,
                    "manager \"\(manager)\" is not in this set; Entra resolves it only if that manager was provisioned earlier",
                    hint: "manager.value is the manager's externalId; include the manager in the upload if they are new")
            }
        }
    }

    /// "record 20 (line 21)" for CSV rows, "record 20" otherwise: 1-based, as people count.
    static func name(_ records: [UserRecord], _ index: Int) -> String {
        "record \(index + 1)" + (records[index].origin?.csvLine.map { " (line \($0))" } ?? "")
    }

    private mutating func add(_ severity: Diagnostic.Severity, _ rule: String, _ source: String, record: Int,
                              path: JSONPath, _ message: String, hint: String? = nil) {
        found.add(Diagnostic(severity, rule: rule, source: source, record: record, path: path, message: message, hint: hint))
    }
}
