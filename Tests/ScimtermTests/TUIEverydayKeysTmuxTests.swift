import Foundation
import XCTest

/// The keys an SSH administrator expects everywhere, on the real binary at 80×24: ctrl-c backs out
/// of the send confirmation (nothing sent, still running), the tab bar is readable, and q leaves
/// the "terminal too small" screen.
final class TUIEverydayKeysTmuxTests: XCTestCase {
    func testCtrlCInTheSendDialogTabsAt80ColumnsAndQOnTheTooSmallScreen() throws {
        let tui = try SandboxTUI("scimterm-everyday")
        try tui.launch(width: 80, height: 24)
        try tui.waitFor("users") { $0.contains("25 users") && $0.contains("SANDBOX") }
        let tabs = tui.screen.split(separator: "\n").first.map(String.init) ?? ""
        XCTAssertTrue(tabs.contains("2 Users") && tabs.contains("3 Edi"), tabs)
        XCTAssertFalse(tabs.contains("3 Use"), "two tabs never read the same: \(tabs)")

        try tui.send("F5")
        try tui.waitFor("the send confirmation") { $0.contains("Send to SANDBOX") && $0.contains("Cancel") }
        try tui.send("C-c")
        try tui.waitFor("the confirmation gone, scimterm still running") { !$0.contains("Send to SANDBOX") && $0.contains("25 users") }
        // A send's progress reads "1/1 accepted"; the job's mapping's findings say "accepted and ignored".
        XCTAssertNil(tui.screen.range(of: "[0-9]+/[0-9]+ accepted", options: .regularExpression), "nothing was sent:\n\(tui.screen)")

        try tui.tmux.resize(width: 50, height: 12)
        try tui.waitFor("the too-small screen") { $0.contains("terminal too small") }
        try tui.send("q")
        XCTAssertEqual(try tui.exitStatus(), "0")
        XCTAssertTrue(tui.tmux.terminalRestored())
    }
}

/// The first screen of a new user (no --sandbox, no workspace) says how to start and how to get help,
/// and the keys it names work there.
final class TUIFirstScreenTmuxTests: XCTestCase {
    func testTheFirstScreenSaysHowToStartAndHowToGetHelp() throws {
        let tui = try SandboxTUI("scimterm-first")
        try tui.launch("", width: 80, height: 24)
        try tui.waitFor("the welcome line, whole at 80 columns") { $0.contains("f1 help · ctrl-o open a users file · or try scimterm --sandbox") }
        try tui.send("F1")
        try tui.waitFor("help opens on f1") { $0.contains("Keys · Connect") }
        try tui.send("Escape")
        try tui.waitFor("help closed") { !$0.contains("Keys · Connect") }
        try tui.send("C-o")
        try tui.waitFor("ctrl-o asks for a file") { $0.lowercased().contains("open") }
        try tui.send("Escape")
        try tui.waitFor("the dialog closed") { $0.contains("Test            Fill in the tenant") }
        try tui.send("C-c")
        XCTAssertEqual(try tui.exitStatus(), "0")
    }
}
