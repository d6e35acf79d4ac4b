import Foundation
import XCTest

/// End to end: the built `scimterm tui --sandbox` on ncurses in a private tmux server, driven by
/// keys, asserted on the captured pane, with the workspace in a temporary XDG_DATA_HOME. Skipped
/// when tmux or a binary with the `tui` command is missing (SCIMTERM_TUI can name a command).
final class TUITmuxTests: XCTestCase {
    private var server = ""
    private var scratch = ""

    override func tearDown() {
        if !server.isEmpty { _ = try? tmux(["kill-server"]) }
        if !scratch.isEmpty && ProcessInfo.processInfo.environment["SCIMTERM_KEEP"] == nil { try? FileManager.default.removeItem(atPath: scratch) }
    }

    func testSandboxConnectFilterEditValidatePreviewThenSIGHUPAndReopen() throws {
        let command = try tuiCommand()
        server = "scimterm-tui-\(getpid())"
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent(server).path
        try FileManager.default.createDirectory(atPath: scratch + "/data", withIntermediateDirectories: true)
        let status = scratch + "/status", pidFile = scratch + "/pid"
        let inner = "echo $$ > \(pidFile); exec \(command) --sandbox"
        let script = "sh -c '\(inner)'; echo $? > \(status); sleep 30"
        try startServer(["new-session", "-d", "-s", server, "-x", "100", "-y", "30", "-e", "LANG=C.UTF-8",
                         "-e", "XDG_DATA_HOME=\(scratch)/data", "-e", "XDG_CONFIG_HOME=\(scratch)/config", "sh", "-c", script])

        try waitFor("users and the job state") { $0.contains("25 users") && $0.contains("job Active") && $0.contains("SANDBOX") }
        try send(["1"])
        try waitFor("connect screen with the job's meaning") {
            $0.contains("Job state: Active") && $0.contains("The job is running") && $0.contains("service principal")
        }
        try send(["M-2", "/"])
        try send(["-l", "jürgen"])
        try send(["Enter"])
        try waitFor("filtered users") { $0.contains("filter \"jürgen\": 1 shown") && $0.contains("jurgen.muller@contoso.com") && !$0.contains("1001") }

        try send(["Enter", "Down", "Down"])
        try send(["-l", " Zed"])
        try waitFor("edited display name") { $0.contains("Jürgen Müller Zed") && $0.contains("● modified") }
        try send(["Up", "C-e", "C-u"])
        try waitFor("validation reacts to an empty userName") { $0.contains("! no userName") && $0.contains("warning") }
        try send(["-l", "jurgen@contoso.com"])
        try waitFor("validation clears") { $0.contains("this user passes every check") && !$0.contains("! no userName") }

        try send(["Escape", "4", "/"])
        try send(["-l", "zed"])
        try send(["Enter"])
        try waitFor("the change in the preview JSON") {
            $0.contains("\"displayName\": \"Jürgen Müller Zed\"") && $0.contains("match 1 of 1") && $0.contains("Document 1 of 1")
        }

        let pid = try XCTUnwrap(Int32(String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        XCTAssertEqual(kill(pid, SIGHUP), 0)
        try waitFor("exit after SIGHUP") { _ in FileManager.default.fileExists(atPath: status) }
        XCTAssertEqual(try String(contentsOfFile: status, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines), "129")
        XCTAssertEqual(try tmux(["display-message", "-p", "-t", server, "#{alternate_on}"]).trimmingCharacters(in: .whitespacesAndNewlines), "0",
                       "terminal restored")

        try tmux(["new-window", "-t", server + ":", "-e", "LANG=C.UTF-8", "-e", "XDG_DATA_HOME=\(scratch)/data",
                  "-e", "XDG_CONFIG_HOME=\(scratch)/config", "\(command) --sandbox; sleep 30"])
        try waitFor("reopened workspace") { $0.contains("25 users") && $0.contains("SANDBOX") }
        try send(["/"])
        try send(["-l", "zed"])
        try waitFor("the edit survived SIGHUP") { $0.contains("Jürgen Müller Zed") && $0.contains("jurgen@contoso.com") }
        try send(["Escape", "q"])
    }

    // MARK: - helpers

    private func tuiCommand() throws -> String {
        guard which("tmux") != nil else { throw XCTSkip("tmux is not installed") }
        if let command = ProcessInfo.processInfo.environment["SCIMTERM_TUI"], !command.isEmpty { return command }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let binary = root.appendingPathComponent(".build/debug/scimterm").path
        // An unknown subcommand followed by --help prints the root's help, so look for the option.
        guard FileManager.default.isExecutableFile(atPath: binary), (try? run(binary, ["tui", "--help"]))?.contains("--sandbox") == true else {
            throw XCTSkip("no scimterm binary with the tui command; build it or set SCIMTERM_TUI")
        }
        return "'\(binary)' tui"
    }

    private struct TimedOut: Error, CustomStringConvertible { var description: String }

    private func send(_ keys: [String]) throws { try tmux(["send-keys", "-t", server] + keys) }

    /// Polls the active pane every 50 ms for up to 15 s; on timeout fails with the screen it saw.
    private func waitFor(_ what: String, _ condition: (String) -> Bool) throws {
        let deadline = Date().addingTimeInterval(15)
        var screen = ""
        while Date() < deadline {
            screen = (try? tmux(["capture-pane", "-p", "-t", server])) ?? ""
            if condition(screen) { return }
            usleep(50_000)
        }
        throw TimedOut(description: "timed out waiting for \(what); screen was:\n\(screen)")
    }

    /// The call that starts the server gets no pipes (the daemon would keep them open).
    private func startServer(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        let quoted = (["tmux", "-L", server, "-f", "/dev/null"] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
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
