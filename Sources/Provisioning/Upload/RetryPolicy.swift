import Foundation

/// Decides what to do after a bulkUpload attempt: accept, retry after a wait, give up on this
/// document, or stop the whole send.
///
/// Retries are bounded by time, not by count: a document keeps being retried while `budget`
/// seconds have not passed since its first attempt, because what heals (a 503, a dropped
/// connection, a short 429, a full bucket) heals in time, and a count either gives up during a
/// minute-long outage or waits forever on a dead host. What cannot heal (a certificate nobody
/// trusts, an unknown host, 401 after a fresh token, 403, 404) stops the send at the first answer;
/// so does a spent daily quota, which only the tenant's 24-hour window frees (ENTRA.md §3).
public struct RetryPolicy: Sendable, Equatable {
    /// What came back from one attempt.
    public enum Answer: Sendable {
        case response(status: Int, retryAfter: String?, body: String)
        case error(ProvisioningError)
    }

    public enum Outcome: Sendable, Equatable {
        case accepted
        case retry(after: Double, reason: String)
        /// This document is refused (its payload); later documents may still go.
        case fail(reason: String)
        /// Nothing more can go now: the send stops, this document and the rest stay pending.
        case stop(Halt)
    }

    /// Why a send stops, before the uploader turns it into a `StopReason` with dates.
    public enum Halt: Sendable, Equatable {
        /// The tenant's daily quota is spent; `retryAfter` seconds until a call frees, when Graph said.
        case dailyQuota(retryAfter: Double?, message: String)
        case cannotHeal(String)
        case budgetSpent(String)
    }

    /// Seconds a document may spend being retried, from its first attempt (`--retry-for`).
    public var budget = 600.0
    /// A 429 asking to wait longer than this is treated like the daily quota: the send stops with a
    /// resume time instead of holding the terminal for an hour (Entra's wording is not documented).
    public var maxWaitInSend = 60.0
    public var baseDelay = 1.0
    public var maxDelay = 60.0
    /// First wait after a bucket-full 500; doubles each time, within the budget.
    public var bucketFullDelay = 60.0

    public init(budget: Double = 600) {
        self.budget = budget
    }

    /// A policy with short waits, for tests and the sandbox.
    public static func fast(scale: Double) -> RetryPolicy {
        var p = RetryPolicy()
        p.baseDelay *= scale
        p.maxDelay *= scale
        p.bucketFullDelay *= scale
        return p
    }

    /// `attempt` counts attempts already retried for this document (0 on the first answer);
    /// `elapsed` is the seconds since its first attempt; `jitter` is in 0..<1, passed in so
    /// decisions are reproducible in tests.
    public func decide(_ answer: Answer, attempt: Int, elapsed: Double, jitter: Double) -> Outcome {
        switch answer {
        case .error(let error): return decide(error, attempt: attempt, elapsed: elapsed, jitter: jitter)
        case .response(let status, let retryAfter, let body):
            return decide(status: status, retryAfter: retryAfter, body: body, attempt: attempt, elapsed: elapsed, jitter: jitter)
        }
    }

    private func decide(status: Int, retryAfter: String?, body: String, attempt: Int, elapsed: Double, jitter: Double) -> Outcome {
        switch status {
        case 200..<300:
            return .accepted
        case 429:
            return throttled(retryAfter: retryAfter.flatMap(Self.seconds), body: body, attempt: attempt, elapsed: elapsed, jitter: jitter)
        case 500 where Self.isBucketFull(body):
            let wait = bucketFullDelay * Double(1 << min(attempt, 6)) * (1 + jitter * 0.2)
            return within(wait, elapsed: elapsed, attempt: attempt,
                          reason: "500 bucket full: the job's queue is full (is the job paused, quarantined or never started?)")
        case 500, 502, 503, 504:
            return within(backoff(attempt, jitter), elapsed: elapsed, attempt: attempt, reason: "\(status) \(HTTPStatusText.text(status))")
        case 401, 403, 404:
            return .stop(.cannotHeal(Self.graphFailure(status: status, body: body).description))
        default:
            return .fail(reason: "\(status) \(HTTPStatusText.text(status)): \(Self.graphFailure(status: status, body: body).message)")
        }
    }

