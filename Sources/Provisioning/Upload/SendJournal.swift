import Foundation
import GRDB

/// The record of every send, document by document, in SQLite (WAL), so a send killed by kill -9 or an
/// SSH drop can be resumed with only what was not accepted, and the operator can always tell which
/// records went. It holds payloads (HR data) but never a token or a secret; file 0600, folder 0700.
public final class SendJournal: Sendable {
    public enum DocumentState: String, Sendable {
        case pending, sending, accepted, failed
        /// Accepted, then discarded by a job restart before Entra processed it (ENTRA.md §5); its
        /// payload went into a new send that resends it, so this copy is never sent again.
        case purged
    }

    public struct StoredDocument: Sendable, Equatable {
        public var index: Int
        public var body: [UInt8]
        public var externalIds: [String]
        public var state: DocumentState
        public var attempts: Int
        public var requestId: String?
        public var reason: String?
        /// When the attempt that got the 202 went out (its log entries are newer); nil until accepted.
        public var acceptedAt: Date?

        /// Whether a resume sends it: everything not accepted, except what a restart purged (its
        /// payload travels in the send that the purge created).
        public var needsSending: Bool { state != .accepted && state != .purged }
    }

    public struct StoredSend: Sendable, Equatable {
        public var id: String
        public var endpoint: String
        public var created: Date
        public var documents: [StoredDocument]
    }

    let db: DatabaseQueue
    public let path: String

    /// `$XDG_DATA_HOME/scimterm/journal.sqlite`, or `~/.local/share/scimterm/journal.sqlite`.
    public static var defaultPath: String {
        let env = ProcessInfo.processInfo.environment
        let base = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.local/share")
        return base + "/scimterm/journal.sqlite"
    }

    public init(path: String = SendJournal.defaultPath) throws {
        self.path = path
        db = try PrivateDatabase.open(path: path)
        try migrate()
    }

