import Foundation

/// A send whose users' provisioning is being followed: each user with the time of its document's
/// accepted request (the one answered 202), because only entries newer than that say what Entra did
/// with this upload (an older entry of the same externalId is an earlier upload's outcome). The
/// request's departure, not the 202's arrival, is the bound: Entra may process before the 202 is back.
public struct LogsUpload: Equatable, Sendable {
    /// The users of one accepted document and when the request that got its 202 went out.
    public struct Batch: Equatable, Sendable {
        public var externalIds: [String]
        public var acceptedAt: Date

        public init(externalIds: [String], acceptedAt: Date) {
            self.externalIds = externalIds
            self.acceptedAt = acceptedAt
        }
    }

    public var sendId: String
    /// Each accepted externalId and when its document went out to be accepted (the first, when it went twice).
    public var acceptedAt: [String: Date]
    public var externalIds: Set<String> { Set(acceptedAt.keys) }
    public var count: Int { acceptedAt.count }
    /// The first 202 of the upload.
    public var since: Date
    /// The last 202 of the upload.
    public var lastAccepted: Date
    /// When the job was last seen (re)started during the follow: nothing queued could be processed
    /// before, so the wait for the users counts from then.
    public var jobStartedAt: Date?

    public init?(sendId: String, batches: [Batch]) {
        var accepted: [String: Date] = [:]
        for batch in batches {
            for id in batch.externalIds where !id.isEmpty { accepted[id] = min(accepted[id] ?? batch.acceptedAt, batch.acceptedAt) }
        }
        guard let first = accepted.values.min(), let last = accepted.values.max() else { return nil }
        self.sendId = sendId
        acceptedAt = accepted
        since = first
        lastAccepted = last
    }

    /// What Graph is asked for: a minute before the first 202, as this machine's clock and Entra's may
    /// differ. What counts as the upload's outcome is decided here, per user (`isOutcome`).
    public var readFrom: Date { since.addingTimeInterval(-LogsPolling.clockSkew) }

    /// Whether `entry` is what Entra did with this upload: one of its users, newer than the accepted
    /// request of that user's document. Graph writes whole seconds, so that counts from its second.
    public func isOutcome(_ entry: LogEntry) -> Bool {
        guard let accepted = acceptedAt[entry.log.externalId], let date = entry.date else { return false }
        // Whole seconds on both sides, computed alike (a fraction taken in one epoch and subtracted in
        // another can leave a hair above the second, and lose an entry of that very second).
        return date.timeIntervalSince1970.rounded(.down) >= accepted.timeIntervalSince1970.rounded(.down)
    }

    /// When users still missing should have appeared: the last 202 (or a later start of the job) plus `limit`.
    func overdue(after limit: TimeInterval) -> Date {
        max(lastAccepted, jobStartedAt ?? lastAccepted).addingTimeInterval(limit)
    }
}

extension SendProgress {
    /// The accepted documents' users, each document with when its accepted request went out; one
    /// accepted before this run (a resumed send) counts from the start of the send.
    public var acceptedBatches: [LogsUpload.Batch] {
        documents.indices.compactMap { i in
            guard case .accepted = state(ofDocument: i) else { return nil }
            return LogsUpload.Batch(externalIds: documents[i].externalIds, acceptedAt: acceptedAt[i] ?? startedAt)
        }
    }
}
