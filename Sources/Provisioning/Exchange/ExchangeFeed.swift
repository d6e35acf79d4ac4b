import Foundation

/// The newest exchanges' summaries, waiting for one listener (the TUI's loop) to take them: a
/// bounded, coalescing channel between the recorder and the UI.
///
/// However fast a send records and however slowly the loop draws, this holds at most `capacity`
/// summaries: older ones waiting are dropped here (never from the store, which every exchange
/// reaches first), and the listener pages them in from the store if it wants them. The listener
/// is told once when the feed goes from empty to non-empty and takes everything waiting in one
/// go, so a burst of a thousand exchanges costs it one wake-up, not a thousand.
public final class ExchangeFeed: @unchecked Sendable {
    public let capacity: Int
    private let lock = NSLock()
    private var waiting: [ExchangeSummary] = []
    private var ready: (@Sendable () -> Void)?

    public init(capacity: Int = 256) {
        self.capacity = max(1, capacity)
    }

    /// Adds the newest summary; tells the listener if it is the first since the last `take`.
    public func push(_ summary: ExchangeSummary) {
        lock.lock()
        let wasEmpty = waiting.isEmpty
        waiting.append(summary)
        // Trimmed in chunks, not one removeFirst per push: at most twice the capacity ever waits.
        if waiting.count >= 2 * capacity { waiting.removeFirst(waiting.count - capacity) }
        let tell = wasEmpty ? ready : nil
        lock.unlock()
        tell?()
    }

    /// Sets who is told when summaries wait; told at once if some already do.
    public func onReady(_ listener: @escaping @Sendable () -> Void) {
        lock.lock()
        ready = listener
        let waitingNow = !waiting.isEmpty
        lock.unlock()
        if waitingNow { listener() }
    }

    /// Everything waiting (the newest `capacity` of it), oldest first; the feed is empty after.
    public func take() -> [ExchangeSummary] {
        lock.lock()
        defer { lock.unlock() }
        let taken = waiting.suffix(capacity)
        waiting = []
        return Array(taken)
    }
}
