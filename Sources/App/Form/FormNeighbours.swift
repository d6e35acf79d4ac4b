import SCIM

/// The other users' externalIds and userNames, so the form can say on every keystroke that the
/// user it edits repeats one of them: the set-level checks, for one user.
///
/// Gathered once when the form opens (one pass over the workspace); each keystroke then costs two
/// dictionary lookups, not a pass over 100,000 users. The whole-set validation flags only the later
/// of two users; the form flags whichever one is open, since either can be the one to fix.
public struct FormNeighbours: Equatable, Sendable {
    /// Who else holds a value: "record 3 (ada@contoso.com)", as the set rules name records.
    struct Holder: Equatable, Sendable {
        var name: String
        var externalId: String?
    }

    private var externalIds: [String: Holder] = [:]
    /// Lower-cased: Entra's userPrincipalName ignores case.
    private var userNames: [String: Holder] = [:]

    public init() {}

    /// Every user of `store` but the one with id `excluded`.
    public init(store: RecordStore, excluding excluded: Int) {
        externalIds.reserveCapacity(store.count)
        userNames.reserveCapacity(store.count)
        for (position, entry) in store.entries.enumerated() where entry.id != excluded {
            let record = entry.record
            let holder = Holder(name: "record \(position + 1)" + (record.userName.map { $0.isEmpty ? "" : " (\($0))" } ?? ""),
                                externalId: record.externalId)
            if let id = record.externalId, !id.isEmpty, externalIds[id] == nil { externalIds[id] = holder }
            if let name = record.userName?.lowercased(), !name.isEmpty, userNames[name] == nil { userNames[name] = holder }
        }
    }

    /// The same rules and wording as the whole-set validation, for this one record.
    func diagnostics(for record: UserRecord) -> [Diagnostic] {
        var found: [Diagnostic] = []
        if let id = record.externalId, !id.isEmpty, let other = externalIds[id] {
            found.append(Diagnostic(
                .warning, rule: "entra.externalId.duplicate", source: "Entra: source anchor",
                path: JSONPath.root.appending(record.data.key(forAttribute: "externalId") ?? "externalId"),
                message: "externalId \"\(id)\" is also used by \(other.name); Entra applies both, the later one wins",
                hint: "each worker should appear once per upload"))
        }
        if let name = record.userName, !name.isEmpty, let other = userNames[name.lowercased()], other.externalId != record.externalId {
            found.append(Diagnostic(
                .warning, rule: "entra.userName.duplicate", source: "Entra: userPrincipalName uniqueness",
                path: JSONPath.root.appending(record.data.key(forAttribute: "userName") ?? "userName"),
                message: "userName \"\(name)\" is also used by \(other.name) with another externalId; one of them will fail to provision",
                hint: "userNames must be unique in the tenant"))
        }
        return found
    }
}
