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
        return try db.read { db in
            var found: [String: SentAttributes] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT r.externalId, r.paths, COALESCE(d.acceptedAt, s.created) AS at FROM sentRecord r
                JOIN document d ON d.sendId = r.sendId AND d.idx = r.idx JOIN send s ON s.id = r.sendId
                WHERE s.endpoint = ? AND d.state = 'accepted' ORDER BY at
                """, arguments: [endpoint])
            while let row = try rows.next() {
                let id: String = row["externalId"]
                guard externalIds.contains(id) else { continue }
                let paths = (row["paths"] as String).split(separator: "\n").map(String.init)
                found[id] = SentAttributes(paths: Set(paths), at: Date(timeIntervalSince1970: row["at"]))
            }
            return found
        }
    }
}
