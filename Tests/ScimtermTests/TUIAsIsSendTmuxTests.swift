import Foundation
import XCTest

/// End to end on the built binary: a customer's 51-operation payload sent "as the file is" goes in
/// one request, and Entra's 400 is there to read in Activity, already explained by the confirmation.
final class TUIAsIsSendTmuxTests: XCTestCase {
    private func payload(_ count: Int) -> String {
        let ops = (1...count).map { i in
            #"{"method":"POST","bulkId":"b\#(i)","path":"/Users","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"externalId":"E\#(i)","userName":"u\#(i)@contoso.com","active":true}}"#
        }
        return #"{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":["# + ops.joined(separator: ",") + "]}\n"
    }

    func testA51OperationPayloadSentAsIsGetsThe400InActivity() throws {
        let tui = try SandboxTUI("scimterm-asis")
        let file = tui.scratch.appendingPathComponent("customer-51.json")
        try payload(51).write(to: file, atomically: true, encoding: .utf8)
        try tui.launch("--sandbox \(file.path)", width: 120, height: 40)
        try tui.waitFor("the customer's users and the job") { $0.contains("51 users") && $0.contains("job Active") }
        try tui.send("F5")
        try tui.waitFor("the as-is choice") { $0.contains("[ Send the file as-is ]") }
        XCTAssertTrue(tui.screen.contains("As-is: customer-51.json byte for byte"), tui.screen)
        XCTAssertTrue(tui.screen.contains("document 1: expect 400"), tui.screen)
        try tui.send("Right", "Enter")
        try tui.waitFor("Entra's 400 in Activity", timeout: 30) { $0.contains("400") && $0.contains("failed") }
        let screen = tui.screen
        // The selected 400 gives its detail the space: Entra's message is on screen, unscrolled.
        XCTAssertTrue(screen.contains("Invalid Data Format: the request has 51 operations; the maximum is 50"), screen)
        // " 202 ": a status in the list (the 400's dates hold "2026").
        XCTAssertFalse(screen.contains(" 202 "), "nothing of it was accepted:\n" + screen)
        // The finished send is folded to one line; r opens its full report, titled with the file.
        try tui.send("r")
        try tui.waitFor("the full report") { $0.contains("customer-51.json as-is (1 document)") }
        try tui.send("q")
    }
}
