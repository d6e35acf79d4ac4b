import Foundation
import Provisioning
import TerminalUI

/// The Logs screen's per-upload summary (`s`): a journaled send reconciled with the entries on
/// screen by `UploadReconciliation`, the same computation `scimterm logs --summary` prints, so the
/// TUI never decides an outcome a second way.
public struct LogsSummary: Equatable, Sendable {
    /// The summary replaces the entries' list and detail on the screen.
    public var shown = false
    /// The send reconciled, without its payloads, and when the journal was read.
    public var send: Observed<SendJournal.StoredSend>?
    /// The send the last read asked for.
    var requested: Wanted?
    public var reading = false
    /// Why the journal could not be read.
    public var error: String?
    /// The journal was read and holds no send to this endpoint.
    public var noSend = false
    /// The reconciliation of `send` with the entries shown, kept until either changes.
    public private(set) var reconciliation: UploadReconciliation?
    /// What `reconciliation` was computed from, so a frame or a key does not compute it again.
    private var reconciledFrom: Source?
    /// The selected failure.
    public var list = ListState()

    public init() {}

    /// Which send to reconcile: the followed upload's, or the journal's newest to this endpoint
    /// (an imported download, or logs read without a send in this session).
    enum Wanted: Equatable, Sendable {
        case send(String)
        case latest
    }

    /// The send and the entries a reconciliation was computed from (entries only grow, newest
    /// first, so their count and newest id tell a change).
    private struct Source: Equatable, Sendable {
        var sendId: String
        var readAt: Date
        var imported: Bool
        var entries: Int
        var newest: String?
    }

    /// Computes the reconciliation again if the send or the entries changed since the last time.
    mutating func reconcile(with entries: [LogEntry], imported: Bool, viewport: Int) {
        guard let send else {
            reconciliation = nil
            reconciledFrom = nil
            return
        }
        let source = Source(sendId: send.value.id, readAt: send.at, imported: imported, entries: entries.count, newest: entries.first?.id)
        if source != reconciledFrom {
            reconciliation = UploadReconciliation(send: send.value, entries: entries.map(\.log))
            reconciledFrom = source
        }
        list = list.clamped(total: failures.count, viewport: viewport)
    }

    public var failures: [UploadReconciliation.Failure] { reconciliation?.failures ?? [] }

    public var selectedFailure: UploadReconciliation.Failure? {
        let failures = self.failures
        return failures.indices.contains(list.selected) ? failures[list.selected] : nil
    }
}

/// The failed users of a reconciliation as they stand in the workspace now: what "Resend the
/// failed" sends (each user's current record, with the operator's fixes) and who cannot be sent.
public struct FailedUsersPick: Equatable, Sendable {
    /// Record ids in the workspace, in the order the failures are listed.
    public var recordIDs: [Int]
    /// Failed externalIds no user of the workspace has ("" for an entry without one).
    public var missing: [String]

    /// One record per failed externalId (the first with it, as Enter finds a user).
    public init(failures: [UploadReconciliation.Failure], store: RecordStore) {
        var byExternalId: [String: Int] = [:]
        for entry in store.entries {
            guard let id = entry.record.externalId, !id.isEmpty, byExternalId[id] == nil else { continue }
            byExternalId[id] = entry.id
        }
        var seen = Set<String>()
        var ids: [Int] = []
        var missing: [String] = []
        for failure in failures where seen.insert(failure.externalId).inserted {
            if let id = byExternalId[failure.externalId] { ids.append(id) } else { missing.append(failure.externalId) }
        }
        recordIDs = ids
        self.missing = missing
    }

    /// "2 failed users are not in the workspace: 1007, (no externalId)"; nil when all are.
    public var missingText: String? {
        guard !missing.isEmpty else { return nil }
        let names = missing.map { $0.isEmpty ? "(no externalId)" : $0 }
        let shown = names.prefix(5).joined(separator: ", ") + (names.count > 5 ? ", …" : "")
        let verb = missing.count == 1 ? "is" : "are"
        return "\(LogsText.count(missing.count, "failed user")) \(verb) not in the workspace: \(shown)"
    }
}
