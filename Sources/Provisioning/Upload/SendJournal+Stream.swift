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
        try beginStreaming(endpoint: endpoint, now: now) { appender in
            for doc in documents { try appender.append(body: doc.body, externalIds: doc.externalIds) }
        }
    }

    /// A new send whose documents `fill` hands to the appender as it builds them; its id. Nothing
    /// is journaled if `fill` throws.
    public func beginStreaming(endpoint: String, now: Date = Date(), _ fill: (inout Appender) throws -> Void) throws -> String {
        let id = UUID().uuidString.lowercased()
        try db.write { db in
            try db.execute(sql: "INSERT INTO send (id, endpoint, created) VALUES (?, ?, ?)", arguments: [id, endpoint, now.timeIntervalSince1970])
            var appender = try Appender(db: db, sendId: id, endpoint: endpoint)
            try fill(&appender)
        }
        return id
    }

    /// Writes one send's documents inside `beginStreaming`'s transaction; valid only during `fill`.
    public struct Appender {
        let db: Database
        public let sendId: String
        let endpoint: String
        private let insert: Statement
        private let remember: Statement
        /// Documents appended so far.
        public private(set) var count = 0

        init(db: Database, sendId: String, endpoint: String) throws {
            self.db = db
            self.sendId = sendId
            self.endpoint = endpoint
            insert = try db.cachedStatement(sql: "INSERT INTO document (sendId, idx, body, externalIds, state) VALUES (?, ?, ?, ?, 'pending')")
            remember = try db.cachedStatement(sql: SendJournal.rememberSQL)
        }

        /// The next document; its attributes are read back out of `body`.
        public mutating func append(body: [UInt8], externalIds: [String]) throws {
            try insert.execute(arguments: [sendId, count, Data(body), externalIds.joined(separator: "\n")])
            try SendJournal.rememberAttributes(db, sendId: sendId, index: count, body: body)
            count += 1
        }

        /// The next document, with what its operations carry already known (no second parse of the body).
        public mutating func append(_ built: BulkDocumentStream.Built) throws {
            try insert.execute(arguments: [sendId, count, Data(built.body), built.externalIds.joined(separator: "\n")])
            for facts in built.carried {
                try remember.execute(arguments: SendJournal.rememberArguments(facts, sendId: sendId, index: count))
            }
            count += 1
        }

        /// `SendJournal.lastAccepted` from inside the transaction (the journal cannot be read anew there).
        public func lastAccepted(externalIds: Set<String>) throws -> [String: SentAttributes] {
            try SendJournal.lastAccepted(db, endpoint: endpoint, externalIds: externalIds)
        }
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
