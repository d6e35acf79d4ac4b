import Foundation

/// A private tmux server running one program, for end-to-end tests that read the screen as a
/// terminal emulator drew it (never the raw byte stream), as DESIGN.md asks.
///
/// Each session has its own server (`tmux -L name -f /dev/null`), so tests neither see the user's
/// tmux nor each other. Waits poll the pane; nothing here sleeps for a fixed time.
public final class TmuxSession {
    public let server: String

    /// tmux is missing or would not start: callers turn this into a skipped test.
    public struct Unavailable: Error, CustomStringConvertible {
        public var description: String
    }

    public struct TimedOut: Error, CustomStringConvertible {
        public var description: String
    }

    public static var tmuxPath: String? {
        ["/usr/bin", "/usr/local/bin", "/bin"].map { "\($0)/tmux" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    public init(name: String) throws {
        guard Self.tmuxPath != nil else { throw Unavailable(description: "tmux is not installed") }
        server = name
    }

    deinit { _ = try? tmux(["kill-server"]) }

    /// Starts `script` (run by `sh -c`) in a detached window of the given size.
    ///
    /// The call that starts the server gets no pipes and closes every inherited descriptor: the
    /// daemon would otherwise keep Foundation's pipes open and waiting for it would hang.
    public func start(width: Int, height: Int, environment: [String: String] = [:], script: String) throws {
        var arguments = ["tmux", "-L", server, "-f", "/dev/null", "new-session", "-d", "-s", server, "-x", "\(width)", "-y", "\(height)"]
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) { arguments += ["-e", "\(key)=\(value)"] }
        arguments += ["sh", "-c", script]
        let quoted = arguments.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        // Every descriptor this process may have open, plus room for the ones `run()` is about to
        // make; a fixed 3…63 missed a test process that had reached descriptor 251.
        let closeInherited = (3...(Self.highestOpenDescriptor() + 32)).map { " \($0)>&-" }.joined()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")  // dash cannot name descriptors above 9
        process.arguments = ["-c", quoted.joined(separator: " ") + " >/dev/null 2>&1 </dev/null" + closeInherited]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Unavailable(description: "tmux would not start (status \(process.terminationStatus))") }
    }

    static func highestOpenDescriptor() -> Int {
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return max(63, open.compactMap(Int.init).max() ?? 0)
    }

    @discardableResult
    public func tmux(_ arguments: [String]) throws -> String {
        try Self.run(Self.tmuxPath ?? "/usr/bin/tmux", ["-L", server, "-f", "/dev/null"] + arguments)
    }

    /// Key names as tmux spells them (`Enter`, `Escape`, `C-c`, `Tab`).
    public func send(_ keys: String...) throws { try tmux(["send-keys", "-t", server] + keys) }

    /// Literal text, typed character by character.
    public func type(_ text: String) throws { try tmux(["send-keys", "-t", server, "-l", text]) }

    public func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", server, "-x", "\(width)", "-y", "\(height)"])
    }

    public var screen: String { (try? tmux(["capture-pane", "-p", "-t", server])) ?? "" }

    /// Whether the program still holds the alternate screen (0 once a terminal is restored).
    public var alternateScreenOn: Bool {
        (try? tmux(["display-message", "-p", "-t", server, "#{alternate_on}"]))?.trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    /// Whether the program gave the terminal back, allowing tmux a moment to read the last bytes
    /// the program wrote (the exit status can be on disk before tmux has parsed them).
    public func terminalRestored(timeout: TimeInterval = 5) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if !alternateScreenOn { return true }
            usleep(50_000)
        }
        return false
    }

    /// Polls the pane every 50 ms until `condition` holds; on timeout the error shows the last screen.
    public func waitFor(_ what: String, timeout: TimeInterval = 10, _ condition: (String) -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = screen
            if condition(last) { return }
            usleep(50_000)
        }
        throw TimedOut(description: "timed out waiting for \(what); screen was:\n\(last)")
    }

    /// Runs a program to completion and returns its standard output.
    public static func run(_ path: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Unavailable(description: "\(path) exited with \(process.terminationStatus)") }
        return String(decoding: data, as: UTF8.self)
    }
}
