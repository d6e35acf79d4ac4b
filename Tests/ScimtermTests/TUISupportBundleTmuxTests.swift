import Foundation
import XCTest

/// End to end on the built binary in tmux: a customer's provisioning-log download opened from the
/// command line fills the Logs screen as an imported set (not live), leaves the users as they
/// are, and links to them by externalId. Nothing here reads the clock: the test waits for screens.
final class TUISupportBundleTmuxTests: XCTestCase {
    private static func bundle(_ name: String) -> String {
        CommandRunner.packageRoot.appendingPathComponent("examples/support-bundle").appendingPathComponent(name).path
    }

    /// The pane's lines trimmed and joined by single spaces: a sentence wrapped over two lines reads whole.
    private func prose(_ screen: String) -> String {
        screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    private func quit(_ tui: SandboxTUI) throws {
        try tui.send("q")
        try tui.waitFor("quit asks about unsent changes or quits") {
            $0.contains("[ Quit ]") || FileManager.default.fileExists(atPath: tui.statusFile)
        }
        if tui.screen.contains("[ Quit ]") { try tui.send("Left", "Enter") }
        XCTAssertEqual(try tui.exitStatus(), "0")
    }

    func testTheJSONDownloadOpensInLogsAsImportedAndTheSandboxUsersStay() throws {
        let tui = try SandboxTUI("scimterm-bundle-json")
        try tui.launch("--sandbox \(Self.bundle("provisioning-logs.json"))", width: 120, height: 36)
        try tui.waitFor("the imported set in Logs") { $0.contains("Imported from provisioning-logs.json (not live)") }
        let screen = tui.screen
        print("Logs screen after opening the download:\n\(screen)")
        XCTAssertTrue(screen.contains("3 of 3 entries"), screen)
        XCTAssertTrue(screen.contains("create  failure EMP1003"), screen)
        XCTAssertTrue(screen.contains("update  success EMP1002"), screen)
        XCTAssertTrue(screen.contains("imported from provisioning-logs.json · read from the file, not live from Entra"), screen)
        XCTAssertTrue(prose(screen).contains("read from the file, not live from Entra (times are when Entra logged them)"), screen)
        XCTAssertTrue(screen.contains("AzureActiveDirectoryInvalidDomain"), "the selected (newest) entry's failure:\n\(screen)")

        try tui.send("2")
        try tui.waitFor("the Users screen") { $0.contains("25 users") }
        XCTAssertTrue(tui.screen.contains("1001"), "the sandbox users are still there:\n\(tui.screen)")
        try quit(tui)
    }

    func testAPayloadThenItsLogDownloadOnOneCommandLineLinksTheUsers() throws {
        let tui = try SandboxTUI("scimterm-bundle-two")
        let payload = tui.scratch.appendingPathComponent("customer.json")
        let users = (1001...1003).map { n in
            #"{"method": "POST", "bulkId": "\#(n)", "path": "/Users", "data": {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "externalId": "EMP\#(n)", "userName": "user\#(n)@contoso.com", "active": true}}"#
        }.joined(separator: ",\n")
        try Data("""
            {"schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"], "Operations": [
            \(users)
            ]}
            """.utf8).write(to: payload)
        try tui.launch("--sandbox \(payload.path) \(Self.bundle("ProvisioningLogs.csv"))", width: 120, height: 36)
        try tui.waitFor("the imported set in Logs") { $0.contains("Imported from ProvisioningLogs.csv (not live)") }
        // The status line saying how many were linked can be replaced by the sandbox's connection
        // test answering meanwhile; the header and the Users column below are what stays.
        XCTAssertTrue(tui.screen.contains("3 of 3 entries"), tui.screen)

        try tui.send("2")
        try tui.waitFor("the customer's users with their imported statuses") { $0.contains("3 users") && $0.contains("(imp) ✗") }
        let users2 = tui.screen
        print("Users screen after the payload and its log download:\n\(users2)")
        XCTAssertEqual(users2.components(separatedBy: "(imp) ✓").count - 1, 2, users2)

        // r on Logs reads the sandbox's live logs; the imported set stays apart until x.
        try tui.send("6")
        try tui.waitFor("Logs again") { $0.contains("Imported from ProvisioningLogs.csv") }
        try tui.send("r")
        try tui.waitFor("the live logs") { self.prose($0).contains("the entries imported from ProvisioningLogs.csv stay apart (i shows them)") }
        XCTAssertFalse(tui.screen.contains("EMP1003"), "no imported entry among the live ones:\n\(tui.screen)")
        try tui.send("i")
        try tui.waitFor("the imported set again") { $0.contains("EMP1003") && $0.contains("Imported from ProvisioningLogs.csv") }
        try tui.send("x")
        try tui.waitFor("the import forgotten") { $0.contains("forgot the entries imported from ProvisioningLogs.csv") }
        XCTAssertFalse(tui.screen.contains("EMP1003"), tui.screen)
        try quit(tui)
    }
}
