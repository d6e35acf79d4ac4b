/// Keeps calls under Entra's bulkUpload throttle: at most `limit` calls in any `window` seconds.
///
/// A sliding window of send times rather than a refilling bucket, because the documented limit
/// (40 calls per 5 seconds) is itself a window: pacing to it exactly means no 429 at all.
public struct RatePacer: Sendable, Equatable {
    public var limit: Int
    public var window: Double
    /// Added to every wait: clocks on both sides differ a little, and a 429 costs far more.
    public var margin: Double
    private var sent: [Double] = []

    public init(limit: Int = 40, window: Double = 5, margin: Double = 0.05) {
        self.limit = max(1, limit)
        self.window = window
        self.margin = margin
    }

    /// An unlimited pacer (the emulator with its rate limit off, benchmarks).
    public static let unlimited = RatePacer(limit: Int.max, window: 0, margin: 0)

    /// Seconds to wait before the next call may go at time `now`.
    public func delay(now: Double) -> Double {
        guard limit != Int.max else { return 0 }
        let recent = sent.filter { $0 > now - window }
        guard recent.count >= limit, let oldest = recent.sorted().dropLast(limit - 1).last else { return 0 }
        return max(0, oldest + window + margin - now)
    }

    public mutating func record(at time: Double) {
        guard limit != Int.max else { return }
        sent.append(time)
        let cutoff = time - window
        if sent.count > limit * 2 { sent.removeAll { $0 <= cutoff } }
    }

    /// Calls made in the window ending at `now`, for the "rate against budget" display.
    public func callsInWindow(now: Double) -> Int {
        sent.count { $0 > now - window && $0 <= now }
    }
}
