import Foundation
import SCIM

extension EmulatorCore {
    /// `POST …/bulkUpload`, with every documented outcome (ENTRA.md §3) in the order Graph checks them.
    func bulkUpload(_ request: EmulatorRequest, sp: String, job: String, version: String, claims: TokenIssuer.Claims,
                    requestId: String, clientRequestId: String, now: Date) async throws(GraphError) -> EmulatorResponse {
        statistics.bulkUploads += 1
        try require(claims, Self.uploadPermissions, sp: sp, job: job)
        try throttle(tenant: claims.tenant, now: now)
        try spendDailyQuota(tenant: claims.tenant, now: now)
        switch faults.draw() {
        case nil: break
        case .dropConnection?:
            statistics.injectedFaults += 1
            var dropped = EmulatorResponse(status: 0)
            dropped.dropConnection = true
            return dropped
        case .unavailable?: statistics.injectedFaults += 1; throw .injectedUnavailable
        case .internalError?: statistics.injectedFaults += 1; throw .injectedInternal
        case .throttleWithoutRetryAfter?: statistics.injectedFaults += 1; throw .throttled(retryAfter: nil)
        }
        if config.faults.addedLatencyMilliseconds > 0 {
            try? await Task.sleep(nanoseconds: UInt64(config.faults.addedLatencyMilliseconds) * 1_000_000)
        }
        let type = request.header("content-type")?.lowercased() ?? ""
        guard type.hasPrefix("application/scim+json") else { throw .unsupportedMediaType }
        let operations = try Self.parseBulkRequest(request.body)
        let key = Self.jobKey(sp, job)
        if jobStates[key]?.code != "Active", queue.count(job: key) >= config.bucketCapacity {
            throw .bucketFull
        }
        queue.append(UploadBatch(tenant: claims.tenant, servicePrincipalId: sp, jobId: job, receivedAt: now, operations: operations))
        statistics.accepted += 1
        let filter = "jobid%20eq%20'\(job)'"
        return EmulatorResponse(status: 202, headers: [
            ("Location", "\(baseURL)/\(version)/auditLogs/provisioning/?$filter=\(filter)"),
            ("request-id", requestId), ("client-request-id", clientRequestId), ("Content-Length", "0"),
        ])
    }

    /// Counts the call against the tenant's 5-second window; answers 429 with the seconds until a slot frees.
    func throttle(tenant: String, now: Date) throws(GraphError) {
        guard config.rateLimit > 0 else { return }
        // Mutated in place through the subscript: a copy would duplicate the ring on every call.
        if let wait = rateWindows[tenant, default: CallWindow(limit: config.rateLimit, seconds: config.rateWindowSeconds)].admit(now: now) {
            statistics.throttled += 1
            throw .throttled(retryAfter: wait)
        }
    }

    /// Counts the call against the tenant's rolling 24-hour quota (ENTRA.md §3), shared by every
    /// client and job of the tenant. A refused call does not count; an admitted one counts whatever
    /// happens to it afterwards (a fault, a 400, a full bucket), as it reached the service.
    func spendDailyQuota(tenant: String, now: Date) throws(GraphError) {
        guard config.dailyQuota > 0 else { return }
        if let wait = quotaWindows[tenant, default: CallWindow(limit: config.dailyQuota, seconds: GraphError.dailyQuotaWindow)].admit(now: now) {
            statistics.quotaRefused += 1
            throw .dailyQuotaExceeded(calls: quotaWindows[tenant]?.count ?? config.dailyQuota, limit: config.dailyQuota, retryAfter: wait)
        }
    }

    /// The BulkRequest schema as Entra enforces it: 400 "Invalid Data Format" otherwise.
    static func parseBulkRequest(_ body: [UInt8]) throws(GraphError) -> [(bulkId: String, data: JSONObject)] {
        guard let value = try? JSONParser.parse(body), let request = value.objectValue else { throw .invalidDataFormat }
        let schemas = request["schemas"]?.arrayValue?.compactMap(\.stringValue) ?? []
        guard schemas.contains(SCIMSchema.bulkRequest) else {
            throw .badRequest("Invalid Data Format: schemas must contain \(SCIMSchema.bulkRequest)")
        }
        guard let ops = request["Operations"]?.arrayValue else { throw .badRequest("Invalid Data Format: Operations is required") }
        guard ops.count <= 50 else {
            throw .badRequest("Invalid Data Format: the request has \(ops.count) operations; the maximum is 50")
        }
        var result: [(bulkId: String, data: JSONObject)] = []
        for op in ops {
            guard let o = op.objectValue, o["method"]?.stringValue?.uppercased() == "POST",
                let path = o["path"]?.stringValue, path.lowercased() == "/users",
                let data = o["data"]?.objectValue
            else { throw .invalidDataFormat }
            if let active = data.attribute("active"), active.boolValue == nil, !active.isNull { throw .invalidDataFormat }
            result.append((o["bulkId"]?.stringValue ?? "", data))
        }
        return result
    }
}
