import Foundation
import GRDB

/// Never older over newer: an interrupted send whose users a later send to the same endpoint also
/// carries must not be resumed silently, or the resume would put the older values back in Entra.
///
/// Granularity is the document: an unaccepted document is superseded when any one of its users
/// (externalIds) is carried by a later send, and a send is superseded when any of its unaccepted
/// documents is; a resume then holds the whole send back (a document cannot be split without
/// re-chunking, and a resume sends exactly what was journaled). Every document of the later send
/// counts, whatever its state: accepted and sending ones may have reached Entra, a pending or failed
/// one is the operator's newer intent, which a resume of older data must not undo either.
extension SendJournal {
    /// A later send, as the report names it.
    public struct NewerSend: Sendable, Equatable, Hashable {
        public var sendId: String
        public var created: Date

        public init(sendId: String, created: Date) {
            self.sendId = sendId
            self.created = created
        }
    }

    /// One externalId of the superseded send, and the newest later send that carries it.
    public struct Overlap: Sendable, Equatable {
        public var externalId: String
        public var newer: NewerSend
    }

    /// A send whose unaccepted documents carry users that a later send carries too.
    public struct Supersession: Sendable, Equatable {
        public var sendId: String
        public var endpoint: String
        public var created: Date
        /// Documents not accepted: what a resume would send.
        public var unacceptedDocuments: Int
        /// The users of those documents, in document order.
        public var unacceptedExternalIds: [String]
        /// Unaccepted documents with at least one user sent later.
        public var supersededDocuments: Int
        /// Each of `unacceptedExternalIds` that a later send carries, in the same order.
        public var overlaps: [Overlap]

        /// The later sends that carry the overlaps, newest first.
        public var newerSends: [NewerSend] {
            var seen = Set<NewerSend>()
            return overlaps.map(\.newer).filter { seen.insert($0).inserted }.sorted { $0.created > $1.created }
        }
    }

    /// `sends` in journal order (oldest inserted first); the result newest first. "Later" is a
    /// later `created`; two sends created at the same instant are ordered as they were journaled.
    /// Sends to other endpoints never supersede each other (another job, another directory), unless
    /// `acrossEndpoints`: the sandbox's journal is its own and its port changes from run to run.
    public static func superseded(_ sends: [StoredSend], acrossEndpoints: Bool = false) -> [Supersession] {
        let newestFirst = sends.indices.sorted { a, b in
            sends[a].created != sends[b].created ? sends[a].created > sends[b].created : a > b
        }
        var carriers: [String: [String: NewerSend]] = [:]  // endpoint → externalId → newest send carrying it
        var found: [Supersession] = []
        for i in newestFirst {
            let send = sends[i]
            let directory = acrossEndpoints ? "" : send.endpoint
            let later = carriers[directory] ?? [:]
            if let supersession = supersession(of: send, laterCarriers: later) { found.append(supersession) }
            var updated = later
            let carrier = NewerSend(sendId: send.id, created: send.created)
            for id in send.documents.flatMap(\.externalIds) where !id.isEmpty && updated[id] == nil { updated[id] = carrier }
            carriers[directory] = updated
        }
        return found
    }

    private static func supersession(of send: StoredSend, laterCarriers: [String: NewerSend]) -> Supersession? {
        let unaccepted = send.documents.filter(\.needsSending)
        guard !unaccepted.isEmpty, !laterCarriers.isEmpty else { return nil }
        let ids = unaccepted.flatMap(\.externalIds)
        let overlaps = ids.compactMap { id in laterCarriers[id].map { Overlap(externalId: id, newer: $0) } }
        guard !overlaps.isEmpty else { return nil }
        let documents = unaccepted.count { $0.externalIds.contains { laterCarriers[$0] != nil } }
        return Supersession(sendId: send.id, endpoint: send.endpoint, created: send.created, unacceptedDocuments: unaccepted.count,
                            unacceptedExternalIds: ids, supersededDocuments: documents, overlaps: overlaps)
    }

    /// The superseded sends to `endpoint` (every endpoint when nil), newest first.
    public func superseded(endpoint: String?, acrossEndpoints: Bool = false) throws -> [Supersession] {
        let scope = acrossEndpoints ? nil : endpoint
        guard let since = try oldestCandidate(endpoint: scope, acrossEndpoints: acrossEndpoints) else { return [] }
        return Self.superseded(try outlines(endpoint: scope, since: since), acrossEndpoints: acrossEndpoints)
    }

    /// When the oldest send that could be superseded was created: one with a document still to
    /// send and a later send in its directory; nil when there is none (the usual case after a send
    /// went through), so a journal of a million users is not read to find nothing. Older sends
    /// cannot change the answer: they are superseded by later ones, never the other way round.
    private func oldestCandidate(endpoint: String?, acrossEndpoints: Bool) throws -> Double? {
        try db.read { db in
            let own = endpoint == nil ? "" : "c.endpoint = ? AND "
            let directory = acrossEndpoints ? "" : "l.endpoint = c.endpoint AND "
            return try Double.fetchOne(db, sql: """
                SELECT MIN(c.created) FROM send c WHERE \(own)EXISTS
                (SELECT 1 FROM document d WHERE d.sendId = c.id AND d.state NOT IN ('accepted', 'purged'))
                AND EXISTS (SELECT 1 FROM send l WHERE \(directory)(l.created > c.created OR (l.created = c.created AND l.rowid > c.rowid)))
                """, arguments: StatementArguments(endpoint.map { [$0] } ?? []))
        }
    }

    /// Whether a later send carries users of send `id`'s unaccepted documents.
    public func supersession(of id: String, acrossEndpoints: Bool = false) throws -> Supersession? {
        guard let endpoint = try db.read({ db in
            try String.fetchOne(db, sql: "SELECT endpoint FROM send WHERE id = ?", arguments: [id])
        }) else { return nil }
        return try superseded(endpoint: endpoint, acrossEndpoints: acrossEndpoints).first { $0.sendId == id }
    }

    /// Every send created at `since` or later, without its payloads (which can be large and are not
    /// needed to compare users), in journal order.
    private func outlines(endpoint: String?, since: Double) throws -> [StoredSend] {
        try db.read { db in
            let clause = "WHERE s.created >= ?" + (endpoint == nil ? "" : " AND s.endpoint = ?")
            var values: [(any DatabaseValueConvertible)?] = [since]
            if let endpoint { values.append(endpoint) }
            let arguments = StatementArguments(values)
            var documents: [String: [StoredDocument]] = [:]
            for d in try Row.fetchAll(db, sql: """
                SELECT d.sendId, d.idx, d.externalIds, d.state, d.attempts FROM document d JOIN send s ON s.id = d.sendId \(clause)
                ORDER BY d.sendId, d.idx
                """, arguments: arguments) {
                documents[d["sendId"], default: []].append(StoredDocument(
                    index: d["idx"], body: [], externalIds: (d["externalIds"] as String).split(separator: "\n").map(String.init),
                    state: DocumentState(rawValue: d["state"]) ?? .pending, attempts: d["attempts"]))
            }
            return try Row.fetchAll(db, sql: "SELECT s.id, s.endpoint, s.created FROM send s \(clause) ORDER BY s.rowid",
                                    arguments: arguments).map { row in
                StoredSend(id: row["id"], endpoint: row["endpoint"], created: Date(timeIntervalSince1970: row["created"]),
                           documents: documents[row["id"], default: []])
            }
        }
    }
}
