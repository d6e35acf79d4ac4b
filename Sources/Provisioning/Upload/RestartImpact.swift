import Foundation

/// What a job restart would discard: the documents Entra accepted (202) whose users the provisioning
/// logs have not shown since. Read fresh from the logs when asked, never inferred from the journal alone.
public struct RestartImpact: Sendable, Equatable {
    /// Accepted and not yet processed, oldest first: a restart purges these.
    public var pending: [SendJournal.AcceptedDocument]
    /// Set when the logs could not be read: then every accepted, unseen document counts as pending.
    public var logsProblem: String?
    public var readAt: Date

    public init(pending: [SendJournal.AcceptedDocument], logsProblem: String?, readAt: Date) {
        self.pending = pending
        self.logsProblem = logsProblem
        self.readAt = readAt
    }

    public var users: Int { pending.reduce(0) { $0 + $1.externalIds.count } }

    /// The confirmation's words.
    public var warning: String {
        guard !pending.isEmpty else {
            return "The journal holds no accepted upload still waiting to be processed: a restart discards nothing of scimterm's."
        }
        var text = "Entra will discard \(pending.count) accepted document\(pending.count == 1 ? "" : "s") (\(users) user\(users == 1 ? "" : "s")) "
            + "not yet seen in the provisioning logs: a restart purges every upload still pending processing. "
            + "scimterm marks them \"purged by restart\" and offers to send them again."
        if let logsProblem { text += " (The logs could not be read: \(logsProblem); every accepted upload not yet seen counts.)" }
        return text
    }

    /// A document counts as processed once every one of its users has a log entry newer than its 202:
    /// older entries belong to earlier uploads (the same users are often sent twice in a minute).
    /// The journal's `acceptedAt` is when the accepted attempt went out, before Entra could process it;
    /// `skew` only covers activityDateTime's whole seconds. A local clock running ahead can only make a
    /// processed document look pending, and resending it is harmless.
    public static func processed(_ documents: [SendJournal.AcceptedDocument], entries: [(externalId: String, at: Date)],
                                 skew: TimeInterval = 1) -> [SendJournal.AcceptedDocument] {
        var newest: [String: Date] = [:]
        for e in entries where (newest[e.externalId] ?? .distantPast) < e.at { newest[e.externalId] = e.at }
        return documents.filter { d in
            d.externalIds.allSatisfy { id in (newest[id] ?? .distantPast) >= d.acceptedAt.addingTimeInterval(-skew) }
        }
    }

    /// Reads the logs since the oldest unseen acceptance, marks what they show as seen, and returns the rest.
    public static func read(journal: SendJournal, client: GraphClient, now: Date) async -> RestartImpact {
        let endpoint = client.settings.endpoint.bulkUploadURL
        let unseen = (try? journal.acceptedUnseen(endpoint: endpoint)) ?? []
        guard let oldest = unseen.first?.acceptedAt else { return RestartImpact(pending: [], logsProblem: nil, readAt: now) }
        do {
            let logs = try await client.provisioningLogs(LogQuery(since: oldest.addingTimeInterval(-120)), limit: 200_000)
            let entries = logs.compactMap { log in log.date.map { (externalId: log.externalId, at: $0) } }
            let seen = processed(unseen, entries: entries)
            try? journal.markSeen(seen, at: now)
            let seenKeys = Set(seen.map { "\($0.sendId)/\($0.index)" })
            return RestartImpact(pending: unseen.filter { !seenKeys.contains("\($0.sendId)/\($0.index)") }, logsProblem: nil, readAt: now)
        } catch {
            return RestartImpact(pending: unseen, logsProblem: error.description, readAt: now)
        }
    }
}
