import Foundation
import Provisioning

/// Which records a send takes.
public enum SendScope: Equatable, Sendable {
    case all
    case marked
    /// One document of the preview (0-based).
    case document(Int)
    /// Every user whose checks found no error (warnings go).
    case withoutErrors
    /// The opened file's own documents, byte for byte (see `AsIsSource`).
    case asIs
    /// The failed users of the Logs summary, their current records ("Resend the failed").
    case failed(FailedUsersPick)
}

/// One BulkRequest as it goes on the wire, with the records it carries (for their status).
public struct SendDocument: Equatable, Sendable {
    public var bytes: [UInt8]
    public var recordIDs: [Int]
    public var externalIds: [String]

    public init(bytes: [UInt8], recordIDs: [Int], externalIds: [String]) {
        self.bytes = bytes
        self.recordIDs = recordIDs
        self.externalIds = externalIds
    }
}

/// What the uploader reports while it works, stamped with the time it happened.
public enum SendEvent: Equatable, Sendable {
    case started(sendId: String)
    case sending(document: Int, attempt: Int, at: Date)
    case accepted(document: Int, requestId: String?)
    case failed(document: Int, reason: String)
    case waiting(seconds: Double, reason: String, at: Date)
}

/// How a send ended.
public struct SendResult: Equatable, Sendable {
    public var sendId: String
    public var cancelled: Bool
    public var accepted: Int
    public var failed: Int
    /// Set when the send could not start at all (no credential, bad endpoint).
    public var error: String?
    /// Set when the send stopped by itself (the daily quota, a failure retrying cannot heal); the
    /// journal keeps the rest for resume.
    public var stopped: String?
    /// When the daily quota lets the rest go.
    public var resumeAfter: Date?

    public init(sendId: String, cancelled: Bool, accepted: Int, failed: Int, error: String? = nil) {
        self.sendId = sendId
        self.cancelled = cancelled
        self.accepted = accepted
        self.failed = failed
        self.error = error
    }
}

/// A send the journal holds unfinished: offered for resume on the next start.
public struct ResumableSend: Equatable, Sendable {
    public var sendId: String
    public var created: Date
    /// Each document's externalIds, and whether Entra already accepted it.
    public var documents: [[String]]
    public var accepted: [Bool]

    /// The documents a job restart discarded, journaled anew for resend.
    public var purgedByRestart: Bool
    /// Set when a later send carries some of its unaccepted users: resuming puts older data over newer.
    public var superseded: SendJournal.Supersession?

    public init(sendId: String, created: Date, documents: [[String]], accepted: [Bool], purgedByRestart: Bool = false,
                superseded: SendJournal.Supersession? = nil) {
        self.purgedByRestart = purgedByRestart
        self.superseded = superseded
        self.sendId = sendId
        self.created = created
        self.documents = documents
        self.accepted = accepted
    }

    public var acceptedDocuments: Int { accepted.count { $0 } }
    public var remainingRecords: Int { zip(documents, accepted).reduce(0) { $0 + ($1.1 ? 0 : $1.0.count) } }
}

/// What the Users table shows of a record's trip to Entra.
public enum RecordSendStatus: Equatable, Sendable {
    case queued
    case sending
    /// bulkUpload answered 202: Entra has the record and will process it.
    case accepted
    case failed(String)
    /// The provisioning log says what Entra did: create, update, disable, skip.
    case provisioned(action: String)
    case provisioningFailed(reason: String)
    /// An imported provisioning-log download (`file`) says what Entra did, then and in that tenant;
    /// `reason` is set when it failed.
    case imported(action: String, reason: String?, file: String)

    /// The table's status column (seven characters).
    public var badge: String {
        switch self {
        case .queued: return "queued"
        case .sending: return "sending"
        case .accepted: return "sent"
        case .failed: return "failed"
        case .provisioned(let action): return action.lowercased() == "skip" ? "skipped" : action.lowercased() + "d"
        case .provisioningFailed: return "failed"
        case .imported(_, let reason, _): return reason == nil ? "(imp) ✓" : "(imp) ✗"
        }
    }

    /// From an imported log download rather than from this session.
    public var isImported: Bool {
        if case .imported = self { return true }
        return false
    }
}
