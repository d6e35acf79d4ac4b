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
        XCTAssertFalse(tui.screen.contains("accepted"), "nothing was sent:\n\(tui.screen)")

        try tui.tmux.resize(width: 50, height: 12)
        try tui.waitFor("the too-small screen") { $0.contains("terminal too small") }
        try tui.send("q")
        XCTAssertEqual(try tui.exitStatus(), "0")
        XCTAssertTrue(tui.tmux.terminalRestored())
    }
}
