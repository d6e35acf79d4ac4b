import Foundation
import XCTest

/// End to end: `scimterm ui-demo` on the real ncurses backend inside a private tmux server, driven
/// by keys and resizes, asserted on the captured pane (a terminal emulator's screen, never the raw
/// byte stream). Skipped when tmux or a binary with `ui-demo` is not available.
final class UIDemoTmuxTests: XCTestCase {
    private var server = ""
    private var scratch: URL?

    override func tearDown() {
        if !server.isEmpty { _ = try? tmux(["kill-server"]) }
        if let scratch { try? FileManager.default.removeItem(at: scratch) }
    }

    func testDemoDrawsFiltersResizesAndRestoresTheTerminal() throws {
        let command = try demoCommand()
        server = "scimterm-uidemo-\(getpid())"
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(server)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        scratch = dir
        let status = dir.appendingPathComponent("status").path
        // The pane outlives the program (sleep) so that the restored screen can be inspected.
        // 100,000 rows keep each filter keystroke quick in a debug build.
        let script = "\(command) --rows 100000; echo $? > \(status); sleep 30"
        try startServer(["new-session", "-d", "-s", server, "-x", "100", "-y", "30", "-e", "LANG=C.UTF-8", "sh", "-c", script])

        try waitFor("list") { $0.contains("1 List") && $0.contains("user0@example.com") }
        try send(["/"])
        try send(["-l", "user42"])
        try send(["Enter"])
        try waitFor("filtered list") { $0.contains("42 user42@example.com") && !$0.contains("user0@example.com") }

        try tmux(["resize-window", "-t", server, "-x", "40", "-y", "10"])
        try waitFor("too-small message") { $0.contains("terminal too small (need 60×16)") }
        try tmux(["resize-window", "-t", server, "-x", "1", "-y", "1"])
        try tmux(["resize-window", "-t", server, "-x", "100", "-y", "30"])
        try waitFor("redraw after resize") { $0.contains("1 List") && $0.contains("user42@example.com") }

        try send(["Tab", "Tab", "Tab"])
        try waitFor("dialogs page with CJK and sanitised escapes") {
            $0.contains("漢字テスト") && $0.contains("escape ␛[31m") && $0.contains("⟨U+202E⟩")
        }
        try send(["c"])
        try waitFor("confirm dialog") { $0.contains("[ Send ]  [ Cancel ]") }
        try send(["Escape"])
        try waitFor("dialog closed") { !$0.contains("[ Send ]") && $0.contains("dialog: cancelled") }

        try send(["q"])
        try waitFor("exit status") { _ in FileManager.default.fileExists(atPath: status) }
        let code = try String(contentsOfFile: status, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(code, "0")
        XCTAssertEqual(try tmux(["display-message", "-p", "-t", server, "#{alternate_on}"]).trimmingCharacters(in: .whitespacesAndNewlines), "0",
                       "the alternate screen was left")
    }

    func testSIGTERMRestoresTheTerminalAndRunsTheSaveHook() throws {
        let (status, saved) = try startForSignals()
        let pid = try XCTUnwrap(Int32(String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        XCTAssertEqual(kill(pid, SIGTERM), 0)
        try assertEnded(statusFile: status, savedFile: saved, codes: ["143"])
    }

    func testACrashRestoresTheTerminalAndRunsTheSaveHook() throws {
        let (status, saved) = try startForSignals()
        try send(["!"])
        // Swift traps end in SIGILL (132) or SIGTRAP (133) on Linux, with no defer run.
        try assertEnded(statusFile: status, savedFile: saved, codes: ["132", "133"])
    }

    private var pidFile: String { scratch?.appendingPathComponent("pid").path ?? "" }

    /// Starts the demo with a save file and crash key; returns the status and save file paths.
    private func startForSignals() throws -> (String, String) {
        let command = try demoCommand()
        server = "scimterm-uisig-\(getpid())"
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(server)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        scratch = dir
        let status = dir.appendingPathComponent("status").path
        let saved = dir.appendingPathComponent("saved").path
        // The inner shell records its pid, then becomes the demo, so that pid is the demo's.
        let inner = "echo $$ > \(pidFile); exec \(command) --save-file \(saved) --crash-key"
        let script = "sh -c '\(inner)'; echo $? > \(status); sleep 30"
        try startServer(["new-session", "-d", "-s", server, "-x", "80", "-y", "24", "-e", "LANG=C.UTF-8", "sh", "-c", script])
        try waitFor("list") { $0.contains("user0@example.com") }
        return (status, saved)
    }

    private func assertEnded(statusFile: String, savedFile: String, codes: Set<String>, line: UInt = #line) throws {
        try waitFor("exit status") { _ in FileManager.default.fileExists(atPath: statusFile) }
        let code = try String(contentsOfFile: statusFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertTrue(codes.contains(code), "exit status \(code): the process ends by its signal", line: line)
        XCTAssertEqual(try? String(contentsOfFile: savedFile, encoding: .utf8), "saved\n", "save hook ran", line: line)
        let alternate = try tmux(["display-message", "-p", "-t", server, "#{alternate_on}"])
        XCTAssertEqual(alternate.trimmingCharacters(in: .whitespacesAndNewlines), "0", "terminal restored", line: line)
    }

    // MARK: - helpers

    /// `SCIMTERM_UI_DEMO` (a whole command) or a built `scimterm` that knows `ui-demo`.
    private func demoCommand() throws -> String {
        guard which("tmux") != nil else { throw XCTSkip("tmux is not installed") }
        if let command = ProcessInfo.processInfo.environment["SCIMTERM_UI_DEMO"], !command.isEmpty { return command }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for scratch in [".build-tui", ".build"] {
            let binary = root.appendingPathComponent("\(scratch)/debug/scimterm").path
            guard FileManager.default.isExecutableFile(atPath: binary) else { continue }
            if (try? run(binary, ["ui-demo", "--help"])) != nil { return "'\(binary)' ui-demo" }
        }
        throw XCTSkip("no scimterm binary with ui-demo; build it or set SCIMTERM_UI_DEMO")
    }

    private struct TimedOut: Error, CustomStringConvertible { var description: String }

    private func send(_ keys: [String]) throws { try tmux(["send-keys", "-t", server] + keys) }

    /// Polls the pane every 50 ms for up to 10 s; on timeout fails with the screen it saw.
    private func waitFor(_ what: String, _ condition: (String) -> Bool) throws {
        let deadline = Date().addingTimeInterval(10)
        var screen = ""
        while Date() < deadline {
            screen = (try? tmux(["capture-pane", "-p", "-t", server])) ?? ""
            if condition(screen) { return }
            usleep(50_000)
        }
        throw TimedOut(description: "timed out waiting for \(what); screen was:\n\(screen)")
    }

    /// The first call starts the server, which inherits any pipe it is given; its output goes to
    /// /dev/null so that waiting for the call cannot hang.
    private func startServer(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash") // dash cannot name descriptors above 9
        let quoted = (["tmux", "-L", server, "-f", "/dev/null"] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        // Close descriptors 3–63 for tmux only, so the daemon keeps none of Foundation's pipes.
        let closeInherited = (3...63).map { " \($0)>&-" }.joined()
        process.arguments = ["-c", quoted.joined(separator: " ") + " >/dev/null 2>&1 </dev/null" + closeInherited]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw XCTSkip("could not start tmux (status \(process.terminationStatus))") }
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        try run(which("tmux") ?? "/usr/bin/tmux", ["-L", server, "-f", "/dev/null"] + arguments)
    }

    private func run(_ path: String, _ arguments: [String]) throws -> String {
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
        guard process.terminationStatus == 0 else { throw CocoaError(.executableLoad) }
        return String(decoding: data, as: UTF8.self)
    }

    private func which(_ name: String) -> String? {
        ["/usr/bin", "/usr/local/bin", "/bin"].map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
