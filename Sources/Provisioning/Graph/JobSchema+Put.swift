import Foundation
import SCIM

extension GraphClient {
    /// `PUT …/jobs/{jobId}/schema` with Graph's own JSON: replaces the job's schema and restarts the
    /// job with a full cycle (ENTRA.md §5), so callers confirm first and mark what the restart purges.
    /// Needs Synchronization.ReadWrite.All (a 403 names it: the purpose is a job action).
    public func putSchema(_ json: JSONValue) async throws(ProvisioningError) {
        _ = try await require(method: "PUT", url: settings.endpoint.schemaURL, body: JSONWriter.compact.bytes(json),
                              contentType: "application/json", purpose: .jobAction("schema"))
    }
}
