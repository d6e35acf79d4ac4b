import Foundation

/// A clock that moves only when the uploader sleeps: a 10-minute retry budget runs in milliseconds
/// and every wait the uploader asked for is on record.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var time: Double
    private var waits: [Double] = []

    init(start: Date = Date(timeIntervalSince1970: 1_780_000_000)) {
        time = start.timeIntervalSinceReferenceDate
    }

    func now() -> Double {
        lock.lock()
        defer { lock.unlock() }
        return time
    }

    func sleep(_ seconds: Double) {
        lock.lock()
        defer { lock.unlock() }
        time += seconds
        waits.append(seconds)
    }

    var date: Date { Date(timeIntervalSinceReferenceDate: now()) }

    var slept: [Double] {
        lock.lock()
        defer { lock.unlock() }
        return waits
    }
}

/// Collects values handed to a `@Sendable` hook.
final class Collected<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [T] = []

    func append(_ item: T) {
        lock.lock()
        defer { lock.unlock() }
        items.append(item)
    }

    var all: [T] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }
}
