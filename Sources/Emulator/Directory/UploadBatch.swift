import Foundation
import SCIM

/// An accepted bulkUpload waiting to be processed, as the synchronization service queues it.
struct UploadBatch: Sendable {
    var tenant: String
    var servicePrincipalId: String
    var jobId: String
    var receivedAt: Date
    /// Each operation's bulkId and data, in request order.
    var operations: [(bulkId: String, data: JSONObject)]

    /// The job's key in `EmulatorCore.jobStates` and `UploadQueue` (service principal ids are GUIDs,
    /// compared without regard to case; job ids as sent).
    var jobKey: String { Self.jobKey(servicePrincipalId, jobId) }

    static func jobKey(_ servicePrincipalId: String, _ jobId: String) -> String { servicePrincipalId.lowercased() + "/" + jobId }
}
