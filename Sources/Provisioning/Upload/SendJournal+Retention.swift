import Foundation
import GRDB

/// Retention: the journal holds HR data, so the payload bodies of sends completed long ago are
/// dropped; the rows, states, request ids and counts stay, so "what went, when" is still answered.
extension SendJournal {
    /// One send as `scimterm journal list` shows it.
    public struct SendListing: Sendable, Equatable {
        public var id: String
        public var endpoint: String
        public var created: Date
        public var finished: Bool
        /// Documents by state (`accepted`, `pending`, …), only the states present.
        public var documents: [String: Int]
        /// Documents whose payload retention dropped.
        public var pruned: Int
    }

    /// Every send, newest first.
    public func listing() throws -> [SendListing] {
        try db.read { db in
            let sends = try Row.fetchAll(db, sql: "SELECT id, endpoint, created, finished FROM send ORDER BY created DESC")
            return try sends.map { row in
                let id: String = row["id"]
                var counts: [String: Int] = [:]
                for d in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM document WHERE sendId = ? GROUP BY state", arguments: [id]) {
                    counts[d["state"]] = d["n"]
                }
                let pruned = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document WHERE sendId = ? AND length(body) = 0", arguments: [id]) ?? 0
                return SendListing(id: id, endpoint: row["endpoint"], created: Date(timeIntervalSince1970: row["created"]),
                                   finished: row["finished"], documents: counts, pruned: pruned)
            }
        }
    }

    /// Drops the payload bodies of finished sends whose last document went more than `keepDays`
    /// days before `now`; returns how many sends lost bodies. An unfinished send is never pruned:
    /// it is what `--resume` sends.
    @discardableResult
    public func prune(keepDays: Int, now: Date) throws -> Int {
        let cutoff = now.timeIntervalSince1970 - Double(keepDays) * 86_400
        return try db.write { db in
            let ids = try String.fetchAll(db, sql: """
                SELECT s.id FROM send s WHERE s.finished = 1
                AND COALESCE((SELECT MAX(COALESCE(d.acceptedAt, d.sentAt)) FROM document d WHERE d.sendId = s.id), s.created) < ?
                AND EXISTS (SELECT 1 FROM document d WHERE d.sendId = s.id AND length(d.body) > 0)
                """, arguments: [cutoff])
            for id in ids {
                try db.execute(sql: "UPDATE document SET body = x'' WHERE sendId = ?", arguments: [id])
            }
            return ids.count
        }
    }
}
