/// Decides what to do after a bulkUpload attempt: accept, retry after a wait, or stop.
///
/// Every branch follows ENTRA.md §3: a 400 is the payload's fault and never retried; 429 honours
/// Retry-After (and backs off without it); "bucket full" 500s mean the job is not consuming, so waits
/// are minutes, not seconds, and bounded; gateway errors and dropped connections get a few tries.
public struct RetryPolicy: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        case accepted
        case retry(after: Double, reason: String)
        case fail(reason: String)
    }

    public var maxThrottleRetries = 10
    public var maxTransientRetries = 5
    public var maxBucketFullRetries = 4
    public var baseDelay = 1.0
    public var maxDelay = 60.0
    /// First wait after a bucket-full 500; doubles each time.
    public var bucketFullDelay = 60.0

    public init() {}

    /// A policy with short waits, for tests and the sandbox.
    public static func fast(scale: Double) -> RetryPolicy {
        var p = RetryPolicy()
        p.baseDelay *= scale
        p.maxDelay *= scale
        p.bucketFullDelay *= scale
        return p
    }

    /// `attempt` counts retries already made for this document (0 on the first answer).
    /// `jitter` is in 0..<1, passed in so decisions are reproducible in tests.
    public func decide(status: Int?, retryAfter: String?, body: String, transportError: String?,
                       attempt: Int, jitter: Double) -> Outcome {
        if let transportError {
            return transient("connection problem: \(transportError)", attempt: attempt, jitter: jitter)
        }
        guard let status else { return .fail(reason: "no response") }
        switch status {
        case 200..<300:
            return .accepted
        case 429:
            guard attempt < maxThrottleRetries else { return .fail(reason: "still throttled (429) after \(attempt) retries") }
            if let seconds = retryAfter.flatMap(Double.init), seconds >= 0 {
                return .retry(after: min(seconds, maxDelay * 5), reason: "429 throttled: Retry-After \(Self.format(seconds))")
            }
            return .retry(after: backoff(attempt, jitter), reason: "429 throttled (no Retry-After): backing off")
        case 500 where Self.isBucketFull(body):
            guard attempt < maxBucketFullRetries else {
                return .fail(reason: "500 bucket full after \(attempt) retries: the job is not processing uploads (paused, quarantined or never started?)")
            }
            let wait = bucketFullDelay * Double(1 << min(attempt, 6)) * (1 + jitter * 0.2)
            return .retry(after: wait, reason: "500 bucket full: the job's queue is full, waiting \(Self.format(wait))")
        case 500, 502, 503, 504:
            return transient("\(status) \(HTTPStatusText.text(status))", attempt: attempt, jitter: jitter)
        default:
            return .fail(reason: "\(status) \(HTTPStatusText.text(status))")
        }
    }

    private func transient(_ reason: String, attempt: Int, jitter: Double) -> Outcome {
        guard attempt < maxTransientRetries else { return .fail(reason: "\(reason) (gave up after \(attempt) retries)") }
        return .retry(after: backoff(attempt, jitter), reason: reason)
    }

    /// Exponential backoff with full jitter (AWS's "full jitter"), capped.
    func backoff(_ attempt: Int, _ jitter: Double) -> Double {
        let ceiling = min(maxDelay, baseDelay * Double(1 << min(attempt, 20)))
        return max(baseDelay / 2, ceiling * jitter)
    }

    static func isBucketFull(_ body: String) -> Bool {
        body.lowercased().contains("bucket")
    }

    static func format(_ seconds: Double) -> String {
        seconds < 10 ? "\((seconds * 10).rounded() / 10) s" : "\(Int(seconds.rounded())) s"
    }
}
