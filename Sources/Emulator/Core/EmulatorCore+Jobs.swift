import Foundation
import SCIM

extension EmulatorCore {
    static let uploadPermissions = ["SynchronizationData-User.Upload", "SynchronizationData-User.Upload.OwnedBy"]
    static let jobReadPermissions = ["Synchronization.Read.All", "Synchronization.ReadWrite.All"]

    /// Routes `…/servicePrincipals/{id}/synchronization/jobs/{jobId}[/action]`.
    func job(_ request: EmulatorRequest, sp: String, job: String, action: String?, version: String, now: Date) async -> EmulatorResponse {
        let requestId = UUID().uuidString.lowercased()
        let clientRequestId = request.header("client-request-id") ?? UUID().uuidString.lowercased()
        do throws(GraphError) {
            let claims = try authenticate(request, tenantOf: sp, now: now)
            let key = Self.jobKey(sp, job)
            switch (request.method, action?.lowercased()) {
            case ("POST", "bulkupload"?):
                return try await bulkUpload(request, sp: sp, job: job, version: version, claims: claims,
                                            requestId: requestId, clientRequestId: clientRequestId, now: now)
            case ("GET", nil):
                try require(claims, Self.jobReadPermissions, sp: sp, job: job)
                return .json(200, jobJSON(job, state: jobStates[key]), headers: [("request-id", requestId), ("client-request-id", clientRequestId)])
            case ("POST", let verb?) where ["start", "pause", "restart"].contains(verb):
                try require(claims, ["Synchronization.ReadWrite.All"], sp: sp, job: job)
                switch verb {
                case "pause": jobStates[key]?.code = "Paused"
                default:
                    jobStates[key]?.code = "Active"
                    jobStates[key]?.quarantineReason = nil
                }
                return EmulatorResponse(status: 204, headers: [("request-id", requestId), ("client-request-id", clientRequestId)])
            case (_, "bulkupload"?):
                throw .methodNotAllowed
            default:
                throw .notFound("Resource not found for the segment '\(action ?? job)'.")
            }
        } catch {
            return error.response(requestId: requestId, clientRequestId: clientRequestId, now: now)
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

    func jobJSON(_ id: String, state: JobState?) -> JSONValue {
        let code = state?.code ?? "NotConfigured"
        var status: JSONObject = ["code": .string(code), "countSuccessiveCompleteFailures": 0, "escrowsPruned": false]
        status.append("lastExecution", state?.lastExecution.map { date in
            .object(["activityIdentifier": .string(UUID().uuidString.lowercased()), "state": "Succeeded",
                     "timeBegan": .string(GraphError.isoDate(date)), "timeEnded": .string(GraphError.isoDate(date))])
        } ?? .null)
        status.append("quarantine", code == "Quarantine" ? .object([
            "reason": .string(state?.quarantineReason ?? "EncounteredQuarantineException"),
            "currentBegan": .string(GraphError.isoDate(Date())),
            "error": ["code": "SyncQuarantine", "message": .string(state?.quarantineReason ?? "The job was quarantined.")],
        ]) : .null)
        return .object([
            "id": .string(id),
            "templateId": .string(String(id.split(separator: ".").first ?? "API2AAD")),
            "schedule": ["interval": "PT40M", "state": .string(code == "Paused" ? "Disabled" : "Active")],
            "status": .object(status),
        ])
    }
}
