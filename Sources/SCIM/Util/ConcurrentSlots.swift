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

/// Runs `work` on consecutive ranges splitting `0..<count`, one per core (at most 8), all at once,
/// and returns their results in order. With fewer than `minimumPerChunk` items for each core the
/// work runs inline, as starting threads would cost more than it saves.
func concurrentChunks<T>(of count: Int, minimumPerChunk: Int, _ work: @Sendable (Range<Int>) -> T) -> [T] {
    let chunks = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8, count / minimumPerChunk))
    guard chunks > 1 else { return [work(0..<count)] }
    let results = ConcurrentSlots<T>(count: chunks)
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        results[chunk] = work(count * chunk / chunks..<count * (chunk + 1) / chunks)
    }
    return (0..<chunks).map { results[$0]! }
}
