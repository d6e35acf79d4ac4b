import Foundation
import GRDB

/// A send journaled without holding its payloads: documents go into SQLite one at a time as they
/// are built, and come back a page at a time as they are sent.
///
/// "The send is journaled" keeps its meaning from `begin`: every document is in the journal before
/// the first request goes. `beginStreaming` writes the send and all its documents in one
/// transaction, so a kill while documents are still being built leaves no trace (nothing was sent
/// either), and a kill after it leaves a send whose every document a resume finds. Only one
/// document's bytes are in memory at a time; SQLite spills the transaction to its WAL file.
extension SendJournal {
    /// A new send of `documents` (consumed lazily, in order); its id.
    public func beginStreaming<S: Sequence>(endpoint: String, documents: S, now: Date = Date()) throws -> String
    where S.Element == (body: [UInt8], externalIds: [String]) {
        let id = UUID().uuidString.lowercased()
        try db.write { db in
            try db.execute(sql: "INSERT INTO send (id, endpoint, created) VALUES (?, ?, ?)", arguments: [id, endpoint, now.timeIntervalSince1970])
            let insert = try db.cachedStatement(sql: "INSERT INTO document (sendId, idx, body, externalIds, state) VALUES (?, ?, ?, ?, 'pending')")
            for (i, doc) in documents.enumerated() {
                try insert.execute(arguments: [id, i, Data(doc.body), doc.externalIds.joined(separator: "\n")])
                try Self.rememberAttributes(db, sendId: id, index: i, body: doc.body)
            }
        }
        return id
    }

    /// How many documents send `sendId` has.
    public func documentCount(_ sendId: String) throws -> Int {
        try db.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document WHERE sendId = ?", arguments: [sendId]) ?? 0
        }
    }

    /// Up to `limit` documents of `sendId` that still need sending, from index `after` + 1 on, in order.
    public func documentsToSend(_ sendId: String, after: Int, limit: Int) throws -> [StoredDocument] {
        try db.read { db in
            try Row.fetchAll(db, sql: """
                SELECT idx, body, externalIds, state, attempts, requestId, reason, acceptedAt FROM document
                WHERE sendId = ? AND idx > ? AND state NOT IN ('accepted', 'purged') ORDER BY idx LIMIT ?
                """, arguments: [sendId, after, limit]).map(Self.storedDocument)
        }
    }

    /// Indices of the documents of `sendId` neither answered nor purged (pending or in flight), in order.
    public func unansweredIndices(_ sendId: String) throws -> [Int] {
        try db.read { db in
            try Int.fetchAll(db, sql: "SELECT idx FROM document WHERE sendId = ? AND state IN ('pending', 'sending') ORDER BY idx",
                             arguments: [sendId])
        }
    }

    static func storedDocument(_ d: Row) -> StoredDocument {
        StoredDocument(index: d["idx"], body: Array((d["body"] as Data?) ?? Data()),
                       externalIds: (d["externalIds"] as String).split(separator: "\n").map(String.init),
                       state: DocumentState(rawValue: d["state"]) ?? .pending, attempts: d["attempts"],
                       requestId: d["requestId"], reason: d["reason"],
                       acceptedAt: (d["acceptedAt"] as Double?).map { Date(timeIntervalSince1970: $0) })
    }
}