    private func migrate() throws {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "send") { t in
                t.primaryKey("id", .text)
                t.column("endpoint", .text).notNull()
                t.column("created", .double).notNull()
                t.column("finished", .boolean).notNull().defaults(to: false)
            }
            try db.create(table: "document") { t in
                t.column("sendId", .text).notNull().references("send", onDelete: .cascade)
                t.column("idx", .integer).notNull()
                t.column("body", .blob).notNull()
                t.column("externalIds", .text).notNull()
                t.column("state", .text).notNull()
                t.column("attempts", .integer).notNull().defaults(to: 0)
                t.column("requestId", .text)
                t.column("reason", .text)
                t.primaryKey(["sendId", "idx"])
            }
        }
        migrator.registerMigration("v2") { db in
            // acceptedAt and seenAt tell "accepted but not yet processed" apart (a restart purges those);
            // call rows count this machine's bulkUpload calls against the tenant's daily quota.
            try db.alter(table: "document") { t in
                t.add(column: "sentAt", .double)
                t.add(column: "acceptedAt", .double)
                t.add(column: "seenAt", .double)
            }
            try db.create(table: "call") { t in
                t.column("tenant", .text).notNull()
                t.column("at", .double).notNull()
            }
            try db.create(index: "call_by_tenant", on: "call", columns: ["tenant", "at"])
            try db.create(table: "sentRecord") { t in
                t.column("sendId", .text).notNull().references("send", onDelete: .cascade)
                t.column("idx", .integer).notNull()
                t.column("externalId", .text).notNull()
                t.column("paths", .text).notNull()
            }
            try db.create(index: "sentRecord_by_document", on: "sentRecord", columns: ["sendId", "idx"])
        }
        migrator.registerMigration("v3") { db in
            // Partial-update notes look users up by externalId, a batch at a time as a send streams.
            try db.create(index: "sentRecord_by_externalId", on: "sentRecord", columns: ["externalId"])
        }
        migrator.registerMigration("v4") { db in
            // The values a destructive-send guard compares: NULL in rows journaled before (unknown, never counted).
            try db.alter(table: "sentRecord") { t in
                t.add(column: "active", .text)
                t.add(column: "userName", .text)
                t.add(column: "manager", .text)
            }
        }
        try migrator.migrate(db)
    }

    public func begin(endpoint: String, documents: [(body: [UInt8], externalIds: [String])], now: Date = Date()) throws -> String {
        let id = UUID().uuidString.lowercased()
        try db.write { db in
            try db.execute(sql: "INSERT INTO send (id, endpoint, created) VALUES (?, ?, ?)", arguments: [id, endpoint, now.timeIntervalSince1970])
            for (i, doc) in documents.enumerated() {
                try db.execute(sql: "INSERT INTO document (sendId, idx, body, externalIds, state) VALUES (?, ?, ?, ?, 'pending')",
                               arguments: [id, i, Data(doc.body), doc.externalIds.joined(separator: "\n")])
                try Self.rememberAttributes(db, sendId: id, index: i, body: doc.body)
            }
        }
        return id
    }

    public func update(_ sendId: String, document: Int, state: DocumentState, requestId: String? = nil, reason: String? = nil,
                       at now: Date = Date()) throws {
        let time = now.timeIntervalSince1970
        try db.write { db in
            // An upload is processed after Entra receives it, which can be before its 202 gets back:
            // "accepted at" is when the accepted attempt went out, so its log entries are never older.
            try db.execute(sql: """
                UPDATE document SET state = ?, attempts = attempts + (CASE WHEN ? = 'sending' THEN 1 ELSE 0 END),
                requestId = COALESCE(?, requestId), reason = ?,
                sentAt = CASE WHEN ? = 'sending' THEN ? ELSE sentAt END,
                acceptedAt = CASE WHEN ? = 'accepted' THEN COALESCE(sentAt, ?) ELSE acceptedAt END
                WHERE sendId = ? AND idx = ?
                """, arguments: [state.rawValue, state.rawValue, requestId, reason, state.rawValue, time, state.rawValue, time, sendId, document])
        }
    }

    public func finish(_ sendId: String) throws {
        try db.write { db in try db.execute(sql: "UPDATE send SET finished = 1 WHERE id = ?", arguments: [sendId]) }
    }

    /// The most recent send to `endpoint` that has documents not accepted; without `bodies`, its
    /// documents come without their payloads (what a resume reads back a page at a time).
    public func latestUnfinished(endpoint: String, bodies: Bool = true) throws -> StoredSend? {
        try db.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT s.id, s.endpoint, s.created FROM send s WHERE s.endpoint = ? AND EXISTS
                (SELECT 1 FROM document d WHERE d.sendId = s.id AND d.state NOT IN ('accepted', 'purged')) ORDER BY s.created DESC LIMIT 1
                """, arguments: [endpoint]) else { return nil }
            return try self.load(db, row, bodies: bodies)
        }
    }

    /// The most recent send that stopped before it was through (a crash, an SSH drop, a cancel):
    /// not marked finished, and with documents not accepted. nil `endpoint` looks at every endpoint
    /// (the sandbox's port changes from run to run).
    public func latestInterrupted(endpoint: String?) throws -> StoredSend? {
        try db.read { db in
            let clause = endpoint == nil ? "" : "s.endpoint = ? AND "
            guard let row = try Row.fetchOne(db, sql: """
                SELECT s.id, s.endpoint, s.created FROM send s WHERE \(clause)s.finished = 0 AND EXISTS
                (SELECT 1 FROM document d WHERE d.sendId = s.id AND d.state NOT IN ('accepted', 'purged')) ORDER BY s.created DESC LIMIT 1
                """, arguments: StatementArguments(endpoint.map { [$0] } ?? [])) else { return nil }
            return try self.load(db, row)
        }
    }

    public func send(_ id: String, bodies: Bool = true) throws -> StoredSend? {
        try db.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT id, endpoint, created FROM send WHERE id = ?", arguments: [id]) else { return nil }
            return try self.load(db, row, bodies: bodies)
        }
    }

    private func load(_ db: Database, _ row: Row, bodies: Bool = true) throws -> StoredSend {
        let id: String = row["id"]
        let columns = "idx, externalIds, state, attempts, requestId, reason, acceptedAt" + (bodies ? ", body" : "")
        let docs = try Row.fetchAll(db, sql: "SELECT \(columns) FROM document WHERE sendId = ? ORDER BY idx", arguments: [id])
            .map(Self.storedDocument)
        return StoredSend(id: id, endpoint: row["endpoint"], created: Date(timeIntervalSince1970: row["created"]), documents: docs)
    }
}

extension SendJournal {
    /// The most recent send to `endpoint`, finished or not.
    /// The newest send to `endpoint`, or to any endpoint when nil (a log download names none).
    public func latest(endpoint: String?) throws -> StoredSend? {
        let id: String? = try db.read { db in
            try String.fetchOne(db, sql: "SELECT id FROM send WHERE ? IS NULL OR endpoint = ? ORDER BY created DESC LIMIT 1",
                                arguments: [endpoint, endpoint])
        }
        return try id.flatMap { try send($0) }
    }
}