    private func decide(_ error: ProvisioningError, attempt: Int, elapsed: Double, jitter: Double) -> Outcome {
        switch error {
        case .transport(let e) where e.canHeal:
            return within(backoff(attempt, jitter), elapsed: elapsed, attempt: attempt, reason: "connection problem: \(e.message)")
        case .token(let f) where f.status == 429 || f.status >= 500:
            return within(backoff(attempt, jitter), elapsed: elapsed, attempt: attempt, reason: "sign-in answered \(f.status)")
        default:
            return .stop(.cannotHeal(error.description))
        }
    }

    private func throttled(retryAfter: Double?, body: String, attempt: Int, elapsed: Double, jitter: Double) -> Outcome {
        let message = GraphFailure.parse(TransportResponse(status: 429, headers: [], body: Array(body.utf8))).message
        if Self.isDailyQuota(message) {
            return .stop(.dailyQuota(retryAfter: retryAfter, message: message))
        }
        if let retryAfter, retryAfter > maxWaitInSend {
            return .stop(.dailyQuota(retryAfter: retryAfter, message: "429 with Retry-After \(Self.format(retryAfter)): longer than a send waits"))
        }
        if let retryAfter {
            return within(retryAfter, elapsed: elapsed, attempt: attempt, reason: "429 throttled: Retry-After \(Self.format(retryAfter))")
        }
        return within(backoff(attempt, jitter), elapsed: elapsed, attempt: attempt, reason: "429 throttled (no Retry-After): backing off")
    }

    /// A retry after `wait`, shortened to end at the budget so the last attempt lands inside it;
    /// once the budget is spent, the send stops (a service failing for that long fails the rest too).
    private func within(_ wait: Double, elapsed: Double, attempt: Int, reason: String) -> Outcome {
        let left = budget - elapsed
        guard left > 0 else {
            let tried = attempt + 1 == 1 ? "1 attempt" : "\(attempt + 1) attempts"
            return .stop(.budgetSpent("\(reason) (gave up after \(tried) in \(Self.format(elapsed)), the retry budget)"))
        }
        return .retry(after: min(wait, left), reason: reason)
    }

    /// Exponential backoff with full jitter (AWS's "full jitter"), capped, with a floor so a
    /// jitter near 0 does not hammer the service.
    func backoff(_ attempt: Int, _ jitter: Double) -> Double {
        let ceiling = min(maxDelay, baseDelay * Double(1 << min(attempt, 20)))
        return max(baseDelay / 2, ceiling * jitter)
    }

    static func isBucketFull(_ body: String) -> Bool {
        body.lowercased().contains("bucket")
    }

    /// The emulator's wording ("Daily quota exceeded: …"); Entra's own is undocumented, hence also
    /// the long-Retry-After rule.
    static func isDailyQuota(_ message: String) -> Bool {
        message.lowercased().contains("daily quota")
    }

    static func seconds(_ retryAfter: String) -> Double? {
        Double(retryAfter.trimmingCharacters(in: .whitespaces)).flatMap { $0 >= 0 ? $0 : nil }
    }

    static func graphFailure(status: Int, body: String) -> GraphFailure {
        GraphFailure.parse(TransportResponse(status: status, headers: [], body: Array(body.utf8)), purpose: .bulkUpload(document: 0))
    }

    static func format(_ seconds: Double) -> String {
        if seconds >= 120 { return "\(Int((seconds / 60).rounded())) min" }
        return seconds < 10 ? "\((seconds * 10).rounded() / 10) s" : "\(Int(seconds.rounded())) s"
    }
}
