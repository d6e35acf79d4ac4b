import Foundation
import XCTest

/// ctrl-z and `kill -TSTP` stop scimterm like any terminal program: the terminal goes back to the
/// shell (which can run commands), and `fg` brings the screen back with the state it had.
final class TUISuspendTmuxTests: XCTestCase {
    func testCtrlZHandsTheTerminalToTheShellAndFgComesBackWithTheSameState() throws {
        let tui = try SandboxTUI("scimterm-suspend")
        try tui.launchInShell()
        try tui.waitFor("users") { $0.contains("25 users") && $0.contains("SANDBOX") }
        try tui.send("/")
        try tui.type("jürgen")
        try tui.send("Enter")
        try tui.waitFor("filtered users") { $0.contains("filter \"jürgen\": 1 shown") }

        try tui.send("C-z")
        try tui.waitFor("the shell's job-control line") { $0.contains("Stopped") }
        XCTAssertTrue(tui.tmux.terminalRestored(), "the alternate screen is off while stopped")
        try tui.type("echo $((6 * 7))-from-the-shell")
        try tui.send("Enter")
        try tui.waitFor("the shell reads the keyboard") { $0.contains("\n42-from-the-shell") }

        try tui.type("fg")
        try tui.send("Enter")
        try tui.waitFor("repainted, the filter kept") { $0.contains("filter \"jürgen\": 1 shown") && $0.contains("SANDBOX") }
        XCTAssertTrue(tui.tmux.alternateScreenOn)

        let pid = try XCTUnwrap(tui.pid)
        XCTAssertEqual(kill(pid, SIGTSTP), 0)
        try tui.waitFor("kill -TSTP stops it too") { $0.contains("Stopped") && !$0.contains("SANDBOX") }
        try tui.type("fg")
        try tui.send("Enter")
        try tui.waitFor("back again") { $0.contains("filter \"jürgen\": 1 shown") }

        try tui.send("q")
        XCTAssertTrue(tui.tmux.terminalRestored(timeout: 10), tui.screen)
        try tui.waitFor("scimterm ended (the shell reaped it)") { _ in kill(pid, 0) != 0 }
    }
}
