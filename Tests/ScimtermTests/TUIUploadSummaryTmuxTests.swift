import Foundation
import XCTest

/// End to end on the built binary in tmux (issue 13 §4): two users take Zoë's userName, so the
/// sandbox fails them; after the logs are in, `s` on Logs sums up the upload (counts and the
/// failure's reason), one of the two is fixed, and F resends exactly the two failed users: the
/// summary of the new send counts 2 sent, 1 created, 1 failed. Nothing here reads the clock.
final class TUIUploadSummaryTmuxTests: XCTestCase {
    /// The pane's lines trimmed and joined by single spaces: a sentence wrapped over two lines reads whole.
    private func prose(_ screen: String) -> String {
        screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// On Users with the user selected: its userName replaced in the form, then back to Users.
    private func rename(_ tui: SandboxTUI, to userName: String, externalId: String) throws {
        try tui.send("Enter")
        try tui.waitFor("the form of \(externalId)") { $0.contains("externalId \(externalId)") }
        try tui.send("Down", "C-e", "C-u")
        try tui.type(userName)
        try tui.waitFor("the edit") { $0.contains("Editing \(userName)  externalId \(externalId)") }
        try tui.send("Escape")
        try tui.waitFor("back on Users") { $0.contains("USERS") }
    }

    /// Waits for the send confirmation naming `what`, checks it says `says`, and sends.
    private func confirmSend(_ tui: SandboxTUI, _ what: String, says: String? = nil) throws {
        try tui.waitFor("the confirmation of \(what)") { $0.contains("[ Send") && $0.contains(what) }
        if let says { XCTAssertTrue(prose(tui.screen).contains(says), tui.screen) }
        if tui.screen.contains("Send anyway") { try tui.send("Left") }
        try tui.send("Enter")
    }

    func testTheSummaryCountsEachOutcomeAndResendTheFailedSendsExactlyThem() throws {
        let tui = try SandboxTUI("scimterm-upload-summary")
        try tui.launch("--sandbox", width: 120, height: 40)
        try tui.waitFor("the sandbox") { $0.contains("25 users") && $0.contains("job Active") }
        // José (1002) and Björn (1003) take Zoë's userName: Entra cannot give two users one UPN.
        try tui.send("Down")
        try rename(tui, to: "zoe.angstrom@contoso.com", externalId: "1002")
        try tui.send("Down")
        try rename(tui, to: "zoe.angstrom@contoso.com", externalId: "1003")
        try tui.send("F5")
        try confirmSend(tui, "25")
        try tui.waitFor("every request accepted") { $0.contains("✓ done: every request accepted (202)") }
        try tui.send("6")
        try tui.waitFor("the entries of the upload", timeout: 30) { self.prose($0).contains("All 25 users of the upload have entries (2 failed)") }

        try tui.send("s")
        let totals = "25 sent · 23 created · 0 updated · 0 disabled · 0 skipped · 2 failed · 0 not yet seen"
        try tui.waitFor("the summary's totals") { self.prose($0).contains(totals) }
        let summary = tui.screen
        XCTAssertTrue(summary.contains("Upload summary"), summary)
        XCTAssertTrue(summary.contains("AzureActiveDirectoryConflictEntry: The userPrincipalName 'zoe.angstrom@contoso.com' is already"), summary)
        XCTAssertTrue(summary.contains("1002") && summary.contains("1003"), summary)
        XCTAssertTrue(summary.contains("fix     Make userName unique"), "Microsoft's recommended fix:\n\(summary)")

        // Enter on the first failure: José in Users; his userName fixed; Björn left as he is.
        try tui.send("Enter")
        try tui.waitFor("José selected in Users") { $0.contains("USERS") && $0.contains("1002 (zoe.angstrom@contoso.com): failed in upload 1") }
        try rename(tui, to: "jose.garcia2@contoso.com", externalId: "1002")
        try tui.send("6")
        try tui.waitFor("the summary again") { self.prose($0).contains(totals) }
        try tui.send("F")
        try confirmSend(tui, "the 2 failed", says: "2 failed users: 1 request")
        try tui.waitFor("the resend accepted") { $0.contains("✓ done: every request accepted (202)") }

        // The follow of the new send fills the summary: exactly the two failed users went.
        try tui.send("6")
        let resent = "2 sent · 1 created · 0 updated · 0 disabled · 0 skipped · 1 failed · 0 not yet seen"
        try tui.waitFor("the resend's summary", timeout: 30) { self.prose($0).contains(resent) }
        XCTAssertTrue(tui.screen.contains("1003"), tui.screen)

        try tui.quit(from: "LOGS")
    }
}
