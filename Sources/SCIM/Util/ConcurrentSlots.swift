import Foundation

/// Slots written by concurrent workers, each its own index; read after they all finish.
final class ConcurrentSlots<T>: @unchecked Sendable {
    private var storage: [T?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    subscript(index: Int) -> T? {
        get { lock.lock(); defer { lock.unlock() }; return storage[index] }
        set { lock.lock(); storage[index] = newValue; lock.unlock() }
    }
}

/// Runs `work` on consecutive ranges splitting `0..<count`, on every core at once, and returns
/// their results in order. There are a few ranges per core, handed out as cores come free, so that
/// a core that starts late or is interrupted does not leave the others waiting for its share.
/// Each range has at least `minimumPerChunk` items; when that makes a single range, the work runs
/// inline, as threads would cost more than they save.
///
/// `alongside`, if given, runs once at the same time, first, as one more task among the ranges:
/// a serial job overlaps the parallel ones instead of adding its whole length after them.
func concurrentChunks<T>(of count: Int, minimumPerChunk: Int, alongside: (@Sendable () -> Void)? = nil,
                         _ work: @Sendable (Range<Int>) -> T) -> [T] {
    let chunks = max(1, min(ProcessInfo.processInfo.activeProcessorCount * 4, count / minimumPerChunk))
    guard chunks > 1 else {
        alongside?()
        return [work(0..<count)]
    }
    let results = ConcurrentSlots<T>(count: chunks)
    let extra = alongside == nil ? 0 : 1
    DispatchQueue.concurrentPerform(iterations: chunks + extra) { task in
        if task < extra {
            alongside?()
            return
        }
        let chunk = task - extra
        results[chunk] = work(count * chunk / chunks..<count * (chunk + 1) / chunks)
    }
    return (0..<chunks).map { results[$0]! }
}
