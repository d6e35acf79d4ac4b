import App
import Foundation
import Provisioning

/// The last journaled send as `logs --follow` follows it: each accepted user with when its document
/// was accepted, so that only newer entries count as this send's outcome (an older entry of the
/// same externalId is an earlier send's, and is not shown).
struct FollowedUpload {
    /// Each accepted externalId and when its document was accepted (the earliest, if sent twice).
    var acceptedAt: [String: Date]

    /// nil when the send has no accepted document.
    init?(_ send: SendJournal.StoredSend) {
        var accepted: [String: Date] = [:]
        for document in send.documents where document.state == .accepted {
            // A journal older than the acceptedAt column knows only when the send began.
            let at = document.acceptedAt ?? send.created
            for id in document.externalIds where !id.isEmpty { accepted[id] = min(accepted[id] ?? at, at) }
        }
        guard !accepted.isEmpty else { return nil }
        acceptedAt = accepted
    }

    var count: Int { acceptedAt.count }
    var first: Date { acceptedAt.values.min() ?? .distantPast }
    var last: Date { acceptedAt.values.max() ?? .distantPast }

    /// What Graph is asked for: a minute before the first acceptance (the clocks may differ).
    var readFrom: Date { first.addingTimeInterval(-60) }

    /// Whether an entry may be shown: any entry but one of this send's users from before its
    /// document was accepted (Graph writes whole seconds: that second counts).
    func mayShow(_ entry: ProvisioningLog) -> Bool {
        guard let accepted = acceptedAt[entry.externalId] else { return true }
        return entry.isNewer(thanAcceptance: accepted)
    }

    /// The users without an entry of this send among `shown` (entries that passed `mayShow`).
    func missing(_ shown: [ProvisioningLog]) -> Set<String> {
        Set(acceptedAt.keys).subtracting(shown.map(\.externalId))
    }

    /// The oldest acceptance among `missing`.
    func oldest(of missing: Set<String>) -> Date? {
        missing.compactMap { acceptedAt[$0] }.min()
    }
}

/// What `logs --follow` says on standard error while it waits and when it stops.
enum FollowText {
    static func queued(_ job: JobStatus, readAt: Date, now: Date) -> String {
        "queued: " + QueuedUploadText.sentence(job, start: "scimterm job start", restart: "scimterm job restart")
            + "; job state read \(age(readAt, now: now))"
    }

    static func waiting(missing: Int, of total: Int, since: Date, now: Date, interval: Double) -> String {
        "waiting for \(missing) of \(total) users (accepted \(age(since, now: now))); "
            + "Entra writes provisioning logs 5 to 10 minutes after an upload (next poll in \(Int(interval)) s)"
    }

    /// The closing line when users are still missing: queued behind a stopped job, not processed
    /// after `limit`, or simply not logged yet.
    static func missing(_ ids: Set<String>, oldest: Date, job: JobStatus?, jobReadAt: Date?, limit: TimeInterval, now: Date) -> String {
        let examples = ids.sorted().prefix(3).joined(separator: ", ")
        let users = "\(ids.count) user\(ids.count == 1 ? "" : "s") without an entry (e.g. \(examples))"
        if let job, let jobReadAt, !job.processesUploads { return queued(job, readAt: jobReadAt, now: now) + "; \(users)" }
        if now.timeIntervalSince(oldest) >= limit {
            return "accepted \(age(oldest, now: now)), not processed: was the job restarted or paused? \(users)"
        }
        return "no log entry yet for \(users), accepted \(age(oldest, now: now)); Entra writes them 5 to 10 minutes after an upload"
    }

    static func age(_ at: Date, now: Date) -> String { Observed(true, at: at).age(now: now) }
}
