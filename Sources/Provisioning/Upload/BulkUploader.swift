import Foundation

/// Sends BulkRequest documents to bulkUpload: paced under the throttle, retried as `RetryPolicy`
/// says within its time budget, journaled so nothing is lost or silently dropped, stopped cleanly
/// on what cannot heal or on the daily quota, and cancellable between attempts.
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
        /// One per document that was accepted, refused, or cancelled mid-way; none for the pending.
        public var outcomes: [Outcome]
        public var cancelled: Bool
        /// Set when the send stopped by itself (daily quota, allowance, a failure that cannot heal,
        /// the retry budget); the journal keeps the send resumable.
        public var stopped: StopReason? = nil
        /// Documents not accepted and not refused, left pending for a resume, in order.
        public var pending: [Int] = []
        /// bulkUpload attempts made by this run (each retry counts; what `callAllowance` limits).
        public var calls: Int = 0
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
    /// Seconds since the reference date (`Date.timeIntervalSinceReferenceDate`): pacing, the retry
    /// budget, journal times and resume times all read this clock, so tests can run 10 minutes in
    /// milliseconds by advancing it in `sleep`.
    public var now: @Sendable () -> Double
    /// In 0..<1; injected so a test can make backoff deterministic.
    public var jitter: @Sendable () -> Double = { Double.random(in: 0..<1) }
    /// At most this many bulkUpload attempts, then stop with `.allowanceSpent` (the quota plan's
    /// "calls that may go now"); nil for no limit.
    public var callAllowance: Int?
    /// Called once per attempt that got an HTTP answer Entra counts (all but a daily-quota 429),
    /// with the attempt's time: the journal's per-tenant call count.
    public var onCall: @Sendable (Date) -> Void = { _ in }

    public init(client: GraphClient, policy: RetryPolicy = RetryPolicy(), pacer: RatePacer = RatePacer(),
                journal: SendJournal? = nil, callAllowance: Int? = nil,
                sleep: @escaping @Sendable (Double) async throws -> Void = { try await Task.sleep(nanoseconds: UInt64($0 * 1e9)) },
                now: @escaping @Sendable () -> Double = { Date().timeIntervalSinceReferenceDate }) {
        self.client = client
        self.policy = policy
        self.pacer = pacer
        self.journal = journal
        self.callAllowance = callAllowance
        self.sleep = sleep
        self.now = now
    }

    /// Starts a new journaled send of `documents`.
    /// `started` hears the send's id (its journal key) before the first request goes.
    public func send(_ documents: [Document], started: @Sendable (String) -> Void = { _ in },
                     events: @Sendable (Event) -> Void = { _ in }) async -> Summary {
        var sendId = UUID().uuidString
        if let journal {
            do {
                sendId = try journal.begin(endpoint: client.settings.endpoint.bulkUploadURL,
                                           documents: documents.map { ($0.body, $0.externalIds) }, now: date())
            } catch {
                // Nothing has gone yet: refusing here beats a send whose fate cannot be resumed.
                return Summary(sendId: "", outcomes: [], cancelled: false,
                               stopped: .journal(reason: "\(journal.path): \(error)"), pending: Array(documents.indices))
            }
        }
        started(sendId)
        return await run(sendId: sendId, documents: Array(documents.enumerated()), events: events)
    }

    /// Resumes a journaled send: only the documents that still need sending go again.
    public func resume(_ stored: SendJournal.StoredSend, events: @Sendable (Event) -> Void = { _ in }) async -> Summary {
        let todo = stored.documents.filter(\.needsSending).map { ($0.index, Document(body: $0.body, externalIds: $0.externalIds)) }
        var summary = await run(sendId: stored.id, documents: todo, events: events)
        let done = stored.documents.filter { $0.state == .accepted }.map {
            Outcome(document: $0.index, accepted: true, requestId: $0.requestId, reason: nil, attempts: $0.attempts, externalIds: $0.externalIds)
        }
        summary.outcomes = (done + summary.outcomes).sorted { $0.document < $1.document }
        return summary
    }

    private func run(sendId: String, documents: [(offset: Int, element: Document)], events: @Sendable (Event) -> Void) async -> Summary {
        var state = RunState(pacer: pacer)
        var summary = Summary(sendId: sendId, outcomes: [], cancelled: false)
        await sendEach(documents, sendId: sendId, state: &state, summary: &summary, events: events)
        let answered = Set(summary.outcomes.map(\.document))
        summary.pending = documents.map(\.offset).filter { !answered.contains($0) }
        conclude(&summary, state: state)
        return summary
    }

    /// Sends `documents` in order, adding their outcomes to `summary`, until the run is cancelled or stops.
    func sendEach(_ documents: [(offset: Int, element: Document)], sendId: String, state: inout RunState,
                  summary: inout Summary, events: @Sendable (Event) -> Void) async {
        for (index, document) in documents {
            if Task.isCancelled {
                summary.cancelled = true
                break
            }
            switch await sendOne(index, document, sendId: sendId, state: &state, events: events) {
            case .done(let outcome):
                summary.outcomes.append(outcome)
            case .cancelled(let outcome):
                summary.outcomes.append(outcome)
                summary.cancelled = true
            case .stopped(let reason):
                summary.stopped = reason
            case .doneThenStopped(let outcome, let reason):
                summary.outcomes.append(outcome)
                summary.stopped = reason
            }
            if summary.cancelled || summary.stopped != nil { break }
        }
    }

    /// The run's call count, and the send marked finished when nothing stopped it.
    func conclude(_ summary: inout Summary, state: RunState) {
        summary.calls = state.calls
        if !summary.cancelled, summary.stopped == nil, let journal {
            do { try journal.finish(summary.sendId) } catch {
                summary.stopped = .journal(reason: "every document went, but the send could not be marked finished: \(error)")
            }
        }
    }

    static let cancelledReason = "cancelled before it was accepted"

    func date() -> Date { Date(timeIntervalSinceReferenceDate: now()) }
}

extension BulkUploader {
    /// What one run carries from document to document.
    struct RunState {
        var pacer: RatePacer
        var calls = 0
    }

    enum DocumentResult {
        case done(Outcome)
        case cancelled(Outcome)
        case stopped(StopReason)
        /// Answered, but the journal could not record the answer: nothing more is sent.
        case doneThenStopped(Outcome, StopReason)
    }
}
