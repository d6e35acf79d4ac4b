import Foundation
import XCTest

/// End to end on the built binary in tmux (issue 12 §3): on the sandbox, the user form's F7 asks
/// the emulator's parseExpression about every mapping of the user over real HTTP and the pane says
/// they all agree. The check's age is not asserted (it reads the clock), only its tally.
final class TUICheckWithEntraTmuxTests: XCTestCase {
    func testF7ChecksTheUsersMappingsWithEntraAndAllAgree() throws {
        let tui = try SandboxTUI("scimterm-entra-check")
        try tui.launch("--sandbox", width: 100, height: 30)
        try tui.waitFor("the sandbox users and the job") { $0.contains("25 users") && $0.contains("job Active") }
        try tui.send("Enter")
        try tui.waitFor("the form on the first user") { $0.contains("Editing zoe.angstrom@contoso.com") }
        try tui.send("F7")
        try tui.waitFor("Entra's answers, every mapping agreeing") {
            $0.contains("checked with Entra") && $0.contains(": 21 agree, 0 differ")
        }
        XCTAssertTrue(tui.screen.contains("★ ✓ employeeId"), tui.screen)
        XCTAssertTrue(tui.screen.contains("✓ mailNickname       zoe.angstrom "), tui.screen)
        XCTAssertFalse(tui.screen.contains("≠"), tui.screen)

        // The calls went through the session's transport: Activity lists them like any exchange.
        try tui.send("M-5")
        try tui.waitFor("the parseExpression calls in Activity") { $0.contains("POST job/parseExpression") }

        try tui.send("M-2")
        try tui.waitFor("the users") { $0.contains("USERS") }
        try tui.quit(from: "USERS")
    }
}
