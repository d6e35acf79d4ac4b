import Foundation
import XCTest

/// End to end on the built binary in tmux: with the sandbox's job Paused, a send is accepted, and
/// the Logs screen says the upload is queued because the job is Paused; nothing is reported as
/// created. Nothing here reads the clock: the test waits for screens, and ages are not asserted.
final class TUILogsTmuxTests: XCTestCase {
    static let secret = "e2e-logs-secret-for-the-sandbox-0123456789"

    /// The pane's lines trimmed and joined by single spaces: a sentence wrapped over two lines reads whole.
    private func prose(_ screen: String) -> String {
        screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    func testAnUploadToAPausedJobIsShownAsQueuedAndNothingAsCreated() throws {
        let tui = try SandboxTUI("scimterm-logs-paused")
        try tui.launch("--sandbox --emulator-config \(try tui.emulatorConfig(secret: Self.secret, processingDelay: 0, jobState: "Paused"))", width: 120, height: 36)
        try tui.waitFor("the sandbox users and the paused job") { $0.contains("25 users") && $0.contains("job Paused") }
        try tui.send("F5")
        try tui.waitFor("the confirmation") { $0.contains("[ Send") }
        if tui.screen.contains("Send anyway") { try tui.send("Left") }
        try tui.send("Enter")
        try tui.waitFor("every request accepted") { $0.contains("✓ done: every request accepted (202)") }

        try tui.send("6")
        let queued = "Upload queued: the job is Paused, nothing will be processed until it is started (S starts it)."
        try tui.waitFor("the upload reported as queued", timeout: 30) { self.prose($0).contains(queued) }
        let screen = prose(tui.screen)
        XCTAssertTrue(screen.contains("0 of 25 users of the upload have entries; job state read"), screen)
        XCTAssertTrue(screen.contains("state Paused") || screen.contains("Job Paused"), screen)
        XCTAssertFalse(tui.screen.contains("create  success"), "nothing is reported as created:\n\(tui.screen)")
        XCTAssertTrue(screen.contains("No entry of this upload's 25 users yet."), screen)
        XCTAssertFalse(screen.contains("Waiting for Entra"), "a paused job is not waited on in silence:\n\(tui.screen)")
        XCTAssertFalse(screen.contains("have entries: following stopped"), tui.screen)

        // Starting the job lets Entra process what it held: the follow sees every user, all created.
        try tui.send("S")
        try tui.waitFor("the start confirmation") { $0.contains("Start the provisioning job?") }
        try tui.send("Left", "Enter")
        try tui.waitFor("the upload processed", timeout: 60) { self.prose($0).contains("All 25 users of the upload have entries") }
        XCTAssertTrue(tui.screen.contains("create  success 1001"), tui.screen)

        try tui.quit(from: "LOGS")
    }
}
