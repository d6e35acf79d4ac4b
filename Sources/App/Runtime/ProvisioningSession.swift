import Foundation
import Provisioning
import SCIM

/// The app's line to Entra: one exchange recorder for the whole session (what the Activity pane
/// shows), and one client per connection, kept while the connection stays the same so its token is
/// reused rather than fetched for every call.
public actor ProvisioningSession {
    public nonisolated let recorder: ExchangeRecorder
    private var current: (request: ConnectionRequest, client: GraphClient, transport: AsyncHTTPTransport)?

    /// The tenant's bulkUpload calls per 24 h; a send plans against it and stops where it would overrun.
    let dailyQuota: Int

    /// With an activity store, every exchange goes to disk and memory keeps only the latest few
    /// (what the Activity pane pages through); without one (tests), the recorder keeps them all.
    public init(dailyQuota: Int = 2000, activity: ExchangeStore? = nil) {
        self.dailyQuota = dailyQuota
        recorder = ExchangeRecorder(retention: activity == nil ? .everything : .recent(ActivityState.window), store: activity)
    }

    /// The client for `request`, made (and the previous one shut down) when the connection changed.
    func client(for request: ConnectionRequest) async -> Result<GraphClient, ConnectionProblem> {
        if let current, current.request == request { return .success(current.client) }
        var endpoint: ProvisioningEndpoint
        do { endpoint = try ProvisioningEndpoint(parsing: request.endpoint) } catch {
            return .failure(ConnectionProblem(headline: "The endpoint URL is not right", explanation: error.description,
                                              fix: "Paste the Provisioning API Endpoint from the app's Overview page."))
        }
        // A host that is not Microsoft Graph (a proxy, the emulator) does not name its cloud: the
        // picked one decides the sign-in host and the token's scope.
        if endpoint.graphBase != nil { endpoint.cloud = request.cloud }
        let credential: ClientCredential
        switch LiveCredential.resolve(request.credential) {
        case .success(let resolved): credential = resolved
        case .failure(let problem): return .failure(problem)
        }
        let settings = ConnectionSettings(tenant: request.tenant, clientId: request.clientId, endpoint: endpoint,
                                          authority: request.authority.isEmpty ? nil : request.authority)
        let caFile: String?
        switch LiveTransport.checkedPath(request.caFile) {
        case .success(let path): caFile = path
        case .failure(let problem): return .failure(problem)
        }
        let live: GraphClient.Live
        do { live = try GraphClient.live(settings: settings, credential: credential, caFile: caFile, recorder: recorder) } catch {
            return .failure(LiveTransport.setupProblem(error, caFile: caFile))
        }
        if let old = current?.transport { await old.shutdown() }
        current = (request, live.client, live.transport)
        return .success(live.client)
    }

    public func shutdown() async {
        if let transport = current?.transport { await transport.shutdown() }
        current = nil
    }

    /// "Test connection": a fresh token, then the job's status, each failure worded with its fix.
    public func test(_ request: ConnectionRequest) async -> ConnectionOutcome {
        let client: GraphClient
        switch await self.client(for: request) {
        case .success(let made): client = made
        case .failure(let problem): return .failed(problem)
        }
        var permissions: PermissionReport?
        do {
            await client.tokens.invalidate()
            // The token's roles say what is missing before a call fails (issue 12 §5).
            permissions = PermissionReport(token: try await client.tokens.token(), calls: PlannedCall.everything)
            let expires = await client.tokens.expiresAt
            let status = try await client.jobStatus()
            return .connected(ConnectionReport(jobState: status.code, advice: status.advice,
                                               tokenExpiry: expires.map(LiveConnection.clock) ?? "unknown",
                                               processesUploads: status.processesUploads, permissions: permissions,
                                               job: status, jobId: client.settings.endpoint.jobId))
        } catch {
            var problem = LiveConnection.problem(error)
            problem.permissions = permissions
            return .failed(problem)
        }
    }

    /// Uploads the documents, reporting progress through `events`; cancellation (of the calling
    /// task) stops it after the request in flight.
    func send(_ request: ConnectionRequest, _ documents: [SendDocument], journalPath: String?,
              events: @escaping @Sendable (SendEvent) -> Void) async -> SendResult {
        let client: GraphClient
        switch await self.client(for: request) {
        case .success(let made): client = made
        case .failure(let problem): return SendResult(sendId: "", cancelled: false, accepted: 0, failed: 0, error: problem.headline + ": " + problem.explanation)
        }
        var journal: SendJournal?
        if let journalPath {
            // No silent fallback to an unjournaled send: the operator could not tell later what went.
            do { journal = try SendJournal(path: journalPath) } catch {
                return SendResult(sendId: "", cancelled: false, accepted: 0, failed: 0, error: "cannot open the send journal \(journalPath): \(error)")
            }
        }
        let lock: SendLock?
        do { lock = try journalPath.map { try SendLock(journalPath: $0, endpoint: client.settings.endpoint.bulkUploadURL) } } catch {
            return SendResult(sendId: "", cancelled: false, accepted: 0, failed: 0, error: "\(error)")
        }
        defer { withExtendedLifetime(lock) {} }
        var uploader = BulkUploader(client: client, journal: journal)
        let plan = uploader.planDailyQuota(request.dailyQuota ?? dailyQuota, needed: documents.count, now: Date())
        let summary = await uploader.send(documents.map { BulkUploader.Document(body: $0.bytes, externalIds: $0.externalIds) },
                                          started: { events(.started(sendId: $0)) }, events: { events(Self.event($0)) })
        return Self.result(summary, plan: plan)
    }

    func resume(_ request: ConnectionRequest, sendId: String, journalPath: String,
                events: @escaping @Sendable (SendEvent) -> Void) async -> SendResult {
        let client: GraphClient
        switch await self.client(for: request) {
        case .success(let made): client = made
        case .failure(let problem): return SendResult(sendId: sendId, cancelled: false, accepted: 0, failed: 0, error: problem.headline)
        }
        guard let journal = try? SendJournal(path: journalPath), let stored = try? journal.send(sendId) else {
            return SendResult(sendId: sendId, cancelled: false, accepted: 0, failed: 0, error: "the journal no longer has send \(sendId)")
        }
        let lock: SendLock
        do { lock = try SendLock(journalPath: journalPath, endpoint: client.settings.endpoint.bulkUploadURL) } catch {
            return SendResult(sendId: sendId, cancelled: false, accepted: 0, failed: 0, error: "\(error)")
        }
        defer { withExtendedLifetime(lock) {} }
        events(.started(sendId: sendId))
        var uploader = BulkUploader(client: client, journal: journal)
        let plan = uploader.planDailyQuota(request.dailyQuota ?? dailyQuota, needed: stored.documents.count { $0.needsSending }, now: Date())
        let summary = await uploader.resume(stored, events: { events(Self.event($0)) })
        return Self.result(summary, plan: plan)
    }

    nonisolated static func findResumable(endpoint: String?, journalPath: String) -> ResumableSend? {
        guard FileManager.default.fileExists(atPath: journalPath), let journal = try? SendJournal(path: journalPath),
            let stored = try? journal.latestInterrupted(endpoint: endpoint)
        else { return nil }
        // Unknown whether a later send superseded it: better no offer than older data over newer. No
        // endpoint is the sandbox, whose port (so endpoint) changes every run: its sends are compared whole.
        guard case .success(let superseded) = Result(catching: { try journal.supersession(of: stored.id, acrossEndpoints: endpoint == nil) })
        else { return nil }
        return ResumableSend(sendId: stored.id, created: stored.created, documents: stored.documents.map(\.externalIds),
                             accepted: stored.documents.map { !$0.needsSending },
                             purgedByRestart: stored.documents.contains { $0.reason == SendJournal.resentAfterPurge },
                             superseded: superseded)
    }

    /// What a restart of the job would discard: accepted documents the logs have not shown yet.
    func restartImpact(_ request: ConnectionRequest, journalPath: String) async -> RestartImpact {
        guard case .success(let client) = await client(for: request), let journal = try? SendJournal(path: journalPath) else {
            return RestartImpact(pending: [], logsProblem: "the journal or the connection is not available", readAt: Date())
        }
        return await RestartImpact.read(journal: journal, client: client, now: Date())
    }

    /// After a restart: `impact`'s documents are marked purged and journaled as a new send, offered for resume.
    func purge(_ request: ConnectionRequest, _ impact: RestartImpact, journalPath: String) async -> ResumableSend? {
        guard case .success(let client) = await client(for: request), let journal = try? SendJournal(path: journalPath) else { return nil }
        let endpoint = client.settings.endpoint.bulkUploadURL
        guard (try? journal.purge(impact.pending, endpoint: endpoint, restartedAt: Date())) != nil else { return nil }
        return Self.findResumable(endpoint: endpoint, journalPath: journalPath)
    }

    /// This machine's calls to `tenant` in the last 24 hours; a journal that does not exist yet has none.
    nonisolated static func quotaCalls(tenant: String, journalPath: String) -> Result<[Date], QuotaReadError> {
        guard FileManager.default.fileExists(atPath: journalPath) else { return .success([]) }
        do { return .success(try SendJournal(path: journalPath).calls(tenant: tenant, now: Date())) } catch {
            return .failure(QuotaReadError("\(error)"))
        }
    }

    /// What sending `records` does to the users Entra has, against the journal's last accepted sends;
    /// with no journal yet every user is new.
    nonisolated static func sendImpact(_ records: [UserRecord], endpoint: String?, journalPath: String) -> Result<SendImpact, QuotaReadError> {
        guard FileManager.default.fileExists(atPath: journalPath) else {
            var impact = SendImpact()
            impact.addNew(records.count)
            return .success(impact)
        }
        do { return .success(try SendImpact.assess(records, journal: SendJournal(path: journalPath), endpoint: endpoint)) } catch {
            return .failure(QuotaReadError("\(error)"))
        }
    }

    /// "Forget it": the send is marked finished so it is not offered again.
    nonisolated static func forget(sendId: String, journalPath: String) {
        try? SendJournal(path: journalPath).finish(sendId)
    }

    func logs(_ request: ConnectionRequest, query: LogQuery) async -> LogsFetchResult {
        switch await client(for: request) {
        case .failure(let problem): return .failed(problem.headline)
        case .success(let client):
            do { return .entries(try await client.provisioningLogs(query)) } catch { return .failed(LiveConnection.problem(error).headline + ": " + error.description) }
        }
    }

    func job(_ request: ConnectionRequest) async -> JobFetchResult {
        switch await client(for: request) {
        case .failure(let problem): return .failed(problem.headline)
        case .success(let client):
            do { return .status(try await client.jobStatus()) } catch { return .failed(error.description) }
        }
    }

    func jobAction(_ request: ConnectionRequest, _ action: JobAction) async -> String? {
        switch await client(for: request) {
        case .failure(let problem): return problem.headline
        case .success(let client):
            do { try await client.jobAction(action); return nil } catch { return error.description }
        }
    }

    private static func event(_ event: BulkUploader.Event) -> SendEvent {
        switch event {
        case .sending(let document, let attempt): return .sending(document: document, attempt: attempt, at: Date())
        case .accepted(let document, let requestId): return .accepted(document: document, requestId: requestId)
        case .failed(let document, let reason): return .failed(document: document, reason: reason)
        case .waiting(let seconds, let reason): return .waiting(seconds: seconds, reason: reason, at: Date())
        }
    }

    private static func result(_ summary: BulkUploader.Summary, plan: DailyQuotaPlan) -> SendResult {
        var result = SendResult(sendId: summary.sendId, cancelled: summary.cancelled, accepted: summary.acceptedDocuments,
                                failed: summary.outcomes.count - summary.acceptedDocuments)
        if let stopped = summary.stopped {
            result.stopped = stopped.description
            if stopped.isQuota {
                if case .dailyQuota(let after?, _) = stopped { result.resumeAfter = after } else { result.resumeAfter = plan.restAfter }
            }
        }
        return result
    }
}
