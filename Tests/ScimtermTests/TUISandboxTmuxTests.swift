import Foundation
import XCTest

/// End to end: the built `scimterm --sandbox` on ncurses in tmux, driven by keys and asserted on
/// the captured pane: connect, filter, edit with live validation, preview, SIGHUP, reopen.
final class TUISandboxTmuxTests: XCTestCase {
    func testSandboxConnectFilterEditValidatePreviewThenSIGHUPAndReopen() throws {
        let tui = try SandboxTUI("scimterm-tui")
        try tui.launch()
        try tui.waitFor("users and the job state") { $0.contains("25 users") && $0.contains("job Active") && $0.contains("SANDBOX") }
        try tui.send("1")
        try tui.waitFor("connect screen with the job's meaning") {
            $0.contains("Job state: Active") && $0.contains("The job is running") && $0.contains("service principal")
        }
        try tui.send("M-2", "/")
        try tui.type("jürgen")
        try tui.send("Enter")
        try tui.waitFor("filtered users") { $0.contains("filter \"jürgen\": 1 shown") && $0.contains("jurgen.muller@contoso.com") && !$0.contains("1001") }

        try tui.send("Enter", "Down", "Down")
        try tui.type(" Zed")
        try tui.waitFor("edited display name") { $0.contains("Jürgen Müller Zed") && $0.contains("● modified") }
        try tui.send("Up", "C-e", "C-u")
        try tui.waitFor("validation reacts to an empty userName") { $0.contains("! no userName") && $0.contains("warning") }
        try tui.type("jurgen@contoso.com")
        // Connected, the job's mapping is checked too: its employeeNumber finding stays, so only the userName one clears.
        try tui.waitFor("validation clears") { $0.contains("jurgen@contoso.com") && !$0.contains("! no userName") }

        try tui.send("Escape", "4", "/")
        try tui.type("zed")
        try tui.send("Enter")
        try tui.waitFor("the change in the preview JSON") {
            $0.contains("\"displayName\": \"Jürgen Müller Zed\"") && $0.contains("match 1 of 1") && $0.contains("Document 1 of 1")
        }

        let pid = try XCTUnwrap(tui.pid)
        XCTAssertEqual(kill(pid, SIGHUP), 0)
        XCTAssertEqual(try tui.exitStatus(), "129", "ends by its signal")
        XCTAssertTrue(tui.tmux.terminalRestored(), "terminal restored")

        try tui.launch()
        try tui.waitFor("reopened workspace") { $0.contains("25 users") && $0.contains("SANDBOX") }
        try tui.send("/")
        try tui.type("zed")
        try tui.waitFor("the edit survived SIGHUP") { $0.contains("Jürgen Müller Zed") && $0.contains("jurgen@contoso.com") }
        try tui.send("Escape", "q")
    }
}
