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
}
