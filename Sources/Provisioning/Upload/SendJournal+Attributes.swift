import Foundation
import GRDB
import SCIM

/// Which attributes each record of a send carried, so the next send of the same externalId can be
/// told what Entra will leave unchanged (updates are partial, ENTRA.md §4).
extension SendJournal {
    public struct SentAttributes: Sendable, Equatable {
        public var paths: Set<String>
        public var at: Date

        public init(paths: Set<String>, at: Date) {
            self.paths = paths
            self.at = at
        }
    }

    /// Called inside `begin`'s transaction: one row per operation with its externalId and attributes.
    static func rememberAttributes(_ db: Database, sendId: String, index: Int, body: [UInt8]) throws {
        guard let ops = (try? JSONParser.parse(body))?.objectValue?["Operations"]?.arrayValue else { return }
        for op in ops {
            guard let data = op.objectValue?["data"]?.objectValue, let id = UserRecord(data: data).externalId, !id.isEmpty else { continue }
            try db.execute(sql: "INSERT INTO sentRecord (sendId, idx, externalId, paths) VALUES (?, ?, ?, ?)",
                           arguments: [sendId, index, id, PartialUpdateNotes.carried(data).sorted().joined(separator: "\n")])
        }
    }

    /// For each of `externalIds`, what its latest accepted send to `endpoint` carried.
    public func lastAccepted(endpoint: String, externalIds: Set<String>) throws -> [String: SentAttributes] {
        guard !externalIds.isEmpty else { return [:] }
        return try db.read { db in try Self.lastAccepted(db, endpoint: endpoint, externalIds: externalIds) }
    }

    /// Looked up by externalId (indexed), a few hundred at a time: a send's lookups cost what its own
    /// users cost, however many users the journal remembers.
    static func lastAccepted(_ db: Database, endpoint: String, externalIds: Set<String>) throws -> [String: SentAttributes] {
        var found: [String: SentAttributes] = [:]
        let ids = Array(externalIds)
        for start in stride(from: 0, to: ids.count, by: 500) {
            let part = Array(ids[start..<min(start + 500, ids.count)])
            let rows = try Row.fetchCursor(db, sql: """
                SELECT r.externalId, r.paths, COALESCE(d.acceptedAt, s.created) AS at FROM sentRecord r
                JOIN document d ON d.sendId = r.sendId AND d.idx = r.idx JOIN send s ON s.id = r.sendId
                WHERE r.externalId IN (\(repeatElement("?", count: part.count).joined(separator: ", ")))
                AND s.endpoint = ? AND d.state = 'accepted' ORDER BY at
                """, arguments: StatementArguments(part + [endpoint]))
            while let row = try rows.next() {
                let paths = (row["paths"] as String).split(separator: "\n").map(String.init)
                found[row["externalId"]] = SentAttributes(paths: Set(paths), at: Date(timeIntervalSince1970: row["at"]))
            }
        }
        return found
    }
}
