import Foundation

/// How a send fits the tenant's daily bulkUpload quota: calls it needs, calls this machine made in
/// the last 24 hours, how many may go now, and when the rest can go (ENTRA.md §3).
public struct DailyQuotaPlan: Sendable, Equatable {
    /// Calls the send needs (one per document, before retries).
    public var needed: Int
    /// This machine's calls to the tenant in the 24 hours before `now`.
    public var used: Int
    /// The quota; nil when off.
    public var quota: Int?
    /// Calls that may go now.
    public var now: Int
    /// When the last of the calls that do not fit now can go; nil when everything fits.
    public var restAfter: Date?

    public var fits: Bool { restAfter == nil }
    public var left: Int? { quota.map { max(0, $0 - used) } }

    /// `recent` are this machine's calls in the window, in any order; `quota` 0 or nil turns the plan off.
    public init(needed: Int, recent: [Date], quota: Int?, now: Date, window: TimeInterval = SendJournal.quotaWindow) {
        self.needed = needed
        let inWindow = recent.filter { now.timeIntervalSince($0) < window }.sorted()
        used = inWindow.count
        guard let quota, quota > 0 else {
            self.quota = nil
            self.now = needed
            restAfter = nil
            return
        }
        self.quota = quota
        self.now = min(needed, max(0, quota - used))
        let rest = needed - self.now
        guard rest > 0 else { restAfter = nil; return }
        // Slots free as calls leave the window: first the recorded ones, then the ones made now.
        let frees = inWindow.map { $0.addingTimeInterval(window) } + Array(repeating: now.addingTimeInterval(window), count: self.now)
        let over = max(0, used - quota)  // calls beyond the quota free nothing usable
        restAfter = frees.indices.contains(over + rest - 1) ? frees[over + rest - 1]
            : now.addingTimeInterval(window * Double((rest + quota - 1) / quota))
    }

    /// One line for a confirmation or `--dry-run`.
    public func summary(clock: (Date) -> String) -> String {
        guard let quota else { return "\(needed) bulkUpload calls; daily quota not checked (off)" }
        var text = "\(needed) bulkUpload call\(needed == 1 ? "" : "s") needed; \(used) of \(quota) used in the last 24 h by scimterm here"
        if let restAfter {
            text += "; \(now) can go now, the other \(needed - now) after \(clock(restAfter))"
        } else {
            text += "; \(quota - used - needed) left after this send"
        }
        return text
    }
}
