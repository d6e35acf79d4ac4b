import Foundation
import SCIM

extension EmulatorCore {
    static let uploadPermissions = ["SynchronizationData-User.Upload", "SynchronizationData-User.Upload.OwnedBy"]
    /// Graph's tables also let Application.ReadWrite.OwnedBy through, for an app that owns the job.
    static let jobReadPermissions = ["Synchronization.Read.All", "Synchronization.ReadWrite.All", "Application.ReadWrite.OwnedBy"]
    static let jobWritePermissions = ["Synchronization.ReadWrite.All", "Application.ReadWrite.OwnedBy"]

    /// Routes `…/servicePrincipals/{id}/synchronization/jobs/{jobId}[/action]`.
    func job(_ request: EmulatorRequest, sp: String, job: String, action: String?, version: String, now: Date) async -> EmulatorResponse {
        let requestId = UUID().uuidString.lowercased()
        let clientRequestId = request.header("client-request-id") ?? UUID().uuidString.lowercased()
        let ids = [("request-id", requestId), ("client-request-id", clientRequestId)]
        do throws(GraphError) {
            let claims = try authenticate(request, tenantOf: sp, now: now)
            let key = Self.jobKey(sp, job)
            switch (request.method, action?.lowercased()) {
            case ("POST", "bulkupload"?):
                return try await bulkUpload(request, sp: sp, job: job, version: version, claims: claims,
                                            requestId: requestId, clientRequestId: clientRequestId, now: now)
            case ("GET", nil):
                try require(claims, Self.jobReadPermissions, sp: sp, job: job)
                jobStates[key]?.quarantine?.reevaluate(now: now)
                return .json(200, jobJSON(job, state: jobStates[key], now: now), headers: ids)
            case ("POST", let verb?) where ["start", "pause", "restart"].contains(verb):
                try require(claims, Self.jobWritePermissions, sp: sp, job: job)
                control(key, verb)
                return EmulatorResponse(status: 204, headers: ids)
            case (_, "schema"?):
                return try schema(request, sp: sp, job: job, claims: claims, ids: ids, now: now)
            case (_, "bulkupload"?):
                throw .methodNotAllowed
            default:
                throw .notFound("Resource not found for the segment '\(action ?? job)'.")
            }
        } catch {
            return error.response(requestId: requestId, clientRequestId: clientRequestId, now: now)
        }
    }

    /// start, pause, restart. Pause keeps the queued uploads; start and restart lift a quarantine;
    /// restart also purges every upload still waiting, as Entra does (ENTRA.md §5): they never reach
    /// the directory or the logs.
    func control(_ key: String, _ verb: String) {
        switch verb {
        case "pause":
            jobStates[key]?.code = "Paused"
        case "restart":
            let purged = queue.purge(job: key)
            statistics.purgedUploads += purged.count
            statistics.purgedOperations += purged.reduce(0) { $0 + $1.operations.count }
            fallthrough
        default:
            jobStates[key]?.code = "Active"
            jobStates[key]?.quarantine = nil
        }
    }

    /// 404 for an unknown service principal or job comes after 403: Graph checks permissions first.
    func require(_ claims: TokenIssuer.Claims, _ permissions: [String], sp: String, job: String) throws(GraphError) {
        guard claims.roles.contains(where: permissions.contains) else { throw .forbidden(permissions[0]) }
        guard let tenant = config.tenants.first(where: { $0.id == claims.tenant }),
            let principal = tenant.servicePrincipals.first(where: { $0.id.lowercased() == sp.lowercased() })
        else { throw .notFound("Resource '\(sp)' does not exist or one of its queried reference-property objects are not present.") }
        guard principal.jobs.contains(where: { $0.id == job }) else {
            throw .notFound("The synchronization job '\(job)' was not found on service principal '\(sp)'.")
        }
    }

    /// The `synchronizationJob` as of `now`.
    func jobJSON(_ id: String, state: JobState?, now: Date) -> JSONValue {
        let state = state ?? JobState(code: "NotConfigured", quarantineReason: nil, since: now)
        return .object([
            "id": .string(id),
            "templateId": .string(String(id.split(separator: ".").first ?? "API2AAD")),
            "schedule": ["interval": "PT40M", "state": .string(state.code == "Paused" ? "Disabled" : "Active")],
            "status": state.statusJSON(),
        ])
    }
}
