/// The set rules of `RecordSetRules` for records that arrive a batch at a time: only the keys are
/// kept between batches, and a manager not yet seen waits for the end of the input.
///
/// Messages, paths and severities are those of `RecordSetRules`, so a streamed file reports what
/// the same file read whole does.
struct StreamingSetRules {
    /// Each externalId's first record (input-wide index), by the externalId's hash: a million
    /// strings took more memory than the rest of the stream together. Two different values with
    /// the same 64-bit hash (about one chance in 10^10 for a million users) would read as a duplicate.
    private var externalIds: [Int: Int32] = [:]
    /// Each lower-cased userName's first record and a 32-bit tag of that record's externalId (0: none).
    private var userNames: [Int: (record: Int32, externalId: UInt32)] = [:]
    /// Manager references not resolved when their record was read, as located diagnostics; only as
    /// many as the limits could print, the rest counted by manager.
    private var pending: [(diagnostic: Diagnostic, manager: String)] = []
    private var pendingCounts: [Int: Int] = [:]
    private let pendingLimit: Int

    init(limits: DiagnosticLimits) { pendingLimit = min(limits.perRule, limits.total) }

    /// Room for about `records` users, so the tables are not copied into bigger ones as they grow
    /// (each copy held the old and the new table at once).
    mutating func reserve(records: Int) {
        externalIds.reserveCapacity(records)
        userNames.reserveCapacity(records)
    }

    /// The set findings of one batch, with batch-relative record indices (to be placed and located
    /// like the batch's other findings); `base` is the batch's first record's input-wide index.
    mutating func check(_ records: [UserRecord], base: Int) -> (found: [Diagnostic], managers: [(slot: Int, manager: String)]) {
        var found: [Diagnostic] = []
        for (i, record) in records.enumerated() {
            let keys = RecordSetRules.Keys(record.data)
            let index = Int32(truncatingIfNeeded: base + i)
            if let id = keys.externalId, !id.isEmpty {
                if let first = externalIds[Self.key(id)] {
                    found.append(Diagnostic(.warning, rule: "entra.externalId.duplicate", source: "Entra: source anchor", record: i,
                        path: JSONPath.root.appending(record.data.key(forAttribute: "externalId") ?? "externalId"),
                        message: "externalId \"\(id)\" is also used by record \(Int(first) + 1); Entra applies both, the later one wins",
                        hint: "each worker should appear once per upload"))
                } else {
                    externalIds[Self.key(id)] = index
                }
            }
            if let name = keys.lowercasedUserName, !name.isEmpty {
                let tag = Self.tag(keys.externalId)
                if let first = userNames[Self.key(name)] {
                    if first.externalId != tag {
                        found.append(Diagnostic(.warning, rule: "entra.userName.duplicate", source: "Entra: userPrincipalName uniqueness", record: i,
                            path: JSONPath.root.appending(record.data.key(forAttribute: "userName") ?? "userName"),
                            message: "userName \"\(keys.userName ?? name)\" is also used by record \(Int(first.record) + 1) with another externalId; the second will fail to provision",
                            hint: "userNames must be unique in the tenant"))
                    }
                } else {
                    userNames[Self.key(name)] = (index, tag)
                }
            }
        }
        let unresolved = managerFindings(records, into: &found)
        return (found, unresolved)
    }

    /// Appends each self-managed record's warning; returns the records whose manager is not (yet) in
    /// the set, as slots in `found` of a provisional note, to be located and then held by `hold`.
    private func managerFindings(_ records: [UserRecord], into found: inout [Diagnostic]) -> [(slot: Int, manager: String)] {
        let managerPath = JSONPath.root.appending(SCIMSchema.enterpriseUser).appending("manager").appending("value")
        var unresolved: [(slot: Int, manager: String)] = []
        for (i, record) in records.enumerated() {
            let keys = RecordSetRules.Keys(record.data)
            guard let manager = keys.managerExternalId, !manager.isEmpty else { continue }
            if manager == keys.externalId {
                found.append(Diagnostic(.warning, rule: "entra.manager.self", source: "Entra: manager reference", record: i,
                                        path: managerPath, message: "the user is their own manager"))
            } else if externalIds[Self.key(manager)] == nil {
                unresolved.append((found.count, manager))
                found.append(Diagnostic(.note, rule: "entra.manager.outside", source: "Entra: manager reference", record: i, path: managerPath,
                    message: "manager \"\(manager)\" is not in this set; Entra resolves it only if that manager was provisioned earlier",
                    hint: "manager.value is the manager's externalId; include the manager in the upload if they are new"))
            }
        }
        return unresolved
    }

    private static func key(_ s: String) -> Int {
        var hasher = Hasher()
        hasher.combine(s)
        return hasher.finalize()
    }

    private static func tag(_ externalId: String?) -> UInt32 {
        externalId.map { UInt32(truncatingIfNeeded: key($0)) | 1 } ?? 0
    }

    /// Keeps an unresolved manager's located note until the end of the input.
    mutating func hold(_ note: Diagnostic, manager: String) {
        if pending.count < pendingLimit {
            pending.append((note, manager))
        } else {
            pendingCounts[Self.key(manager), default: 0] += 1
        }
    }

    /// The notes whose manager never appeared, added to `cap` at the end of the input.
    func finish(into cap: inout DiagnosticCap) {
        for (note, manager) in pending where externalIds[Self.key(manager)] == nil { cap.add(note) }
        let more = pendingCounts.reduce(0) { $0 + (externalIds[$1.key] == nil ? $1.value : 0) }
        if more > 0 { cap.countDropped("entra.manager.outside", severity: .note, count: more) }
    }
}
