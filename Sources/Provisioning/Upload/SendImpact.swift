import SCIM

/// What a send does to users Entra already has, as the journal last saw them accepted at the same
/// endpoint: the changes that are hard to undo, counted before anything goes. People ask for this
/// because a record that leaves `active` out disables the account (ENTRA.md §4), silently.
public struct SendImpact: Sendable, Equatable {
    public private(set) var users = 0
    /// externalIds never accepted at this endpoint (or none at all).
    public private(set) var new = 0
    /// Enabled when last accepted, now `active: false` or left out.
    public private(set) var disabled = 0
    public private(set) var userNameChanged = 0
    public private(set) var managerChanged = 0
    /// The first few disabled users' externalIds, for the message.
    public private(set) var disabledExamples: [String] = []

    public init() {}

    /// Counts `records` against what each one's externalId last carried (`SendJournal.lastAccepted`).
    public mutating func add(_ records: [UserRecord], previous: [String: SendJournal.SentAttributes]) {
        for record in records {
            users += 1
            guard let id = record.externalId, !id.isEmpty, let before = previous[id] else { new += 1; continue }
            if before.active?.isEnabled == true && !SentActive(record.active).isEnabled {
                disabled += 1
                if disabledExamples.count < 5 { disabledExamples.append(id) }
            }
            if let old = before.userName, let now = record.userName, old != now { userNameChanged += 1 }
            // Left out, a manager stays as it was (updates are partial); `active` known means the row kept the values.
            if let now = record.managerExternalId, before.active != nil, before.manager != now { managerChanged += 1 }
        }
    }

    /// Every user new: what a send to an endpoint the journal has never seen accepted does.
    public mutating func addNew(_ count: Int) {
        users += count
        new += count
    }

    /// How many disables pass without asking: `maxDisable` when given, else 10 or 5 % of the users,
    /// whichever is smaller, and at least 1 so that one leaver's record alone is never refused.
    public func disableLimit(maxDisable: Int?) -> Int {
        maxDisable ?? max(1, min(10, users * 5 / 100))
    }

    public func exceeds(maxDisable: Int?) -> Bool { disabled > disableLimit(maxDisable: maxDisable) }

    /// "120 users: 3 new, 2 disabled (enabled → active false or left out), 1 userName changed, 0 manager changed".
    public var summary: String {
        "\(users) user\(users == 1 ? "" : "s"): \(new) new, \(disabled) disabled (enabled → active false or left out), "
            + "\(userNameChanged) userName changed, \(managerChanged) manager changed"
    }
}

extension SendImpact {
    /// `records` against `journal`'s last accepted send of each externalId to `endpoint` (nil: any),
    /// looked up a few thousand at a time; every user is new when the endpoint has no history.
    public static func assess(_ records: [UserRecord], journal: SendJournal, endpoint: String?) throws -> SendImpact {
        var impact = SendImpact()
        guard try journal.hasAccepted(endpoint: endpoint) else { impact.addNew(records.count); return impact }
        for start in stride(from: 0, to: records.count, by: 2_000) {
            let part = Array(records[start..<min(start + 2_000, records.count)])
            impact.add(part, previous: try journal.lastAccepted(endpoint: endpoint, externalIds: Set(part.compactMap(\.externalId))))
        }
        return impact
    }
}
