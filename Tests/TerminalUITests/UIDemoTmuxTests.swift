import Foundation
import TerminalUITesting
import XCTest

/// End to end: `scimterm ui-demo` on the real ncurses backend inside a private tmux server, driven
/// by keys and resizes, asserted on the captured pane (a terminal emulator's screen, never the raw
/// byte stream). Skipped when tmux or a binary with `ui-demo` is not available.
final class UIDemoTmuxTests: XCTestCase {
    private var session: TmuxSession?
    private var scratch: URL?

    override func tearDown() {
        session = nil  // kills its server
        if let scratch { try? FileManager.default.removeItem(at: scratch) }
    }

    func testDemoDrawsFiltersResizesAndRestoresTheTerminal() throws {
        let (tmux, dir) = try makeSession("scimterm-uidemo")
        let status = dir.appendingPathComponent("status").path
        // The pane outlives the program (sleep) so that the restored screen can be inspected.
        // 100,000 rows keep each filter keystroke quick in a debug build.
        try tmux.start(width: 100, height: 30, environment: ["LANG": "C.UTF-8"],
                       script: "\(try demoCommand()) --rows 100000; echo $? > \(status); sleep 30")

        try tmux.waitFor("list") { $0.contains("1 List") && $0.contains("user0@example.com") }
        try tmux.send("/")
        try tmux.type("user42")
        try tmux.send("Enter")
        try tmux.waitFor("filtered list") { $0.contains("42 user42@example.com") && !$0.contains("user0@example.com") }

        try tmux.resize(width: 40, height: 10)
        try tmux.waitFor("too-small message") { $0.contains("terminal too small (need 60×16)") }
        try tmux.resize(width: 1, height: 1)
        try tmux.resize(width: 100, height: 30)
        try tmux.waitFor("redraw after resize") { $0.contains("1 List") && $0.contains("user42@example.com") }

        try tmux.send("Tab", "Tab", "Tab")
        try tmux.waitFor("dialogs page with CJK and sanitised escapes") {
            $0.contains("漢字テスト") && $0.contains("escape ␛[31m") && $0.contains("⟨U+202E⟩")
        }
        try tmux.send("c")
        try tmux.waitFor("confirm dialog") { $0.contains("[ Send ]  [ Cancel ]") }
        try tmux.send("Escape")
        try tmux.waitFor("dialog closed") { !$0.contains("[ Send ]") && $0.contains("dialog: cancelled") }

        try tmux.send("q")
        try tmux.waitFor("exit status") { _ in FileManager.default.fileExists(atPath: status) }
        let code = try String(contentsOfFile: status, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(code, "0")
        XCTAssertTrue(tmux.terminalRestored(), "the alternate screen was left")
    }

    func testSIGTERMRestoresTheTerminalAndRunsTheSaveHook() throws {
        let (tmux, status, saved, pidFile) = try startForSignals()
        let pid = try XCTUnwrap(Int32(String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        XCTAssertEqual(kill(pid, SIGTERM), 0)
        try assertEnded(tmux, statusFile: status, savedFile: saved, codes: ["143"])
    }

    func testACrashRestoresTheTerminalAndRunsTheSaveHook() throws {
        let (tmux, status, saved, _) = try startForSignals()
        try tmux.send("!")
        // Swift traps end in SIGILL (132) or SIGTRAP (133) on Linux, with no defer run.
        try assertEnded(tmux, statusFile: status, savedFile: saved, codes: ["132", "133"])
    }

    /// Starts the demo with a save file and crash key; returns the session and its files.
    private func startForSignals() throws -> (TmuxSession, String, String, String) {
        let (tmux, dir) = try makeSession("scimterm-uisig")
        let status = dir.appendingPathComponent("status").path
        let saved = dir.appendingPathComponent("saved").path
        let pidFile = dir.appendingPathComponent("pid").path
        // The inner shell records its pid, then becomes the demo, so that pid is the demo's.
        let inner = "echo $$ > \(pidFile); exec \(try demoCommand()) --save-file \(saved) --crash-key"
        try tmux.start(width: 80, height: 24, environment: ["LANG": "C.UTF-8"], script: "sh -c '\(inner)'; echo $? > \(status); sleep 30")
        try tmux.waitFor("list") { $0.contains("user0@example.com") }
        return (tmux, status, saved, pidFile)
    }

    private func assertEnded(_ tmux: TmuxSession, statusFile: String, savedFile: String, codes: Set<String>, line: UInt = #line) throws {
        try tmux.waitFor("exit status") { _ in FileManager.default.fileExists(atPath: statusFile) }
        let code = try String(contentsOfFile: statusFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertTrue(codes.contains(code), "exit status \(code): the process ends by its signal", line: line)
        XCTAssertEqual(try? String(contentsOfFile: savedFile, encoding: .utf8), "saved\n", "save hook ran", line: line)
        XCTAssertTrue(tmux.terminalRestored(), "terminal restored", line: line)
    }

    // MARK: - helpers

    private func makeSession(_ prefix: String) throws -> (TmuxSession, URL) {
        let name = "\(prefix)-\(getpid())"
        let tmux: TmuxSession
        do { tmux = try TmuxSession(name: name) } catch { throw XCTSkip("\(error)") }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        session = tmux
        scratch = dir
        return (tmux, dir)
    }

    /// `SCIMTERM_UI_DEMO` (a whole command) or a built `scimterm` that knows `ui-demo`.
    private func demoCommand() throws -> String {
        if let command = ProcessInfo.processInfo.environment["SCIMTERM_UI_DEMO"], !command.isEmpty { return command }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let binary = root.appendingPathComponent(".build/debug/scimterm").path
        if FileManager.default.isExecutableFile(atPath: binary), (try? TmuxSession.run(binary, ["ui-demo", "--help"])) != nil {
            return "'\(binary)' ui-demo"
        }
        throw XCTSkip("no scimterm binary with ui-demo; build it or set SCIMTERM_UI_DEMO")
    }
}
