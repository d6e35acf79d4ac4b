import Foundation
import XCTest

/// End to end: an edit survives a kill -9 that comes 50 ms after the keystrokes, long before the
/// autosave's pause (the workspace journal has it), and an idle TUI sleeps instead of polling.
final class TUIKillTmuxTests: XCTestCase {
    func testEditSurvivesKillNineFiftyMillisecondsAfterTheKeystroke() throws {
        let tui = try SandboxTUI("scimterm-kill9")
        try tui.launch()
        try tui.waitFor("users") { $0.contains("25 users") && $0.contains("SANDBOX") }
        try tui.send("/")
        try tui.type("jürgen")
        try tui.send("Enter")
        try tui.waitFor("filtered users") { $0.contains("filter \"jürgen\": 1 shown") }
        try tui.send("Enter", "Down", "Down")
        try tui.waitFor("the form") { $0.contains("displayName") && $0.contains("Jürgen Müller") }

        let pid = try XCTUnwrap(tui.pid)
        try tui.type(" Kilo")
        // The scenario itself, not a wait for something: the kill comes 50 ms after the keys.
        usleep(50_000)
        XCTAssertEqual(kill(pid, SIGKILL), 0)
        XCTAssertEqual(try tui.exitStatus(), "137", "killed, so no handler saved anything")

        try tui.launch()
        try tui.waitFor("reopened workspace") { $0.contains("25 users") && $0.contains("SANDBOX") }
        try tui.send("/")
        try tui.type("kilo")
        try tui.send("Enter")
        try tui.waitFor("the edit survived kill -9") { $0.contains("filter \"kilo\": 1 shown") && $0.contains("Jürgen Müller Kilo") }

        // A second kill straight after restarting: the replayed edit was saved as the new base.
        let second = try XCTUnwrap(tui.pid)
        XCTAssertEqual(kill(second, SIGKILL), 0)
        XCTAssertEqual(try tui.exitStatus(), "137")
        try tui.launch()
        try tui.send("/")
        try tui.type("kilo")
        try tui.send("Enter")
        try tui.waitFor("still there after a second kill") { $0.contains("Jürgen Müller Kilo") }
        try tui.send("Escape", "q")
    }

    func testIdleTUIUsesAlmostNoCPU() throws {
        let tui = try SandboxTUI("scimterm-idle")
        // Without --sandbox: the in-process emulator checks for due jobs ten times a second, the TUI not at all.
        try tui.launch("")
        try tui.waitFor("the connect screen") { $0.contains("Profile (config.toml)") }
        let pid = try XCTUnwrap(tui.pid)
        let before = try XCTUnwrap(Self.cpuTicks(pid))
        let wakesBefore = try XCTUnwrap(Self.contextSwitches(pid))
        usleep(1_000_000)
        let after = try XCTUnwrap(Self.cpuTicks(pid))
        let wakesAfter = try XCTUnwrap(Self.contextSwitches(pid))
        // A 50 ms poll wakes 20 times a second; an event-driven loop not at all while nothing happens.
        XCTAssertLessThan(wakesAfter - wakesBefore, 10, "the threads woke \(wakesAfter - wakesBefore) times in a quiet second")
        XCTAssertLessThanOrEqual(after - before, 5, "CPU ticks in a quiet second")
        try tui.send("q")
    }

    /// utime + stime of the whole process, in clock ticks.
    static func cpuTicks(_ pid: Int32) -> Int? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Int(fields[11]), let system = Int(fields[12]) else { return nil }
        return user + system
    }

    /// Voluntary context switches of all the process's threads (the UI loop runs on one of
    /// Dispatch's): one per wake-up from a sleep.
    static func contextSwitches(_ pid: Int32) -> Int? {
        guard let tasks = try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task") else { return nil }
        return tasks.reduce(0) { total, task in
            let status = (try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/status", encoding: .utf8)) ?? ""
            let line = status.split(separator: "\n").first { $0.hasPrefix("voluntary_ctxt_switches:") }
            return total + (line.flatMap { Int($0.split(separator: "\t").last?.trimmingCharacters(in: .whitespaces) ?? "") } ?? 0)
        }
    }
}
