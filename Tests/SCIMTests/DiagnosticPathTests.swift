import XCTest
@testable import SCIM

/// Findings in a JSON input name their path in the file beside line:column, which alone says little
/// about a one-line payload.
final class DiagnosticPathTests: XCTestCase {
    private func onePayload() -> [UInt8] {
        let ops = (0..<4).map { i in
            let userName = i == 3 ? "" : "u\(i)@contoso.com"
            return #"{"method":"POST","bulkId":"b\#(i)","path":"/Users","data":{"schemas":["\#(SCIMSchema.user)"],"#
                + #""externalId":"\#(i)","userName":"\#(userName)","active":true}}"#
        }
        return Array(#"{"schemas":["\#(SCIMSchema.bulkRequest)"],"Operations":[\#(ops.joined(separator: ","))]}"#.utf8)
    }

    private func findings(_ bytes: [UInt8]) throws -> [Diagnostic] {
        Validator().validate(try PayloadReader.read(json: bytes), bytes: bytes)
    }

    func testAFindingInAOneLinePayloadNamesItsJSONPath() throws {
        let bytes = onePayload()
        let d = try XCTUnwrap(try findings(bytes).first { $0.rule == "scim.userName.empty" })
        XCTAssertEqual(d.jsonPath?.description, "Operations[3].data.userName")
        let position = try XCTUnwrap(d.position)
        XCTAssertEqual(position.line, 1)
        let column = position.column
        let offset = try XCTUnwrap(d.offset)
        XCTAssertEqual(Array(bytes[offset..<offset + 3]), Array("\"\",".utf8), "the offset is the empty userName's")
        XCTAssertEqual(DiagnosticText.line(d, file: "p.json", hints: false),
                       "p.json:1:\(column): warning: Operations[3].data.userName: userName is empty [scim.userName.empty]")
    }

    func testJSONOutputCarriesThePathAsANewKey() throws {
        let d = try XCTUnwrap(try findings(onePayload()).first { $0.rule == "scim.userName.empty" })
        let item = try XCTUnwrap(DiagnosticText.json([d], file: "p.json").arrayValue?.first?.objectValue)
        XCTAssertEqual(item["jsonPath"], "Operations[3].data.userName")
        XCTAssertEqual(item["path"], "Operations[3].data.userName")
        XCTAssertEqual(item.keys, ["file", "line", "column", "severity", "rule", "source", "record", "document", "path", "jsonPath", "message", "hint"])
    }

    func testFindingsOnTheWholeDocumentOrACSVNameNoPath() throws {
        let bulk = Array(#"{"schemas":["\#(SCIMSchema.bulkRequest)"],"operations":[]}"#.utf8)
        let envelope = try findings(bulk)
        XCTAssertFalse(envelope.isEmpty)
        XCTAssertTrue(envelope.allSatisfy { $0.jsonPath != nil }, "\(envelope.map(\.rule))")
        let csv = try CSVConverter().convert(Array("externalId,userName\n1,\n".utf8), mapping: nil)
        let records = Validator().recordDiagnostics(csv.records)
        XCTAssertFalse(records.isEmpty)
        XCTAssertTrue(records.allSatisfy { $0.jsonPath == nil }, "a CSV has no JSON path; its path is within the record")
        let plain = Diagnostic(.error, rule: "r", source: "s", position: SourcePosition(line: 2, column: 1), message: "m", jsonPath: .root)
        XCTAssertEqual(DiagnosticText.line(plain, file: "f"), "f:2:1: error: m [r]", "the root path says nothing")
    }
}
