import Foundation
import Mapping
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
    var queue = UploadQueue()
    var jobStates: [String: JobState] = [:]
    /// Schemas replaced with PUT …/schema, by job key; the others come from the configuration.
    var schemaOverrides: [String: SynchronizationSchema] = [:]
    /// Each job's schema compiled for processing, by job key; dropped when a PUT replaces the schema.
    var jobMappings: [String: JobMapping] = [:]
    /// Per tenant: the 5-second rate window and the 24-hour quota window of bulkUpload calls.
    var rateWindows: [String: CallWindow] = [:]
    var quotaWindows: [String: CallWindow] = [:]
    var faults: FaultInjector
    /// Service principal display names by lower-cased id, for log entries.
    let servicePrincipalNames: [String: String]
    public internal(set) var statistics = Statistics()

    /// Operations processed between two yields of the actor, so requests keep being answered while
    /// a large backlog is processed.
    static let sliceOperations = 500

    public struct Statistics: Sendable, Equatable {
        public var tokenRequests = 0
        public var bulkUploads = 0
        public var accepted = 0
        public var throttled = 0
        /// bulkUpload calls refused because the tenant's daily quota was spent.
        public var quotaRefused = 0
        public var injectedFaults = 0
        public var processedOperations = 0
        /// Accepted uploads (and their operations) that a job restart dropped before processing.
        public var purgedUploads = 0
        public var purgedOperations = 0
    }

    /// `now` dates the quarantine of jobs that the configuration starts in Quarantine.
    public init(config: EmulatorConfig, baseURL: String = "http://127.0.0.1", now: Date = Date()) {
        self.config = config
        self.baseURL = baseURL
        faults = FaultInjector(config.faults)
        var names: [String: String] = [:]
        for tenant in config.tenants {
            for sp in tenant.servicePrincipals {
                names[sp.id.lowercased()] = sp.displayName
                for job in sp.jobs {
                    jobStates[Self.jobKey(sp.id, job.id)] = JobState(code: job.state, quarantineReason: job.quarantineReason, since: now)
                }
            }
        }
        servicePrincipalNames = names
    }

    public func setBaseURL(_ url: String) { baseURL = url }

    static func jobKey(_ sp: String, _ job: String) -> String { UploadBatch.jobKey(sp, job) }

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

    /// Operations of accepted uploads that restarts purged before they were processed.
    public func purgedOperations() -> Int { statistics.purgedOperations }

    // MARK: Processing

    /// Processes every queued upload whose delay has passed, for jobs that are running, a slice at a
    /// time: between slices the actor is given up, so logs and job requests are answered meanwhile.
    public func processDue(now: Date = Date()) async {
        while processDueSlice(now: now) > 0 {
            await Task.yield()
        }
    }

    /// Processes one slice (about `sliceOperations` operations) of due uploads and returns how many
    /// uploads it processed (an upload may hold no operation). Each upload is taken off the queue and
    /// applied without a suspension in between, so a pause or restart arriving meanwhile acts only on
    /// what is still queued.
    @discardableResult
    func processDueSlice(now: Date, operations: Int = EmulatorCore.sliceOperations) -> Int {
        let batches = queue.takeDue(now: now, delay: config.processingDelaySeconds, operations: operations) { key in
            jobStates[key]?.code == "Active"
        }
        for batch in batches { process(batch, now: now) }
        return batches.count
    }

    private func process(_ batch: UploadBatch, now: Date) {
        let cycleId = UUID().uuidString.lowercased()
        let domain = config.tenants.first { $0.id == batch.tenant }?.domains.first
        let context = Directory.Context(cycleId: cycleId, tenantId: batch.tenant,
                                        servicePrincipalName: servicePrincipalNames[batch.servicePrincipalId.lowercased()] ?? "",
                                        flowNullValues: config.flowNullValues, now: now, mapping: jobMapping(batch),
                                        evaluation: EvaluationContext(now: now, defaultDomain: domain))
        let entries = directory.process(batch, context)
        logs.append(contentsOf: entries)
        statistics.processedOperations += batch.operations.count
        let failed = entries.count { $0.status == "failure" }
        let exported = entries.count { $0.status != "failure" && $0.action != "other" }
        jobStates[batch.jobKey]?.record(JobState.Execution(activityIdentifier: cycleId, timeBegan: now, timeEnded: now,
                                                           imported: entries.count, exported: exported, escrowed: failed))
    }

    /// The job's schema compiled once, until a PUT replaces it.
    private func jobMapping(_ batch: UploadBatch) -> JobMapping {
        if let cached = jobMappings[batch.jobKey] { return cached }
        let mapping = JobMapping(schema: currentSchema(batch.jobKey, sp: batch.servicePrincipalId, job: batch.jobId))
        jobMappings[batch.jobKey] = mapping
        return mapping
    }
}
