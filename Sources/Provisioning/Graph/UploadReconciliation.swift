import Foundation

/// What Entra did with each user of one journaled send, per upload (one bulkUpload call, one
/// document): only entries newer than the document's acceptance count, since an older entry of the
/// same externalId is an earlier send's outcome, not this one's.
public struct UploadReconciliation: Sendable, Equatable {
    public enum Outcome: String, Sendable, CaseIterable {
        case created, updated, disabled, deleted, other, skipped, failed
        case notSeen = "not yet seen"
    }

    public struct Failure: Sendable, Equatable {
        public var externalId: String
        public var document: Int
        public var errorCode: String?
        public var reason: String
        public var fix: String?

        public init(externalId: String, document: Int, errorCode: String?, reason: String, fix: String?) {
            self.externalId = externalId
            self.document = document
            self.errorCode = errorCode
            self.reason = reason
            self.fix = fix
        }
    }

    public struct Upload: Sendable, Equatable {
        /// 0-based document index.
        public var document: Int
        public var requestId: String?
        public var acceptedAt: Date?
        /// The users of the document (sent when accepted).
        public var users: Int
        public var accepted: Bool
        /// Why the document was not accepted, when it was not.
        public var notAcceptedReason: String?
        public var counts: [Outcome: Int]

        public func count(_ outcome: Outcome) -> Int { counts[outcome] ?? 0 }
    }

    public var sendId: String
    public var uploads: [Upload]
    public var failures: [Failure]

    /// Totals over the accepted uploads.
    public func total(_ outcome: Outcome) -> Int { uploads.reduce(0) { $0 + $1.count(outcome) } }
    public var sent: Int { uploads.filter(\.accepted).reduce(0) { $0 + $1.users } }
    public var hasFailures: Bool { !failures.isEmpty }

    public init(send: SendJournal.StoredSend, entries: [ProvisioningLog]) {
        sendId = send.id
        let byUser = Dictionary(grouping: entries, by: \.externalId)
        var uploads: [Upload] = []
        var failures: [Failure] = []
        for document in send.documents {
            var upload = Upload(document: document.index, requestId: document.requestId, acceptedAt: document.acceptedAt,
                                users: document.externalIds.count, accepted: document.state == .accepted,
                                notAcceptedReason: document.state == .accepted ? nil : (document.reason ?? document.state.rawValue), counts: [:])
            if upload.accepted {
                let acceptedAt = document.acceptedAt ?? send.created
                for id in document.externalIds {
                    let newest = (byUser[id] ?? []).filter { $0.isNewer(thanAcceptance: acceptedAt) }.max { ($0.date ?? .distantPast) < ($1.date ?? .distantPast) }
                    let outcome = newest.map(Self.outcome) ?? .notSeen
                    upload.counts[outcome, default: 0] += 1
                    if outcome == .failed, let entry = newest {
                        failures.append(Failure(externalId: id, document: document.index, errorCode: entry.errorCode,
                                                reason: entry.reason ?? "failure", fix: entry.recommendedAction))
                    }
                }
            }
            uploads.append(upload)
        }
        self.uploads = uploads
        self.failures = failures
    }

    static func outcome(_ entry: ProvisioningLog) -> Outcome {
        switch entry.status.lowercased() {
        case "failure": return .failed
        case "skipped": return .skipped
        default: break
        }
        switch entry.action.lowercased() {
        case "create": return .created
        case "update": return .updated
        case "disable": return .disabled
        case "delete", "stageddelete": return .deleted
        default: return .other
        }
    }
}

extension ProvisioningLog {
    /// Whether this entry can be the outcome of an upload accepted at `accepted`: Graph writes whole
    /// seconds, so that very second counts (both sides are cut to the second alike, or a fraction
    /// taken in one epoch could lose an entry of that second).
    public func isNewer(thanAcceptance accepted: Date) -> Bool {
        guard let date else { return false }
        return date.timeIntervalSince1970.rounded(.down) >= accepted.timeIntervalSince1970.rounded(.down)
    }
}
