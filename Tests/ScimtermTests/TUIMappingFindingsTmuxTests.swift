import Foundation
import XCTest

/// End to end on the built binary in tmux (issue 12 §3/§4): a payload with a custom attribute the
/// sandbox job's schema does not read shows "accepted and ignored" once the schema is pulled; `x`
/// adds it to the job's schema, and the finding then says what is still true: no mapping reads it
/// yet (scimterm adds the definition only). Nothing here reads the clock.
final class TUIMappingFindingsTmuxTests: XCTestCase {
    static let urn = "urn:ietf:params:scim:schemas:extension:contoso:1.0:User"

    private func payload(_ tui: SandboxTUI) throws -> String {
        let user: [String: Any] = [
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", Self.urn], "externalId": "9001",
            "userName": "badge.holder@contoso.com", "displayName": "Badge Holder", "active": true,
            "name": ["givenName": "Badge", "familyName": "Holder"], Self.urn: ["badgeId": "B-9001"],
        ]
        let path = tui.scratch.appendingPathComponent("badge.json").path
        try JSONSerialization.data(withJSONObject: [user]).write(to: URL(fileURLWithPath: path))
        return path
    }

    func testAnUnreadCustomAttributeIsFoundAndXAddsItsDefinitionToTheJobsSchema() throws {
        let tui = try SandboxTUI("scimterm-mapping-findings")
        let file = try payload(tui)
        try tui.launch("--sandbox \(file)", width: 100, height: 30)
        try tui.waitFor("the user checked against the job's schema") {
            $0.contains("1 users") && $0.contains("1 with warnings") && $0.contains("mapping: job schema read")
        }
        try tui.send("!")
        try tui.waitFor("the Problems list") { $0.contains("Problems ·") }
        try tui.send("Home")  // the users' warnings come before the file's notes
        try tui.waitFor("the unread attribute, worded as Entra treats it") {
            $0.contains("accepted and ignored: the job's mapping does not read") && $0.contains("x add to the job's schema")
        }
        try tui.send("x")
        try tui.waitFor("the confirmation with the diff and the restart") {
            $0.contains("Add to the job's schema?") && $0.contains("+ \(Self.urn):badgeId (String)") && $0.contains("none is purged")
        }
        XCTAssertTrue(tui.screen.contains("Definitions only, no mapping"), tui.screen)
        try tui.send("Left", "Enter")
        try tui.waitFor("written and read back") { $0.contains("added 1 attribute definition to the job's schema") }
        try tui.send("!")
        try tui.send("Home")  // the users' warnings come before the file's notes
        try tui.waitFor("the finding as it now stands") {
            $0.contains("but no mapping reads it yet") && !$0.contains("x add to the job's schema")
        }

        try tui.send("Escape")
        try tui.waitFor("the list closed") { !$0.contains("Problems ·") }
        try tui.quit(from: "USERS")
    }
}
