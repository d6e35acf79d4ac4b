import Foundation
import SCIM

/// The emulated Entra: token endpoint, bulkUpload, job status and control, provisioning logs.
///
/// An actor so concurrent requests see one consistent world; every handler returns a plain
/// `EmulatorResponse`, and `EmulatorServer` only moves bytes.
public actor EmulatorCore {
    public let config: EmulatorConfig
    /// Base URL of this emulator (`http://127.0.0.1:PORT`), for `Location` and `@odata.nextLink`.
    public internal(set) var baseURL: String
    let issuer = TokenIssuer()
    var directory = Directory()
    var logs: [ProvisioningLogEntry] = []
    var queue: [UploadBatch] = []
    var jobStates: [String: JobState] = [:]
    var callTimes: [String: [Date]] = [:]
    var faults: FaultInjector
    public internal(set) var statistics = Statistics()

    public struct Statistics: Sendable, Equatable {
        public var tokenRequests = 0
        public var bulkUploads = 0
        public var accepted = 0
        public var throttled = 0
        public var injectedFaults = 0
        public var processedOperations = 0
    }

    struct JobState: Sendable {
        var code: String
        var quarantineReason: String?
        var lastExecution: Date?
    }

    public init(config: EmulatorConfig, baseURL: String = "http://127.0.0.1") {
        self.config = config
        self.baseURL = baseURL
        faults = FaultInjector(config.faults)
        for tenant in config.tenants {
            for sp in tenant.servicePrincipals {
                for job in sp.jobs {
                    jobStates[Self.jobKey(sp.id, job.id)] = JobState(code: job.state, quarantineReason: job.quarantineReason)
                }
            }
        }
    }

    public func setBaseURL(_ url: String) { baseURL = url }

    static func jobKey(_ sp: String, _ job: String) -> String { sp.lowercased() + "/" + job }

    public func handle(_ request: EmulatorRequest, now: Date = Date()) async -> EmulatorResponse {
        let parts = request.path.split(separator: "/").map(String.init)
        if parts.count == 4, parts[1] == "oauth2", parts[2] == "v2.0", parts[3] == "token" {
            guard request.method == "POST" else { return Self.graph(.methodNotAllowed, request, now) }
            statistics.tokenRequests += 1
            return token(request, tenantSegment: parts[0], now: now)
        }
        if let metadata = identityMetadata(request, parts: parts, now: now) { return metadata }
        guard let version = parts.first, version == "v1.0" || version == "beta" else {
            return Self.graph(.notFound("Resource not found for the segment '\(parts.first ?? "")'."), request, now)
        }
        if parts.count >= 3, parts[1].lowercased() == "auditlogs", parts[2].lowercased() == "provisioning" {
            return await provisioningLogs(request, version: version, now: now)
        }
        if parts.count >= 6, parts[1].lowercased() == "serviceprincipals", parts[3] == "synchronization", parts[4] == "jobs" {
            let action = parts.count > 6 ? parts[6] : nil
            return await job(request, sp: parts[2], job: parts[5], action: action, version: version, now: now)
        }
        return Self.graph(.notFound("Resource not found for the segment '\(request.path)'."), request, now)
    }

    static func graph(_ error: GraphError, _ request: EmulatorRequest, _ now: Date) -> EmulatorResponse {
        error.response(requestId: UUID().uuidString.lowercased(),
                       clientRequestId: request.header("client-request-id") ?? UUID().uuidString.lowercased(), now: now)
    }

    func tenant(_ segment: String) -> EmulatorConfig.Tenant? {
        config.tenants.first { $0.id.lowercased() == segment.lowercased() || $0.domains.contains { $0.lowercased() == segment.lowercased() } }
    }

    // MARK: Test and sandbox introspection

    public func userCount() -> Int { directory.count }

    public func userExists(externalId: String) -> Bool { directory.user(externalId: externalId) != nil }

    public func userProperties(externalId: String) -> [String: String]? { directory.user(externalId: externalId)?.properties }

    public func userManager(externalId: String) -> String? { directory.user(externalId: externalId)?.managerExternalId }

    public func logCount() -> Int { logs.count }

    public func pendingUploads() -> Int { queue.count }

    /// Processes queued uploads whose delay has passed, for jobs that are running.
    public func processDue(now: Date = Date()) {
        var remaining: [UploadBatch] = []
        for batch in queue {
            let key = Self.jobKey(batch.servicePrincipalId, batch.jobId)
            guard jobStates[key]?.code == "Active", now.timeIntervalSince(batch.receivedAt) >= config.processingDelaySeconds else {
                remaining.append(batch)
                continue
            }
            let spName = config.tenants.flatMap(\.servicePrincipals).first { $0.id.lowercased() == batch.servicePrincipalId.lowercased() }?.displayName ?? ""
            let entries = directory.process(batch, cycleId: UUID().uuidString.lowercased(), servicePrincipalName: spName, now: now)
            logs.append(contentsOf: entries)
            statistics.processedOperations += batch.operations.count
            jobStates[key]?.lastExecution = now
        }
        queue = remaining
    }
}
