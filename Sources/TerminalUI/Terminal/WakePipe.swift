#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pipe whose only message is "something happened": a writer (another thread, a signal
/// handler) pokes it and the UI loop, asleep in `poll(2)`, wakes. Both ends are non-blocking, so a
/// full pipe drops the poke (the reader is already due to wake) and an empty one reads nothing.
public final class WakePipe: @unchecked Sendable {
    /// The end to put in a `pollfd`.
    public let readDescriptor: Int32
    /// The end `notify` writes to; async-signal-safe to write from a handler.
    public let writeDescriptor: Int32

    /// nil when the process is out of descriptors.
    public init?() {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return nil }
        for fd in ends {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        readDescriptor = ends[0]
        writeDescriptor = ends[1]
    }

    deinit {
        close(readDescriptor)
        close(writeDescriptor)
    }

    /// Wakes the reader; never blocks.
    public func notify() { Self.poke(writeDescriptor) }

    /// Empties the pipe; call before looking at what the pokes announced, so a poke that comes
    /// after the look is not lost.
    public func drain() { Self.drain(readDescriptor) }

    /// One byte, from anywhere (a signal handler included: only `write`).
    static func poke(_ fd: Int32) {
        var byte: UInt8 = 1
        _ = write(fd, &byte, 1)
    }

    static func drain(_ fd: Int32) {
        var buffer: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        while withUnsafeMutableBytes(of: &buffer, { read(fd, $0.baseAddress, $0.count) }) > 0 {}
    }
}

/// Sleeps until one of the descriptors is readable, the timeout passes (nil: no timeout) or a
/// signal interrupts; returns the descriptors that are readable.
public func waitReadable(_ descriptors: [Int32], timeoutMilliseconds: Int?) -> Set<Int32> {
    var fds = descriptors.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
    let timeout = Int32(clamping: timeoutMilliseconds ?? -1)
    let count = fds.withUnsafeMutableBufferPointer { poll($0.baseAddress, nfds_t($0.count), timeout) }
    guard count > 0 else { return [] }
    return Set(fds.filter { $0.revents != 0 }.map(\.fd))
}
