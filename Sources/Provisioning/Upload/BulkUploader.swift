import Foundation

/// Sends BulkRequest documents to bulkUpload: paced under the throttle, retried as `RetryPolicy`
/// says, journaled so nothing is lost or silently dropped, and cancellable between documents.
public struct BulkUploader: Sendable {
    public struct Document: Sendable {
        public var body: [UInt8]
        public var externalIds: [String]

        public init(body: [UInt8], externalIds: [String]) {
            self.body = body
            self.externalIds = externalIds
        }
    }

    public enum Event: Sendable {
        case sending(document: Int, attempt: Int)
        case accepted(document: Int, requestId: String?)
        case failed(document: Int, reason: String)
        case waiting(seconds: Double, reason: String)
    }

    public struct Outcome: Sendable, Equatable {
        public var document: Int
        public var accepted: Bool
        public var requestId: String?
        public var reason: String?
        public var attempts: Int
        public var externalIds: [String]
    }

    public struct Summary: Sendable {
        public var sendId: String
        public var outcomes: [Outcome]
        public var cancelled: Bool
        public var acceptedDocuments: Int { outcomes.count { $0.accepted } }
        public var acceptedRecords: Int { outcomes.filter(\.accepted).reduce(0) { $0 + $1.externalIds.count } }
        public var failures: [Outcome] { outcomes.filter { !$0.accepted } }
    }

    public var client: GraphClient
    public var policy: RetryPolicy
    public var pacer: RatePacer
    public var journal: SendJournal?
    /// Injected so tests never sleep for real minutes; defaults to Task.sleep.
    public var sleep: @Sendable (Double) async throws -> Void

    public init(client: GraphClient, policy: RetryPolicy = RetryPolicy(), pacer: RatePacer = RatePacer(),
                journal: SendJournal? = nil, sleep: @escaping @Sendable (Double) async throws -> Void = { try await Task.sleep(nanoseconds: UInt64($0 * 1e9)) }) {
        self.client = client
        self.policy = policy
        self.pacer = pacer
        self.journal = journal
        self.sleep = sleep
    }

    /// Starts a new journaled send of `documents`.
    /// `started` hears the send's id (its journal key) before the first request goes.
    public func send(_ documents: [Document], started: @Sendable (String) -> Void = { _ in },
                     events: @Sendable (Event) -> Void = { _ in }) async -> Summary {
        let sendId = (try? journal?.begin(endpoint: client.settings.endpoint.bulkUploadURL,
                                         documents: documents.map { ($0.body, $0.externalIds) })) ?? UUID().uuidString
        started(sendId)
        return await run(sendId: sendId, documents: Array(documents.enumerated()), events: events)
    }

    /// Resumes a journaled send: only the documents not accepted go again.
    public func resume(_ stored: SendJournal.StoredSend, events: @Sendable (Event) -> Void = { _ in }) async -> Summary {
        let todo = stored.documents.filter { $0.state != .accepted }.map { ($0.index, Document(body: $0.body, externalIds: $0.externalIds)) }
        var summary = await run(sendId: stored.id, documents: todo, events: events)
        let done = stored.documents.filter { $0.state == .accepted }.map {
            Outcome(document: $0.index, accepted: true, requestId: $0.requestId, reason: nil, attempts: $0.attempts, externalIds: $0.externalIds)
        }
        summary.outcomes = (done + summary.outcomes).sorted { $0.document < $1.document }
        return summary
    }

    private func run(sendId: String, documents: [(offset: Int, element: Document)], events: @Sendable (Event) -> Void) async -> Summary {
        var pacer = self.pacer
        var outcomes: [Outcome] = []
        var cancelled = false
        for (index, document) in documents {
            if Task.isCancelled {
                cancelled = true
                break
            }
            let outcome = await sendOne(index, document, sendId: sendId, pacer: &pacer, events: events)
            outcomes.append(outcome)
            if outcome.reason == Self.cancelledReason { cancelled = true; break }
        }
        if !cancelled { try? journal?.finish(sendId) }
        return Summary(sendId: sendId, outcomes: outcomes, cancelled: cancelled)
    }

    static let cancelledReason = "cancelled before it was accepted"

    private func sendOne(_ index: Int, _ document: Document, sendId: String, pacer: inout RatePacer,
                         events: @Sendable (Event) -> Void) async -> Outcome {
        var attempt = 0
        while true {
            let wait = pacer.delay(now: Self.now())
            if wait > 0 {
                events(.waiting(seconds: wait, reason: "pacing under \(pacer.limit) calls per \(Int(pacer.window)) s"))
                if (try? await sleep(wait)) == nil { return cancelledOutcome(index, document, attempt) }
            }
            pacer.record(at: Self.now())
            events(.sending(document: index, attempt: attempt))
            try? journal?.update(sendId, document: index, state: .sending)
            var status: Int?, retryAfter: String?, body = "", transportError: String?, requestId: String?
            do {
                let r = try await client.send(method: "POST", url: client.settings.endpoint.bulkUploadURL, body: document.body,
                                              contentType: "application/scim+json", purpose: .bulkUpload(document: index), attempt: attempt)
                status = r.status
                retryAfter = r.header("retry-after")
                body = String(decoding: r.body.prefix(4096), as: UTF8.self)
                requestId = r.header("request-id")
            } catch {
                if case .transport(let e) = error { transportError = e.message } else {
                    return finish(index, document, sendId, accepted: false, requestId: nil, reason: error.description, attempts: attempt + 1, events)
                }
            }
            switch policy.decide(status: status, retryAfter: retryAfter, body: body, transportError: transportError,
                                 attempt: attempt, jitter: Double.random(in: 0..<1)) {
            case .accepted:
                return finish(index, document, sendId, accepted: true, requestId: requestId, reason: nil, attempts: attempt + 1, events)
            case .retry(let after, let reason):
                events(.waiting(seconds: after, reason: reason))
                if (try? await sleep(after)) == nil { return cancelledOutcome(index, document, attempt + 1) }
                attempt += 1
            case .fail(let reason):
                let detail = status.map { s in (400..<500).contains(s) ? "\(reason): \(Self.graphMessage(body))" : reason } ?? reason
                return finish(index, document, sendId, accepted: false, requestId: requestId, reason: detail, attempts: attempt + 1, events)
            }
        }
    }

    private func finish(_ index: Int, _ document: Document, _ sendId: String, accepted: Bool, requestId: String?, reason: String?,
                        attempts: Int, _ events: @Sendable (Event) -> Void) -> Outcome {
        try? journal?.update(sendId, document: index, state: accepted ? .accepted : .failed, requestId: requestId, reason: reason)
        events(accepted ? .accepted(document: index, requestId: requestId) : .failed(document: index, reason: reason ?? ""))
        return Outcome(document: index, accepted: accepted, requestId: requestId, reason: reason, attempts: attempts, externalIds: document.externalIds)
    }

    private func cancelledOutcome(_ index: Int, _ document: Document, _ attempts: Int) -> Outcome {
        Outcome(document: index, accepted: false, requestId: nil, reason: Self.cancelledReason, attempts: attempts, externalIds: document.externalIds)
    }

    static func graphMessage(_ body: String) -> String {
        GraphFailure.parse(TransportResponse(status: 0, headers: [], body: Array(body.utf8))).message
    }

    static func now() -> Double { Date().timeIntervalSinceReferenceDate }
}
