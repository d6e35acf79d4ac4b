import Foundation
import XCTest

/// End to end on the built binary in tmux (issue 12 §3): the sandbox connects, the job's schema is
/// read, and the user form's F6 pane shows what Entra will set, recomputed as userName is typed.
/// Nothing here reads the clock: the schema's age is not asserted, only that it is the job's.
final class TUIWhatEntraWillSetTmuxTests: XCTestCase {
    func testTheFormShowsWhatEntraWillSetAndItFollowsUserName() throws {
        let tui = try SandboxTUI("scimterm-entra-sets")
        try tui.launch("--sandbox", width: 100, height: 30)
        try tui.waitFor("the sandbox users and the job") { $0.contains("25 users") && $0.contains("job Active") }
        try tui.send("Enter")
        try tui.waitFor("the form on the first user") { $0.contains("Editing zoe.angstrom@contoso.com") }
        try tui.send("F6")
        try tui.waitFor("the job's mapping computed for the user") {
            $0.contains("What Entra will set · job schema read") && $0.contains("mailNickname       zoe.angstrom ")
        }
        XCTAssertTrue(tui.screen.contains("★ employeeId         1001"), tui.screen)
        XCTAssertTrue(tui.screen.contains("accountEnabled     True"), tui.screen)

        // Down to userName, clear it, type another: the UPN and the mail nickname follow at once.
        try tui.send("Down", "C-e", "C-u")
        try tui.type("ann.lee@contoso.com")
        try tui.waitFor("mailNickname and userPrincipalName computed from the new userName") {
            $0.contains("mailNickname       ann.lee ") && $0.contains("userPrincipalName  ann.lee@contoso.com ")
        }

        try tui.send("M-2")
        try tui.waitFor("the users") { $0.contains("USERS") }
        try tui.quit(from: "USERS")
    }
}
