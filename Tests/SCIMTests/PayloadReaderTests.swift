import XCTest
@testable import SCIM

final class PayloadReaderTests: XCTestCase {
    func testReadsMicrosoftExtendedSample() throws {
        let result = try PayloadReader.read(json: Fixtures.sample("Extended-SCIM-bulk-request-Core+Enterprise.json"))
        XCTAssertEqual(result.format, .json)
        XCTAssertEqual(result.documents.map(\.kind), [.bulkRequest])
        XCTAssertEqual(result.records.count, 3)
        let first = result.records[0]
        XCTAssertEqual(first.externalId, "701984")
        XCTAssertEqual(first.userName, "bjensen@example.com")
        XCTAssertEqual(first.department, "Tour Operations")
        XCTAssertEqual(first.managerExternalId, "89607")
        XCTAssertEqual(first.emails.first?.type, "work")
        XCTAssertEqual(first.data["id"], "2819c223-7f76-453a-919d-413861904646", "unknown-to-us attributes are kept")
        XCTAssertEqual(first.extensions.map(\.urn), [SCIMSchema.enterpriseUser, "urn:ietf:params:scim:schemas:extension:sap:2.0:User"])
        XCTAssertEqual(first.envelope?["path"], "/users")
        XCTAssertEqual(first.origin?.dataPath?.description, "Operations[0].data")
        XCTAssertEqual(result.records[1].userName, "DoeJane", "\"username\" is userName, case-insensitively")
    }

    func testReadsEveryShape() throws {
        let user = #"{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"externalId":"1","userName":"a"}"#
        let bulk = #"{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[{"method":"POST","bulkId":"1","path":"/Users","data":\#(user)}]}"#
        let cases: [(String, [SourceDocument.Kind], Int)] = [
            (user, [.user], 1),
            ("[\(user),\(user)]", [.userArray], 2),
            (bulk, [.bulkRequest], 1),
            ("\(bulk)\n\(bulk)\n", [.bulkRequest, .bulkRequest], 2),
            ("\(bulk)\(bulk)", [.bulkRequest, .bulkRequest], 2),
            ("[\(bulk),\(bulk)]", [.bulkRequestArray], 2),
        ]
        for (text, kinds, count) in cases {
            let result = try PayloadReader.read(json: Array(text.utf8))
            XCTAssertEqual(result.documents.map(\.kind), kinds, text)
            XCTAssertEqual(result.records.count, count, text)
            XCTAssertEqual(result.records.first?.externalId, "1")
        }
    }

    func testUnrecognisedValueIsAnError() throws {
        let result = try PayloadReader.read(json: Array("[1, 2]".utf8))
        XCTAssertEqual(result.diagnostics.map(\.rule), ["input.unrecognised"])
    }

    func testDetectsJSONByContent() {
        XCTAssertTrue(PayloadReader.looksLikeJSON(Array("\u{FEFF}\n  {".utf8)))
        XCTAssertFalse(PayloadReader.looksLikeJSON(Array("WorkerID,Name\n".utf8)))
        XCTAssertFalse(PayloadReader.looksLikeJSON([]))
    }

    func testTruncatedFileGivesPositionedError() throws {
        let bytes = Array(try Fixtures.sample("Sample-CSV-2-SCIM-payload.json").prefix(500))
        XCTAssertThrowsError(try PayloadReader.read(json: bytes)) { error in
            let e = error as? InputError
            XCTAssertNotNil(e?.position)
            XCTAssertTrue(e?.message.contains("unexpected end of input") ?? false, "\(String(describing: e))")
        }
    }
}
