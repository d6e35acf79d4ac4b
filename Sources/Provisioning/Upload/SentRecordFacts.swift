import SCIM

/// What the journal keeps of each user it sends: which attributes it carried (partial updates leave
/// the others as they were), and the three values whose change is hard to undo in Entra: whether
/// the account is enabled, its userName, and its manager.
public struct SentRecordFacts: Sendable, Equatable {
    public var externalId: String
    /// `PartialUpdateNotes.carried`, sorted.
    public var paths: [String]
    public var active: SentActive
    public var userName: String?
    /// The manager's externalId (`manager.value`).
    public var manager: String?

    public init(externalId: String, paths: [String], active: SentActive, userName: String?, manager: String?) {
        self.externalId = externalId
        self.paths = paths
        self.active = active
        self.userName = userName
        self.manager = manager
    }

    /// The facts of `record` as sent with `data` (its normalized data); nil without an externalId.
    public init?(_ record: UserRecord, data: JSONObject) {
        guard let id = record.externalId, !id.isEmpty else { return nil }
        self.init(externalId: id, paths: PartialUpdateNotes.carried(data).sorted(), active: SentActive(record.active),
                  userName: record.userName, manager: record.managerExternalId)
    }
}

/// `active` as a record carried it. Left out is its own value: Entra disables an account whose
/// record leaves `active` out (ENTRA.md §4), so it counts as false when comparing.
public enum SentActive: String, Sendable, Equatable {
    case enabled = "true"
    case disabled = "false"
    case absent

    public init(_ value: Bool?) {
        switch value {
        case true?: self = .enabled
        case false?: self = .disabled
        case nil: self = .absent
        }
    }

    /// What the account ends up as in Entra.
    public var isEnabled: Bool { self == .enabled }
}
