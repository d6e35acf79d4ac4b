import Foundation
import TerminalUITesting
import XCTest

/// The built `scimterm --sandbox` in a private tmux server, with its own XDG data and config
/// folders, for end-to-end tests that read the pane as a person would see it.
final class SandboxTUI {
    let tmux: TmuxSession
    let scratch: URL
    private var runs = 0

    /// nil (the test is skipped) when tmux is missing.
    init(_ name: String) throws {
        let unique = "\(name)-\(getpid())"
        do { tmux = try TmuxSession(name: unique) } catch { throw XCTSkip("\(error)") }
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent(unique)
        try? FileManager.default.removeItem(at: scratch)
        try FileManager.default.createDirectory(at: scratch.appendingPathComponent("data"), withIntermediateDirectories: true)
    }

    deinit {
        _ = try? tmux.tmux(["kill-server"])
        if ProcessInfo.processInfo.environment["SCIMTERM_KEEP"] == nil { try? FileManager.default.removeItem(at: scratch) }
    }

    var pidFile: String { scratch.appendingPathComponent("pid-\(runs)").path }
    var statusFile: String { scratch.appendingPathComponent("status-\(runs)").path }

    /// Starts (or, in a new window, restarts) scimterm with `arguments`; its pid and exit status go to
    /// `pidFile` / `statusFile`, and the window stays open afterwards so the restored terminal can be read.
    /// An emulator configuration (TOML) with the sandbox's ids, a secret the test knows, and the job in
    /// `jobState`; its path, for `--emulator-config`.
    func emulatorConfig(secret: String, processingDelay: Double, jobState: String = "Active") throws -> String {
        let path = scratch.appendingPathComponent("emulator-\(jobState).toml").path
        try """
            processing_delay_seconds = \(processingDelay)
            [[tenants]]
            id = "8c1b3d9e-5a4f-4e2b-9c7d-0f6a2b1e3d4c"
              [[tenants.apps]]
              client_id = "3f2e1d0c-9b8a-4765-a432-10fedcba9876"
              secrets = ["\(secret)"]
              [[tenants.service_principals]]
              id = "0b2b8f2c-7b71-4f8a-9a56-6c5d4e3f2a10"
                [[tenants.service_principals.jobs]]
                id = "API2AAD.4f0f5f0d1c2b4a6e8d9c0b1a2f3e4d5c.1d2c3b4a-5e6f-4a8b-9c0d-1e2f3a4b5c6d"
                state = "\(jobState)"
            """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func launch(_ arguments: String = "--sandbox", width: Int = 100, height: Int = 30, environment: [String: String] = [:]) throws {
        runs += 1
        let binary = CommandRunner.binary.path
        // Single quotes keep `$$` for the inner shell, which `exec` turns into scimterm's own pid.
        // tmux sets TERM for its panes itself; `env` puts the test's own after it.
        let term = environment["TERM"].map { "env TERM=\($0) " } ?? ""
        let inner = "echo $$ > \(pidFile); exec \(term)\"\(binary)\" \(arguments)"
        let script = "sh -c '\(inner)'; echo $? > \(statusFile); sleep 60"
        let env = self.environment.merging(environment) { _, new in new }
        if runs == 1 {
            try tmux.start(width: width, height: height, environment: env, script: script)
        } else {
            var args = ["new-window", "-t", tmux.server + ":"]
            for (key, value) in env.sorted(by: { $0.key < $1.key }) { args += ["-e", "\(key)=\(value)"] }
            try tmux.tmux(args + ["sh", "-c", script])
        }
    }

    /// A private home and XDG folders, and a UTF-8 locale.
    private var environment: [String: String] {
        ["LANG": "C.UTF-8", "XDG_DATA_HOME": scratch.appendingPathComponent("data").path,
         "XDG_CONFIG_HOME": scratch.appendingPathComponent("config").path, "HOME": scratch.path]
    }

    /// scimterm typed at an interactive shell with job control, as a person runs it: ctrl-z hands
    /// the terminal back to that shell, and `fg` resumes it.
    func launchInShell(_ arguments: String = "--sandbox", width: Int = 100, height: Int = 30) throws {
        runs += 1
        let env = environment.merging(["PS1": "$ "]) { _, new in new }
        try tmux.start(width: width, height: height, environment: env, script: "exec bash --norc --noprofile -i")
        try tmux.waitFor("the shell's prompt") { $0.contains("$") }
        try type("sh -c 'echo $$ > \(pidFile); exec \"\(CommandRunner.binary.path)\" \(arguments)'")
        try send("Enter")
    }

    var pid: Int32? {
        (try? String(contentsOfFile: pidFile, encoding: .utf8)).flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// Waits for the process to end and returns its exit status.
    func exitStatus(timeout: TimeInterval = 10) throws -> String {
        try tmux.waitFor("exit", timeout: timeout) { _ in FileManager.default.fileExists(atPath: self.statusFile) }
        return (try String(contentsOfFile: statusFile, encoding: .utf8)).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func waitFor(_ what: String, timeout: TimeInterval = 15, _ condition: (String) -> Bool) throws {
        try tmux.waitFor(what, timeout: timeout, condition)
    }

    /// `q` from the screen whose hint bar names `screen` ("USERS", "LOGS"), confirming the quit
    /// when unsent changes make it ask.
    func quit(from screen: String) throws {
        try send("q")
        try waitFor("quit asks about unsent changes or quits") { $0.contains("Quit") || !$0.contains(screen) }
        if self.screen.contains("[ Quit ]") { try send("Left", "Enter") }
    }

    func send(_ keys: String...) throws { try tmux.tmux(["send-keys", "-t", tmux.server] + keys) }
    func type(_ text: String) throws { try tmux.type(text) }
    var screen: String { tmux.screen }
}
