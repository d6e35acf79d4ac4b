#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif

/// Reads a regular file of JSON documents in batches of whole lines that end between documents, so
/// each batch parses on its own and starts at column 1 (JSON Lines, CSV2SCIM's concatenated
/// BulkRequests). A single document larger than a batch makes one larger batch: it is read whole.
public enum DocumentBatches {
    public enum Outcome: Sendable, Equatable {
        case done
        /// Not a regular file, unreadable, or holding a NUL byte: leave it to `InputFile`, whose
        /// messages say why.
        case notStreamable
    }

    /// Calls `body` with each batch of about `size` bytes (more when a document is longer).
    public static func read<E: Error>(path: String, size: Int = 2 << 20, _ body: ([UInt8]) throws(E) -> Void) throws(E) -> Outcome {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return .notStreamable }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) <= InputFile.maxBytes else { return .notStreamable }
        var scanner = BoundaryScanner()
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: max(size / 2, 256))
        while true {
            let n = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 || chunk.withUnsafeBytes({ b in b.baseAddress.map { memchr($0, 0, n) != nil } ?? false }) { return .notStreamable }
            if n == 0 { break }
            buffer.append(contentsOf: chunk[..<n])
            scanner.scan(buffer)
            if buffer.count >= size, scanner.lastCut > 0 {
                // The batch is the buffer itself, cut short: only the part after the cut is copied.
                var next: [UInt8] = []
                next.reserveCapacity(size + chunk.count)
                next.append(contentsOf: buffer[scanner.lastCut...])
                buffer.removeLast(buffer.count - scanner.lastCut)
                swap(&buffer, &next)
                scanner.rebase()
                try body(next)
            }
        }
        if !buffer.isEmpty { try body(buffer) }
        return .done
    }
}

/// Finds newlines outside any value, where one batch may end and the next begin.
struct BoundaryScanner {
    private var depth = 0
    private var inString = false
    private var escaped = false
    /// Where scanning resumes in the buffer.
    private var position = 0
    /// Just past the last newline found between documents; 0 if none yet.
    private(set) var lastCut = 0

    mutating func scan(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { b in
            while position < b.count {
                if inString {
                    skipString(b)
                } else {
                    scanStructure(b)
                }
            }
        }
    }

    /// From outside a string up to the next one: brackets counted, newlines at depth 0 noted
    /// (in locals, which the compiler keeps in registers where it kept the properties in memory).
    private mutating func scanStructure(_ b: UnsafeBufferPointer<UInt8>) {
        var i = position, depth = self.depth, cut = lastCut
        defer {
            position = i
            self.depth = depth
            lastCut = cut
        }
        while i < b.count {
            let c = b[i]
            i += 1
            switch c {
            case 0x22:
                inString = true
                return
            case 0x7B, 0x5B: depth += 1
            case 0x7D, 0x5D: depth -= 1
            case 0x0A where depth == 0: cut = i
            default: break
            }
        }
    }

    /// Moves past a string's bytes up to its closing quote (or the buffer's end); most of a file
    /// is strings, and this tight loop is what keeps the reading thread ahead of the workers.
    private mutating func skipString(_ b: UnsafeBufferPointer<UInt8>) {
        if escaped {
            escaped = false
            position += 1
            return
        }
        var i = Self.plainWords(b, from: position)
        while i < b.count {
            let c = b[i]
            if c == 0x22 || c == 0x5C { break }
            i += 1
        }
        position = i
        guard i < b.count else { return }
        position += 1
        if b[i] == 0x22 { inString = false } else { escaped = true }
    }

    /// The first offset from `start` whose eight-byte word may hold a quote or a backslash.
    private static func plainWords(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = b.baseAddress else { return start }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var i = start
        while i + 8 <= b.count {
            let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            let quote = w ^ (ones &* 0x22), backslash = w ^ (ones &* 0x5C)
            if ((quote &- ones) & ~quote | (backslash &- ones) & ~backslash) & highs != 0 { return i }
            i += 8
        }
        return i
    }

    /// After the bytes up to `lastCut` were handed on and removed from the buffer.
    mutating func rebase() {
        position -= lastCut
        lastCut = 0
    }
}
