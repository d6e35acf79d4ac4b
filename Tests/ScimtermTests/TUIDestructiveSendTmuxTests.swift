import Foundation
import XCTest

/// The send confirmation compares the users with the journal's last accepted send: Tuesday's HR file
/// that leaves `active` out of eight workers sent on Monday would disable them, so the confirmation
/// says so, names them, and Enter (Cancel, the default) sends nothing.
final class TUIDestructiveSendTmuxTests: XCTestCase {
    private func hrFile(_ tui: SandboxTUI, _ name: String, leavers: Bool) throws -> String {
        let users: [[String: Any]] = (1...12).map { i in
            var user: [String: Any] = ["schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "externalId": "70\(i < 10 ? "0" : "")\(i)",
                                       "userName": "worker\(i)@contoso.com", "displayName": "Worker \(i)"]
            if !leavers || i > 8 { user["active"] = true }
            return user
        }
        let path = tui.scratch.appendingPathComponent(name).path
        try JSONSerialization.data(withJSONObject: users).write(to: URL(fileURLWithPath: path))
        return path
    }

    func testLeavingActiveOutOfEightUsersMakesCancelTheDefaultAndNamesThem() throws {
        let tui = try SandboxTUI("scimterm-destructive")
        let monday = try hrFile(tui, "hr-monday.json", leavers: false)
        let tuesday = try hrFile(tui, "hr-tuesday.json", leavers: true)

        try tui.launch("--sandbox \(monday)", width: 100, height: 34)
        try tui.waitFor("Monday's users") { $0.contains("12 users") && $0.contains("SANDBOX") }
        try tui.send("F5")
        try tui.waitFor("the first confirmation") { $0.contains("Changes: 12 users: 12 new, 0 disabled") }
        try tui.send("Enter")
        try tui.waitFor("Monday accepted") { $0.contains("1/1 accepted") }
        try tui.send("q")
        XCTAssertEqual(try tui.exitStatus(), "0")

        try tui.launch("--sandbox \(tuesday)", width: 100, height: 34)
        try tui.waitFor("Tuesday's users") { $0.contains("12 users") && $0.contains("8 with warnings") }
        try tui.send("F5")
        try tui.waitFor("the guard") { $0.contains("would be DISABLED") }
        let screen = tui.screen.replacingOccurrences(of: "│", with: " ").split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        XCTAssertTrue(screen.contains("12 users: 0 new, 8 disabled"), tui.screen)
        XCTAssertTrue(screen.contains("8 users would be DISABLED (7001, 7002, 7003, 7004, 7005, …)"), tui.screen)
        try tui.send("Enter")
        try tui.waitFor("Enter cancelled") { !$0.contains("would be DISABLED") && $0.contains("12 users") }
        XCTAssertFalse(tui.screen.contains("accepted"), "nothing was sent:\n\(tui.screen)")
    }
}
