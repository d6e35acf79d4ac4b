import Foundation
import GRDB

/// What a job restart does to the journal: Entra discards every upload still pending processing
/// (ENTRA.md §5), so documents it accepted but never processed must be sent again, never left
/// looking "accepted".
extension SendJournal {
    /// The reason a resend's documents carry until they are sent.
    public static let resentAfterPurge = "purged by a job restart; sent again"

    /// A document Entra answered 202 for, with when, and whether the logs have shown its users since.
    public struct AcceptedDocument: Sendable, Equatable {
        public var sendId: String
        public var index: Int
        public var externalIds: [String]
        public var acceptedAt: Date

        public init(sendId: String, index: Int, externalIds: [String], acceptedAt: Date) {
            self.sendId = sendId
            self.index = index
            self.externalIds = externalIds
            self.acceptedAt = acceptedAt
        }
    }

    /// Accepted documents to `endpoint` whose users the provisioning logs have not shown yet, oldest first.
    public func acceptedUnseen(endpoint: String) throws -> [AcceptedDocument] {
        try db.read { db in
            try Row.fetchAll(db, sql: """
                SELECT d.sendId, d.idx, d.externalIds, COALESCE(d.acceptedAt, s.created) AS acceptedAt
                FROM document d JOIN send s ON s.id = d.sendId
                WHERE s.endpoint = ? AND d.state = 'accepted' AND d.seenAt IS NULL
                ORDER BY acceptedAt, s.created, d.idx
                """, arguments: [endpoint]).map { row in
                AcceptedDocument(sendId: row["sendId"], index: row["idx"],
                                 externalIds: (row["externalIds"] as String).split(separator: "\n").map(String.init),
                                 acceptedAt: Date(timeIntervalSince1970: row["acceptedAt"]))
            }
        }
    }

    /// Records that the logs showed what Entra did with a document's users.
    public func markSeen(_ documents: [AcceptedDocument], at now: Date) throws {
        try db.write { db in
            for d in documents {
                try db.execute(sql: "UPDATE document SET seenAt = ? WHERE sendId = ? AND idx = ?",
                               arguments: [now.timeIntervalSince1970, d.sendId, d.index])
            }
        }
    }

    /// After a restart: marks `documents` purged and journals a new, unfinished send that carries
    /// their payloads in the order they were first accepted (so an older value never lands after a
    /// newer one), for `send --resume` or the TUI's resume offer. Returns the new send's id.
    @discardableResult
    public func purge(_ documents: [AcceptedDocument], endpoint: String, restartedAt now: Date) throws -> String? {
        guard !documents.isEmpty else { return nil }
        let id = UUID().uuidString.lowercased()
        try db.write { db in
            try db.execute(sql: "INSERT INTO send (id, endpoint, created) VALUES (?, ?, ?)",
                           arguments: [id, endpoint, now.timeIntervalSince1970])
            for (i, d) in documents.enumerated() {
                let reason = "purged by the job restart of \(ISO8601DateFormatter().string(from: now)); resent by send \(id)"
                try db.execute(sql: """
                    INSERT INTO document (sendId, idx, body, externalIds, state, reason)
                    SELECT ?, ?, body, externalIds, 'pending', ? FROM document WHERE sendId = ? AND idx = ?
                    """, arguments: [id, i, Self.resentAfterPurge, d.sendId, d.index])
                try db.execute(sql: "INSERT INTO sentRecord (sendId, idx, externalId, paths) SELECT ?, ?, externalId, paths FROM sentRecord WHERE sendId = ? AND idx = ?",
                               arguments: [id, i, d.sendId, d.index])
                try db.execute(sql: "UPDATE document SET state = 'purged', reason = ? WHERE sendId = ? AND idx = ?",
                               arguments: [reason, d.sendId, d.index])
            }
        }
        return id
    }
}
