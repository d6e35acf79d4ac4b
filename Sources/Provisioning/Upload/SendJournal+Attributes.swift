import Foundation
import GRDB
import SCIM

/// Which attributes each record of a send carried, so the next send of the same externalId can be
/// told what Entra will leave unchanged (updates are partial, ENTRA.md §4).
extension SendJournal {
    public struct SentAttributes: Sendable, Equatable {
        public var paths: Set<String>
        public var at: Date
        /// nil: journaled before these were kept (unknown, so never counted as a change).
        public var active: SentActive?
        public var userName: String?
        public var manager: String?

        public init(paths: Set<String>, at: Date, active: SentActive? = nil, userName: String? = nil, manager: String? = nil) {
            self.paths = paths
            self.at = at
            self.active = active
            self.userName = userName
            self.manager = manager
        }
    }

    static let rememberSQL = "INSERT INTO sentRecord (sendId, idx, externalId, paths, active, userName, manager) VALUES (?, ?, ?, ?, ?, ?, ?)"

    static func rememberArguments(_ facts: SentRecordFacts, sendId: String, index: Int) -> StatementArguments {
        [sendId, index, facts.externalId, facts.paths.joined(separator: "\n"), facts.active.rawValue, facts.userName, facts.manager]
    }

    /// Called inside `begin`'s transaction: one row per operation with its externalId and attributes.
    static func rememberAttributes(_ db: Database, sendId: String, index: Int, body: [UInt8]) throws {
        guard let ops = (try? JSONParser.parse(body))?.objectValue?["Operations"]?.arrayValue else { return }
        for op in ops {
            guard let data = op.objectValue?["data"]?.objectValue, let facts = SentRecordFacts(UserRecord(data: data), data: data) else { continue }
            try db.execute(sql: rememberSQL, arguments: rememberArguments(facts, sendId: sendId, index: index))
        }
    }

    /// For each of `externalIds`, what its latest accepted send to `endpoint` carried.
    /// `endpoint` nil: any endpoint (the sandbox's journal is its own, and its port changes each run).
    public func lastAccepted(endpoint: String?, externalIds: Set<String>) throws -> [String: SentAttributes] {
        guard !externalIds.isEmpty else { return [:] }
        return try db.read { db in try Self.lastAccepted(db, endpoint: endpoint, externalIds: externalIds) }
    }

    /// Looked up by externalId (indexed), a few hundred at a time: a send's lookups cost what its own
    /// users cost, however many users the journal remembers.
    static func lastAccepted(_ db: Database, endpoint: String?, externalIds: Set<String>) throws -> [String: SentAttributes] {
        var found: [String: SentAttributes] = [:]
        let ids = Array(externalIds)
        for start in stride(from: 0, to: ids.count, by: 500) {
            let part = Array(ids[start..<min(start + 500, ids.count)])
            let rows = try Row.fetchCursor(db, sql: """
                SELECT r.externalId, r.paths, r.active, r.userName, r.manager, COALESCE(d.acceptedAt, s.created) AS at FROM sentRecord r
                JOIN document d ON d.sendId = r.sendId AND d.idx = r.idx JOIN send s ON s.id = r.sendId
                WHERE r.externalId IN (\(repeatElement("?", count: part.count).joined(separator: ", ")))
                AND (? IS NULL OR s.endpoint = ?) AND d.state = 'accepted' ORDER BY at
                """, arguments: StatementArguments(part) + [endpoint, endpoint])
            while let row = try rows.next() {
                let paths = (row["paths"] as String).split(separator: "\n").map(String.init)
                found[row["externalId"]] = SentAttributes(paths: Set(paths), at: Date(timeIntervalSince1970: row["at"]),
                                                          active: (row["active"] as String?).flatMap(SentActive.init(rawValue:)),
                                                          userName: row["userName"], manager: row["manager"])
            }
        }
        return found
    }
}

extension SendJournal {
    /// Whether any document sent to `endpoint` was accepted: without one every user is new, and a
    /// send need not read its input again to say so.
    public func hasAccepted(endpoint: String?) throws -> Bool {
        try db.read { db in
            try Bool.fetchOne(db, sql: """
                SELECT EXISTS(SELECT 1 FROM document d JOIN send s ON s.id = d.sendId
                WHERE (? IS NULL OR s.endpoint = ?) AND d.state = 'accepted')
                """, arguments: [endpoint, endpoint]) ?? false
        }
    }
}
