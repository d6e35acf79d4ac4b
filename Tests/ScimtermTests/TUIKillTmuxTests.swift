import Foundation
import XCTest

/// End to end: an edit survives a kill -9 that comes 50 ms after the keystrokes, long before the
/// autosave's pause (the workspace journal has it).
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
}
