/// The set rules of `RecordSetRules` for records that arrive a batch at a time: only the keys are
/// kept between batches, and a manager not yet seen waits for the end of the input.
///
/// Messages, paths and severities are those of `RecordSetRules`, so a streamed file reports what
/// the same file read whole does.
struct StreamingSetRules {
    /// Each record's externalId hash (including an empty one, which is not indexed), and the first
    /// record of each non-empty one: compact hashes, as a million strings took more memory than
    /// the rest of the stream together.
    private var externalIds = HashedKeys()
    /// Each record's lower-cased userName hash and the first record of each.
    private var userNames = HashedKeys()
    /// Manager references not resolved when their record was read, as located diagnostics; only as
    /// many as the limits could print, the rest as their managers' hashes.
    private var pending: [(diagnostic: Diagnostic, manager: UInt64)] = []
    private var pendingHashes = ChunkedWords()
    private let pendingLimit: Int

    init(limits: DiagnosticLimits) { pendingLimit = min(limits.perRule, limits.total) }

    /// Room for about `records` users, so the tables are not copied into bigger ones as they grow
    /// (each copy held the old and the new table at once).
    mutating func reserve(records: Int) {
        externalIds.reserve(records)
        userNames.reserve(records)
    }

    /// The set findings of one batch, with batch-relative record indices (to be placed and located
    /// like the batch's other findings); `base` is the batch's first record's input-wide index.
    /// `hashes` are those of the `count` records that have keys (`SetKeyHashes.of`); `records` is called only when a finding
    /// needs their strings for its message, at most once.
    mutating func check(hashes: [SetKeyHashes], count: Int, base: Int, records readRecords: () -> [UserRecord])
        -> (found: [Diagnostic], managers: [(slot: Int, manager: UInt64)])
    {
        assert(externalIds.count == base, "batches come in order, each once")
        var found: [Diagnostic] = []
        var cached: [UserRecord]?
        func record(_ i: Int) -> UserRecord {
            if let cached { return cached[i] }
            let all = readRecords()
            cached = all
            return all[i]
        }
        var next = hashes.makeIterator()
        var h = next.next()
        for i in 0..<count {
            guard let keys = h, keys.record == i else {
                // A record with no key at all keeps its position in both tables.
                _ = externalIds.append(nil, index: false)
                _ = userNames.append(nil, index: false)
                continue
            }
            h = next.next()
            if let first = externalIds.append(keys.externalId, index: !keys.externalIdIsEmpty) {
                found.append(Self.duplicateExternalId(record(i), first: first, record: i))
            }
            if let first = userNames.append(keys.userName, index: true), externalIds.hash(ofRecord: first) != keys.externalId ?? 0 {
                found.append(Self.duplicateUserName(record(i), first: first, record: i))
            }
        }
        let unresolved = managerFindings(hashes, record: record, into: &found)
        return (found, unresolved)
    }

    private static func duplicateExternalId(_ record: UserRecord, first: Int, record i: Int) -> Diagnostic {
        let id = record.externalId ?? ""
        return Diagnostic(.warning, rule: "entra.externalId.duplicate", source: "Entra: source anchor", record: i,
            path: JSONPath.root.appending(record.data.key(forAttribute: "externalId") ?? "externalId"),
            message: "externalId \"\(id)\" is also used by record \(first + 1); Entra applies both, the later one wins",
            hint: "each worker should appear once per upload")
    }

    private static func duplicateUserName(_ record: UserRecord, first: Int, record i: Int) -> Diagnostic {
        let keys = RecordSetRules.Keys(record.data)
        return Diagnostic(.warning, rule: "entra.userName.duplicate", source: "Entra: userPrincipalName uniqueness", record: i,
            path: JSONPath.root.appending(record.data.key(forAttribute: "userName") ?? "userName"),
            message: "userName \"\(keys.userName ?? keys.lowercasedUserName ?? "")\" is also used by record \(first + 1) with another externalId; the second will fail to provision",
            hint: "userNames must be unique in the tenant")
    }

    /// Appends each self-managed record's warning; returns the records whose manager is not (yet) in
    /// the set, as slots in `found` of a provisional note, to be located and then held by `hold`.
    private func managerFindings(_ hashes: [SetKeyHashes], record: (Int) -> UserRecord, into found: inout [Diagnostic])
        -> [(slot: Int, manager: UInt64)]
    {
        let managerPath = JSONPath.root.appending(SCIMSchema.enterpriseUser).appending("manager").appending("value")
        var unresolved: [(slot: Int, manager: UInt64)] = []
        for h in hashes {
            let i = h.record
            guard let manager = h.manager else { continue }
            if h.managerIsSelf {
                found.append(Diagnostic(.warning, rule: "entra.manager.self", source: "Entra: manager reference", record: i,
                                        path: managerPath, message: "the user is their own manager"))
            } else if externalIds.first(manager) == nil {
                let name = record(i).managerExternalId ?? ""
                unresolved.append((found.count, manager))
                found.append(Diagnostic(.note, rule: "entra.manager.outside", source: "Entra: manager reference", record: i, path: managerPath,
                    message: "manager \"\(name)\" is not in this set; Entra resolves it only if that manager was provisioned earlier",
                    hint: "manager.value is the manager's externalId; include the manager in the upload if they are new"))
            }
        }
        return unresolved
    }

    /// Keeps an unresolved manager's located note until the end of the input.
    mutating func hold(_ note: Diagnostic, manager: UInt64) {
        if pending.count < pendingLimit {
            pending.append((note, manager))
        } else {
            pendingHashes.append(manager)
        }
    }

    /// The notes whose manager never appeared, added to `cap` at the end of the input.
    func finish(into cap: inout DiagnosticCap) {
        for (note, manager) in pending where externalIds.first(manager) == nil { cap.add(note) }
        var more = 0
        for i in 0..<pendingHashes.count where externalIds.first(pendingHashes[i]) == nil { more += 1 }
        if more > 0 { cap.countDropped("entra.manager.outside", severity: .note, count: more) }
    }
}
