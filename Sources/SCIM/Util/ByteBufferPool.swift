import Foundation

/// Byte buffers handed back by the ordered loop for the next window on a worker: a window writes
/// several MiB, and a fresh buffer per window cost a page fault per 4 KiB touched and an unmap
/// when it was freed; a handful recycled keeps the same pages warm for the whole file.
final class ByteBufferPool: @unchecked Sendable {
    private let lock = NSLock()
    private var free: [[UInt8]] = []
    private let limit: Int

    init(limit: Int) { self.limit = limit }

    /// A buffer given back earlier (still holding its old bytes: the taker empties it, keeping its
    /// capacity, once the window that wrote it is gone), or an empty one.
    func take() -> [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        return free.popLast() ?? []
    }

    /// Keeps `buffer` for a later `take`, up to `limit` buffers. It is not emptied here: the giver
    /// may still hold it, and emptying a shared array allocates a fresh one.
    func give(_ buffer: [UInt8]) {
        lock.lock()
        defer { lock.unlock() }
        if free.count < limit { free.append(buffer) }
    }
}
