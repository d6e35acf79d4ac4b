import Foundation
import GRDB

/// Every exchange of a TUI session on disk (SQLite, WAL), so the Activity pane can hold a window of
/// them while a send of 100,000 users records thousands: the rest are paged in, searched and
/// exported from here.
///
/// Exchanges arrive already redacted (the recorder writes them), so the file holds payloads (HR
/// data) but never a token or a secret; file 0600, folder 0700, like the send journal. One table
/// keyed by session: each TUI run is a new session and starts empty. Opening the store prunes the
/// sessions older than `keepDays` and all but the newest `keepSessions`, so the file does not grow
/// without bound across runs.
public final class ExchangeStore: Sendable {
    public let path: String
    /// This run's session: what every read and write is limited to.
    public let session: String
    let db: DatabaseQueue

    public static let keepSessions = 5
    public static let keepDays = 7.0

    public init(path: String, session: String = UUID().uuidString, now: Date,
                keepSessions: Int = ExchangeStore.keepSessions, keepDays: Double = ExchangeStore.keepDays) throws {
        self.path = path
        self.session = session
        // Losing the last exchanges to a power cut costs nothing that matters (the send journal is
        // what a resume reads).
        db = try PrivateDatabase.open(path: path)
        try migrate()
        try begin(now: now, keepSessions: keepSessions, keepDays: keepDays)
    }

    private func migrate() throws {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "session") { t in
                t.primaryKey("id", .text)
                t.column("started", .double).notNull()
            }
            try db.execute(sql: """
                CREATE TABLE exchange (
                    session TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
                    id INTEGER NOT NULL, purpose TEXT NOT NULL, started DOUBLE NOT NULL,
                    method TEXT NOT NULL, url TEXT NOT NULL, requestHeaders TEXT NOT NULL, requestBody BLOB NOT NULL,
                    status INTEGER, responseHeaders TEXT, responseBody BLOB, failure TEXT,
                    duration DOUBLE NOT NULL, attempt INTEGER NOT NULL, search TEXT NOT NULL,
                    PRIMARY KEY (session, id)) WITHOUT ROWID
                """)
        }
        try migrator.migrate(db)
    }

    /// Records this session and drops the old ones (their exchanges go with them).
    private func begin(now: Date, keepSessions: Int, keepDays: Double) throws {
        try db.write { db in
            try db.execute(sql: "INSERT INTO session (id, started) VALUES (?, ?)", arguments: [session, now.timeIntervalSince1970])
            let cutoff = now.timeIntervalSince1970 - keepDays * 86_400
            let old = try String.fetchAll(db, sql: """
                SELECT id FROM session WHERE id != ? AND (started < ? OR id NOT IN
                    (SELECT id FROM session ORDER BY started DESC, rowid DESC LIMIT ?))
                """, arguments: [session, cutoff, max(1, keepSessions)])
            for id in old {
                try db.execute(sql: "DELETE FROM exchange WHERE session = ?", arguments: [id])
                try db.execute(sql: "DELETE FROM session WHERE id = ?", arguments: [id])
            }
        }
    }

    /// Adds one (already redacted) exchange; one with an id already stored replaces it.
    public func append(_ exchange: HTTPExchange) throws {
        try db.write { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO exchange (session, \(ExchangeRow.columns), search)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: ExchangeRow.arguments(exchange, session: session))
        }
    }

    /// How many exchanges this session holds.
    public func count() throws -> Int {
        try db.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM exchange WHERE session = ?", arguments: [session]) ?? 0 }
    }

    /// The exchanges with these ids, in id order (ids this session does not have are left out).
    public func exchanges(ids: [Int]) throws -> [HTTPExchange] {
        try rows(ids: ids, columns: ExchangeRow.columns).map(ExchangeRow.exchange)
    }

    /// The summaries of the exchanges with these ids, in id order, without reading their bodies.
    public func summaries(ids: [Int]) throws -> [ExchangeSummary] {
        try rows(ids: ids, columns: ExchangeRow.summaryColumns).map(ExchangeRow.summary)
    }

    /// `columns` of this session's rows with these ids, in id order.
    private func rows(ids: [Int], columns: String) throws -> [Row] {
        guard !ids.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ",")
        return try db.read { db in
            try Row.fetchAll(db, sql: "SELECT \(columns) FROM exchange WHERE session = ? AND id IN (\(marks)) ORDER BY id",
                             arguments: StatementArguments([session] + ids.map { $0 as any DatabaseValueConvertible }))
        }
    }

    /// Up to `limit` exchanges after id `after`, in id order: a page of a walk through the session.
    public func exchanges(after: Int, limit: Int) throws -> [HTTPExchange] {
        try db.read { db in
            try Row.fetchAll(db, sql: "SELECT \(ExchangeRow.columns) FROM exchange WHERE session = ? AND id > ? ORDER BY id LIMIT ?",
                             arguments: [session, after, limit])
                .map(ExchangeRow.exchange)
        }
    }

    /// The ids of the exchanges whose text contains `query` (any case), in order, and the highest id
    /// the session had when it was searched (later ones are the caller's to test).
    public func search(_ query: String) throws -> (ids: [Int], upTo: Int) {
        let needle = query.lowercased()
        return try db.read { db in
            let upTo = try Int.fetchOne(db, sql: "SELECT max(id) FROM exchange WHERE session = ?", arguments: [session]) ?? 0
            let ids = try Int.fetchAll(db, sql: "SELECT id FROM exchange WHERE session = ? AND instr(search, ?) > 0 ORDER BY id",
                                       arguments: [session, needle])
            return (ids, upTo)
        }
    }

    /// The sessions the file holds, newest first (what pruning left).
    public func sessions() throws -> [String] {
        try db.read { db in try String.fetchAll(db, sql: "SELECT id FROM session ORDER BY started DESC, rowid DESC") }
    }
}
