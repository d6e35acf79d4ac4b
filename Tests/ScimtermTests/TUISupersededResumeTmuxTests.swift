import Foundation
import XCTest

/// End to end in tmux: a send cut by an SSH drop, then a newer send of the same users; the next
/// start does not offer to resume the older one as if nothing happened.
final class TUISupersededResumeTmuxTests: XCTestCase {
    func testAfterASupersedingSendTheResumeOfferSaysSoAndNotNowIsTheDefault() throws {
        let tui = try SandboxTUI("scimterm-superseded")
        try tui.launch("--sandbox --batch-size 1 --rate-limit 0 --fault-latency 400")
        try tui.waitFor("the sandbox") { $0.contains("25 users") && $0.contains("job Active") }
        try tui.send("F5")
        try tui.waitFor("the confirmation") { $0.contains("25 requests of at most 1 operations") }
        try tui.send("Enter")
        try tui.waitFor("a few requests accepted", timeout: 30) { $0.contains("3/25 accepted") || $0.contains("4/25 accepted") }
        XCTAssertEqual(kill(try XCTUnwrap(tui.pid), SIGHUP), 0)
        XCTAssertEqual(try tui.exitStatus(), "129")

        // Not now, then a newer send of all 25 users.
        try tui.launch("--sandbox --batch-size 5 --rate-limit 0")
        try tui.waitFor("the plain resume offer") { $0.contains("Resume the interrupted send?") }
        try tui.send("Right", "Enter")
        try tui.waitFor("the offer put off") { $0.contains("stays in the journal for next time") }
        try tui.send("F5")
        try tui.waitFor("the confirmation") { $0.contains("5 requests of at most 5 operations") }
        try tui.send("Enter")
        try tui.waitFor("the newer send accepted", timeout: 30) { $0.contains("✓ done: every request accepted (202)") }
        try tui.send("q")
        _ = try tui.exitStatus()

        try tui.launch("--sandbox --batch-size 5 --rate-limit 0")
        try tui.waitFor("the superseded offer") { $0.contains("The interrupted send is superseded") }
        let screen = tui.screen
        XCTAssertFalse(screen.contains("Resume the interrupted send?"), screen)
        XCTAssertTrue(screen.range(of: #"Resend anyway \(overwrites newer data for \d+ users\)"#, options: .regularExpression) != nil, screen)
        XCTAssertTrue(screen.contains("[ Not now ]") && screen.contains("[ Forget it ]"), screen)
        try tui.send("Enter")
        try tui.waitFor("Not now, the default") { $0.contains("stays in the journal for next time") }
        XCTAssertFalse(tui.screen.contains("sending the rest"), tui.screen)
        try tui.send("q")
    }
}
