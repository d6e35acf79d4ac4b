import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One sender at a time per journal and endpoint: an advisory `flock` on a file beside the journal.
/// Two senders to one endpoint would each send the documents the other has not journaled yet, so
/// the second one is refused, naming the first. The kernel drops a flock when its holder dies, so a
/// lock left by a killed process is always free; the file still names that process, which is how
/// the next sender can say it took over.
public final class SendLock: @unchecked Sendable {
    /// Who holds (or last held) the lock.
    public struct Holder: Sendable, Equatable, CustomStringConvertible {
        public var pid: Int32
        public var started: Date

        public init(pid: Int32, started: Date) {
            self.pid = pid
            self.started = started
        }

        public var description: String { "process \(pid), started \(StopReason.timestamp(started))" }
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// Another live process is sending to this endpoint with this journal.
        case busy(Holder?, endpoint: String)
        case cannotOpen(path: String, errno: Int32)

        public var description: String {
            switch self {
            case .busy(let holder, let endpoint):
                return "another scimterm send to \(endpoint) is running (\(holder?.description ?? "process unknown")): "
                    + "wait for it, or stop it, then try again"
            case .cannotOpen(let path, let code):
                return "cannot open the send lock \(path): \(String(cString: strerror(code)))"
            }
        }
    }

    public let path: String
    /// Set when the file named a process that died while holding the lock.
    public let tookOverFrom: Holder?
    private let fd: Int32

    /// Takes the lock for `endpoint` beside `journalPath`, or throws `.busy` at once (never waits).
    public init(journalPath: String, endpoint: String, pid: Int32 = getpid(), now: Date = Date()) throws {
        path = Self.path(journalPath: journalPath, endpoint: endpoint)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Failure.cannotOpen(path: path, errno: errno) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let holder = Self.read(fd)
            close(fd)
            throw Failure.busy(holder, endpoint: endpoint)
        }
        self.fd = fd
        tookOverFrom = Self.read(fd)
        Self.write(fd, "\(pid) \(now.timeIntervalSince1970)\n")
    }

    deinit {
        // Emptied on a clean release, so a name left in the file means its process died holding it.
        _ = ftruncate(fd, 0)
        close(fd)
    }

    /// `<journal>.<endpoint hash>.lock`: one lock per endpoint, so sends to two jobs can run side by side.
    public static func path(journalPath: String, endpoint: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in endpoint.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return journalPath + "." + String(hash, radix: 16) + ".lock"
    }

    private static func read(_ fd: Int32) -> Holder? {
        var buffer = [UInt8](repeating: 0, count: 128)
        let count = pread(fd, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        let fields = String(decoding: buffer.prefix(count), as: UTF8.self).split(whereSeparator: \.isWhitespace)
        guard fields.count >= 2, let pid = Int32(fields[0]), let seconds = Double(fields[1]) else { return nil }
        return Holder(pid: pid, started: Date(timeIntervalSince1970: seconds))
    }

    private static func write(_ fd: Int32, _ text: String) {
        _ = ftruncate(fd, 0)
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }
}
