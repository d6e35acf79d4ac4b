import Foundation
import Provisioning

extension LogsSummary {
    /// The send to reconcile, read from the journal without its payloads (a send of 100,000 users
    /// holds tens of megabytes of them; the summary needs only each document's users, state and
    /// acceptance time). `sendId`'s, or the newest to `endpoint` (nil: any endpoint). Run off the loop.
    static func readSend(_ sendId: String?, endpoint: String?, journalPath: String) -> Result<SendJournal.StoredSend?, QuotaReadError> {
        do {
            let journal = try SendJournal(path: journalPath)
            if let sendId { return .success(try journal.send(sendId, bodies: false)) }
            guard let newest = try journal.listing().first(where: { endpoint == nil || $0.endpoint == endpoint }) else { return .success(nil) }
            return .success(try journal.send(newest.id, bodies: false))
        } catch {
            return .failure(QuotaReadError(String(describing: error)))
        }
    }
}
