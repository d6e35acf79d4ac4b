import Foundation

/// A send as the screen follows it: each document's state, the pacing budget in use, the waits
/// and retries with their reasons, and how it ended.
public struct SendProgress: Equatable, Sendable {
    public enum DocumentState: Equatable, Sendable {
        case pending
        case sending(attempt: Int)
        case accepted(requestId: String?)
        case failed(String)
    }

    /// A pause before the next request, and why (429 with its Retry-After, 500 bucket full, pacing).
    public struct Wait: Equatable, Sendable {
        public var until: Date
        public var reason: String
    }

    /// What the operator chose: "all 25 users", "3 marked users", "document 2".
    public var title: String
    public var documents: [SendDocument]
    public private(set) var states: [DocumentState]
    public var sendId: String?
    public let startedAt: Date
    /// Refreshed by the ticks of a running send, for the rate and the countdowns.
    public var now: Date
    public private(set) var requestTimes: [Date] = []
    /// For each accepted document, when the request that got its 202 went out: Entra cannot have
    /// processed it before, so the logs follow counts its users' entries from then (the 202 itself
    /// can arrive after a fast service, such as the sandbox, has processed the upload).
    public private(set) var acceptedAt: [Int: Date] = [:]
    private var sentAt: [Int: Date] = [:]
    public private(set) var wait: Wait?
    /// Waits and retries, newest last.
    public private(set) var notes: [String] = []
    public private(set) var retries = 0
    public var cancelling = false
    public private(set) var result: SendResult?

    /// Entra's documented budget for bulkUpload (ENTRA.md §3): 40 calls per 5 seconds.
    public static let budget = (calls: 40, seconds: 5.0)

    public init(title: String, documents: [SendDocument], startedAt: Date, accepted: [Bool] = []) {
        self.title = title
        self.documents = documents
        states = documents.indices.map { accepted.indices.contains($0) && accepted[$0] ? .accepted(requestId: nil) : .pending }
        self.startedAt = startedAt
        now = startedAt
    }

    public var isRunning: Bool { result == nil }
    public var acceptedDocuments: Int { states.count { if case .accepted = $0 { return true } else { return false } } }
    public var failedDocuments: Int { states.count { if case .failed = $0 { return true } else { return false } } }
    public var doneDocuments: Int { acceptedDocuments + failedDocuments }
    public var records: Int { documents.reduce(0) { $0 + $1.recordIDs.count } }
    public var acceptedRecords: Int {
        zip(documents, states).reduce(0) { total, pair in
            if case .accepted = pair.1 { return total + pair.0.recordIDs.count } else { return total }
        }
    }

    /// Calls made in the last 5 seconds: what the pacer holds under 40.
    public func callsInWindow(at time: Date) -> Int {
        requestTimes.count { time.timeIntervalSince($0) < Self.budget.seconds && $0 <= time }
    }

    /// The wait still running at `time`, with the seconds left.
    public func waitLeft(at time: Date) -> (seconds: Double, reason: String)? {
        guard let wait, wait.until > time else { return nil }
        return (wait.until.timeIntervalSince(time), wait.reason)
    }

    public func state(ofDocument index: Int) -> DocumentState { states.indices.contains(index) ? states[index] : .pending }

    mutating func apply(_ event: SendEvent) {
        switch event {
        case .started(let id):
            sendId = id
        case .sending(let document, let attempt, let at):
            guard states.indices.contains(document) else { return }
            states[document] = .sending(attempt: attempt)
            requestTimes.append(at)
            sentAt[document] = at
            if requestTimes.count > 200 { requestTimes.removeFirst(requestTimes.count - 200) }
            wait = nil
            now = max(now, at)
        case .accepted(let document, let requestId):
            guard states.indices.contains(document) else { return }
            states[document] = .accepted(requestId: requestId)
            acceptedAt[document] = sentAt[document] ?? now
        case .failed(let document, let reason):
            guard states.indices.contains(document) else { return }
            states[document] = .failed(reason)
            note("document \(document + 1) failed: \(reason)")
        case .waiting(let seconds, let reason, let at):
            wait = Wait(until: at.addingTimeInterval(seconds), reason: reason)
            now = max(now, at)
            // Pacing is the plan working; a wait for any other reason means a retry follows.
            if !reason.hasPrefix("pacing") { retries += 1 }
            note(String(format: "waiting %.1f s: %@", seconds, reason))
        }
    }

    mutating func finish(_ result: SendResult) {
        self.result = result
        wait = nil
        // Documents still marked as in flight were cut short by the cancel.
        for i in states.indices { if case .sending = states[i] { states[i] = .pending } }
    }

    private mutating func note(_ text: String) {
        notes.append(text)
        if notes.count > 50 { notes.removeFirst() }
    }
}
