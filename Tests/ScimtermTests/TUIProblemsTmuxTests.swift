import Foundation
import XCTest

/// End to end on the built binary: a customer's payload with file-level findings (51 operations, a
/// repeated bulkId) shows them in the Users header and file row, and `!` lists every finding with
/// its line; Enter on the file's finding lands on the file row.
final class TUIProblemsTmuxTests: XCTestCase {
    private func payload() -> String {
        let ops = (1...51).map { i in
            let bulkId = i == 3 ? "b2" : "b\(i)"
            return #"{"method":"POST","bulkId":"\#(bulkId)","path":"/Users","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"externalId":"E\#(i)","userName":"u\#(i)@contoso.com","active":true}}"#
        }
        return #"{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":["# + ops.joined(separator: ",\n") + "]}\n"
    }

    func testBangListsTheFilesFindingsWithTheirLines() throws {
        let tui = try SandboxTUI("scimterm-problems")
        let file = tui.scratch.appendingPathComponent("customer-51.json")
        try payload().write(to: file, atomically: true, encoding: .utf8)
        try tui.launch("--sandbox \(file.path)", width: 120, height: 32)
        try tui.waitFor("the users and the file's counts") {
            $0.contains("51 users") && $0.contains("file: 1 error, 1 warning") && $0.contains("file  1 error, 1 warning:")
        }
        try tui.type("!")
        try tui.waitFor("the Problems list") { $0.contains("Problems · 1 error, 1 warning") && $0.contains("entra.operations.limit") }
        let listed = tui.screen
        print("Problems list:\n" + listed)
        XCTAssertTrue(listed.contains("bulk.bulkId.duplicate"), listed)
        XCTAssertTrue(listed.contains("3:"), "the repeated bulkId's line: \(listed)")
        XCTAssertTrue(listed.contains("fix: "), listed)
        try tui.send("Enter")
        try tui.waitFor("the file row and its pane") { $0.contains("Diagnostics · the file itself") && !$0.contains("Problems ·") }
        try tui.send("Down")
        try tui.waitFor("back on the first user") { $0.contains("Diagnostics · u1@contoso.com") }
        try tui.send("q")
    }
}
