import Foundation
import SCIM
import XCTest

final class ValidateCommandTests: XCTestCase {
    func testMicrosoftSampleHasWarningsOnlyAndExitsZero() throws {
        let path = CommandRunner.samples("Extended-SCIM-bulk-request-Core+Enterprise.json")
        let r = try CommandRunner.run(["validate", path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("\(path):7:17: warning: Operations[0].path: path \"/users\" should be \"/Users\""), r.stdout)
        XCTAssertTrue(r.stdout.contains("\(path): 3 records in 1 document: 0 errors, 6 warnings, 3 notes"), r.stdout)
    }

    func testErrorsExitOne() throws {
        let bad = #"{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"operations":[{"method":"POST","bulkId":"1","path":"/Users","data":{"userName":"a"}}]}"#
        let file = try CommandRunner.temporaryFile(Array(bad.utf8))
        defer { try? FileManager.default.removeItem(at: file) }
        let r = try CommandRunner.run(["validate", file.path])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.contains(":1:79: error: operations: \"operations\" must be spelled \"Operations\""), r.stdout)
        XCTAssertTrue(r.stdout.contains(":1:133: error: operations[0].data: no externalId"), r.stdout)
    }

    func testJSONFormatIsParseableAndComplete() throws {
        let r = try CommandRunner.run(["validate", "--format", "json", CommandRunner.samples("Sample-CSV-2-SCIM-payload.json")])
        XCTAssertEqual(r.status, 0, r.stderr)
        let items = try XCTUnwrap(JSONParser.parse(Array(r.stdoutBytes)).arrayValue)
        XCTAssertFalse(items.isEmpty)
        let first = try XCTUnwrap(items.first?.objectValue)
        XCTAssertEqual(first.keys, ["file", "line", "column", "severity", "rule", "source", "record", "document", "path", "jsonPath", "message", "hint"])
        XCTAssertTrue(items.contains { $0.objectValue?["rule"] == "bulk.bulkId.duplicate" })
    }

    func testStdinIsAccepted() throws {
        let r = try CommandRunner.run(["validate", "-"], stdin: Data(#"{"externalId":"1","userName":"a","active":true}"#.utf8))
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        XCTAssertTrue(r.stdout.contains("-: 1 record in 1 document: 0 errors"), r.stdout)
    }

    func testEscapeSequencesInDataNeverReachTheTerminal() throws {
        let hostile = #"{"externalId":"1","userName":"a","active":true,"evil\u001b[2J":"x","title":"\u202Egnp.exe"}"#
        let file = try CommandRunner.temporaryFile(Array(hostile.utf8))
        defer { try? FileManager.default.removeItem(at: file) }
        let r = try CommandRunner.run(["validate", file.path])
        XCTAssertFalse(r.stdout.contains("\u{1B}"), "raw ESC printed")
        XCTAssertTrue(r.stdout.contains("evil\\e[2J"), r.stdout)
    }
}
