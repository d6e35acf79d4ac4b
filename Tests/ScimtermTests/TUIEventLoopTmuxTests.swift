import Foundation
import XCTest

/// End to end: the TUI's loop sleeps until something happens (a key, a signal, an effect's
/// answer) and then reacts at once; it does not poll.
final class TUIEventLoopTmuxTests: XCTestCase {
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

    func testAResizeRedrawsWithoutAKey() throws {
        let tui = try SandboxTUI("scimterm-resize")
        try tui.launch("", width: 100, height: 30)
        try tui.waitFor("the connect screen at 100 columns") { Self.headerWidth($0) == 100 }
        // SIGWINCH alone wakes the loop: no key follows it.
        try tui.tmux.tmux(["resize-window", "-t", tui.tmux.server, "-x", "140", "-y", "30"])
        try tui.waitFor("the header redrawn at 140 columns") { Self.headerWidth($0) == 140 }
        try tui.tmux.tmux(["resize-window", "-t", tui.tmux.server, "-x", "70", "-y", "20"])
        try tui.waitFor("the header redrawn at 70 columns") { Self.headerWidth($0) == 70 }
        try tui.send("q")
    }

    /// The top line ends with the save state one column from the right edge.
    static func headerWidth(_ screen: String) -> Int? {
        guard let first = screen.split(separator: "\n", omittingEmptySubsequences: false).first, first.hasSuffix("saved") else { return nil }
        return first.count + 1
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
