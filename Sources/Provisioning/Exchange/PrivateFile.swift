import Foundation

/// Files the command line writes that hold HR data (HAR exports, converted payloads): created 0600 in
/// folders made 0700, like the send journal, and written whole or not at all.
///
/// The TUI has its own `SafeFile` with the same rules; this one lives here so the CLI, which does not
/// link the App module, gets them too.
public enum PrivateFile {
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// Creates `path` (mode 0600) through a temporary file beside it that is synced and renamed over
    /// the target, so a crash leaves the old file intact and no reader ever sees a wider mode.
    public static func write(_ bytes: [UInt8], to path: String) throws(WriteError) {
        try makeFolder((path as NSString).deletingLastPathComponent)
        let temporary = path + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw WriteError(description: "cannot write \(temporary): \(String(cString: strerror(errno)))") }
        let failed = !writeAll(fd, bytes)
        // An existing file at `temporary` kept its old mode through O_CREAT; make sure it is ours.
        let narrowed = fchmod(fd, 0o600) == 0
        let synced = fsync(fd) == 0
        close(fd)
        guard !failed, narrowed, synced, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw WriteError(description: "cannot write \(path): \(reason)")
        }
    }

    /// Makes `folder` and any missing parents 0700; an existing folder is left as it is.
    public static func makeFolder(_ folder: String) throws(WriteError) {
        guard !folder.isEmpty else { return }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw WriteError(description: "cannot create \(folder): \(error.localizedDescription)")
        }
    }

    /// Every byte to `fd`, looping over short writes; false on an error.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress.map { $0 + written }, buffer.count - written)
                if n <= 0 { return false }
                written += n
            }
            return true
        }
    }
}
