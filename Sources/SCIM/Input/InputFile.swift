import Foundation
#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif

/// Reads an input file's bytes, turning every way that can fail into one clear sentence.
public enum InputFile {
    /// Refuse files that could not possibly be an HR export, before reading them into memory.
    public static let maxBytes = 2 << 30

    public static func read(path: String) throws(InputError) -> [UInt8] {
        let bytes = try readBytes(path: path)
        if let encoding = TextEncodingCheck.unsupported(bytes) { throw InputError(message: TextEncodingCheck.message(encoding)) }
        return bytes
    }

    private static func readBytes(path: String) throws(InputError) -> [UInt8] {
        if path == "-" { return try readStream(STDIN_FILENO, name: "standard input") }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(message: "no such file")
        }
        if isDirectory.boolValue { throw InputError(message: "is a directory, not a file") }
        guard FileManager.default.isReadableFile(atPath: path) else { throw InputError(message: "permission denied") }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maxBytes {
            throw InputError(message: "file is \(size) bytes; scimterm reads at most \(maxBytes)")
        }
        if let bytes = readRegularFile(path) { return bytes }
        let fd = open(path, O_RDONLY)
        if fd >= 0 {
            defer { close(fd) }
            // A pipe, a FIFO or a device (/dev/zero) has no size to check first: read it with the same limits.
            if !isRegular(fd) { return try readStream(fd, name: "the file") }
        }
        do {
            return Array(try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe))
        } catch {
            throw InputError(message: "cannot read: \(error.localizedDescription)")
        }
    }

    /// Standard input, a pipe or a device, a part at a time, under the same limit as files. A NUL
    /// byte ends the read at once: neither JSON nor CSV may hold one, and binary input (say
    /// `/dev/zero`) must not be gathered up to the limit only to be refused.
    static func readStream(_ fd: Int32, name: String, limit: Int = maxBytes) throws(InputError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { throw InputError(message: "cannot read \(name): \(String(cString: strerror(errno)))") }
            if n == 0 { return bytes }
            if bytes.isEmpty, let encoding = TextEncodingCheck.unsupported(chunk[..<n]) {
                throw InputError(message: TextEncodingCheck.message(encoding))
            }
            if let nul = chunk[..<n].firstIndex(of: 0) {
                throw InputError(message: "NUL byte at byte offset \(bytes.count + nul) (binary input?): not JSON or CSV")
            }
            guard bytes.count + n <= limit else { throw InputError(message: "\(name) holds more than \(limit) bytes; scimterm reads at most \(limit)") }
            bytes.append(contentsOf: chunk[..<n])
        }
    }

    private static func isRegular(_ fd: Int32) -> Bool {
        var info = stat()
        return fstat(fd, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    /// A regular file's bytes read straight into the array, or nil to leave the file (and the
    /// wording of any error) to Foundation. Mapping the file and copying it into an array touched
    /// every page twice; large files are read in a few parts at once, on every core, as most of
    /// the time goes to the kernel providing fresh pages for the array.
    private static func readRegularFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(info.st_size)
        guard size > 0 else { return [] }
        let parts = size >= 8 << 20 ? ProcessInfo.processInfo.activeProcessorCount : 1
        let complete = ConcurrentSlots<Bool>(count: parts)
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            let start = BufferStart(pointer: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let range = size * part / parts..<size * (part + 1) / parts
                complete[part] = readFully(fd, into: start.pointer + range.lowerBound, count: range.count, at: range.lowerBound)
            }
            count = size
        }
        return (0..<parts).allSatisfy({ complete[$0] == true }) ? bytes : nil
    }

    /// `count` bytes from `offset`; false on an error, or if the file ended first (it shrank).
    private static func readFully(_ fd: Int32, into destination: UnsafeMutablePointer<UInt8>, count: Int, at offset: Int) -> Bool {
        var done = 0
        while done < count {
            let n = pread(fd, destination + done, count - done, off_t(offset + done))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            done += n
        }
        return true
    }
}

/// The array being filled, handed to the threads that each read their own part of it.
private struct BufferStart: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<UInt8>
}
