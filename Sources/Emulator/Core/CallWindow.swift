import Foundation

/// The calls one tenant made within a sliding window (the 5-second rate limit, the 24-hour quota),
/// kept as a ring of their times.
///
/// A ring of `limit` slots is all a window ever needs: a call is only admitted when a slot is free, so
/// the memory per tenant is fixed (2,000 dates for the daily quota) and each call costs O(1) amortised,
/// where filtering an array of every call would cost O(limit) each time.
struct CallWindow: Sendable {
    let limit: Int
    let seconds: TimeInterval
    private var ring: [Date]
    private var start = 0
    private(set) var count = 0

    init(limit: Int, seconds: TimeInterval) {
        self.limit = max(1, limit)
        self.seconds = seconds
        ring = Array(repeating: .distantPast, count: self.limit)
    }

    /// Admits the call and counts it, or answers the whole seconds (at least 1) until the oldest
    /// counted call leaves the window and a slot frees.
    mutating func admit(now: Date) -> Int? {
        expire(now: now)
        if count >= limit {
            let wait = seconds - now.timeIntervalSince(ring[start])
            return max(1, Int(wait.rounded(.up)))
        }
        ring[(start + count) % limit] = now
        count += 1
        return nil
    }

    /// Forgets the calls that are `seconds` old or older.
    mutating func expire(now: Date) {
        while count > 0, now.timeIntervalSince(ring[start]) >= seconds {
            start = (start + 1) % limit
            count -= 1
        }
    }
}
