import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output for `convert`'s documents: the emitter hands over pieces of several MiB, written
/// as they are with write(2), so 75 MiB of JSON Lines are not copied again into a second buffer.
enum ConvertOutput {
    /// Writes all of `bytes`; a closed pipe or a full disk ends the command with status 2.
    static func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count, let base = raw.baseAddress {
                let n = systemWrite(STDOUT_FILENO, base + offset, raw.count - offset)
                if n > 0 {
                    offset += n
                } else if n < 0, errno == EINTR {
                    continue
                } else {
                    StandardError.write("scimterm: cannot write the documents to stdout: \(String(cString: strerror(errno)))")
                    exit(2)
                }
            }
        }
    }
}

/// write(2) under a name the enum's own `write` does not shadow.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
