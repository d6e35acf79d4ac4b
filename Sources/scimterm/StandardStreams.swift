import Foundation

/// Writes to stderr without buffering surprises (progress and diagnostics must interleave correctly).
enum StandardError {
    static func write(_ text: String, newline: Bool = true) {
        FileHandle.standardError.write(Data((text + (newline ? "\n" : "")).utf8))
    }
}

/// Buffered stdout for large outputs (100,000 users of JSON Lines); flushed in big writes.
struct StandardOutput {
    private var buffer: [UInt8] = []
    private let limit = 1 << 20

    init() { buffer.reserveCapacity(limit) }

    mutating func write(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= limit { flush() }
    }

    mutating func write(_ text: String) { write(Array(text.utf8)) }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}

enum TerminalDetection {
    static var noColorSet: Bool { !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty }

    /// Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org).
    static var stdoutWantsColour: Bool {
        let env = ProcessInfo.processInfo.environment
        if let noColor = env["NO_COLOR"], !noColor.isEmpty { return false }
        if env["TERM"] == "dumb" { return false }
        return isatty(STDOUT_FILENO) == 1
    }
}
