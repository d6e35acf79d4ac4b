import XCTest

@testable import SCIM

/// Byte ranges of input documents, and what validation findings mean for a send.
final class AsIsDocumentsTests: XCTestCase {
    private func request(_ ids: [String], path: String = "/Users") -> String {
        let ops = ids.map { id in
            #"{"method":"POST","bulkId":"\#(id)","path":"\#(path)","data":{"schemas":["\#(SCIMSchema.user)"],"externalId":"\#(id)","userName":"\#(id)@x.com","active":true}}"#
        }
        return #"{"schemas":["\#(SCIMSchema.bulkRequest)"],"Operations":[\#(ops.joined(separator: ","))]}"#
    }

    private func split(_ text: String) throws -> [AsIsDocument] {
        let bytes = Array(text.utf8)
        return try AsIsDocuments.split(try PayloadReader.read(json: bytes), bytes: bytes)
    }

    func testJSONLinesYieldEachDocumentsExactBytes() throws {
        let a = request(["1", "2"]), b = request(["3"], path: "/users")
        let docs = try split(a + "\r\n" + b + "\n")
        XCTAssertEqual(docs.map { String(decoding: $0.bytes, as: UTF8.self) }, [a, b])
        XCTAssertEqual(docs.map(\.externalIds), [["1", "2"], ["3"]])
    }

    func testConcurrentDocumentsKeepTheirOwnWhitespaceAndOrder() throws {
        let a = "{\n  \"schemas\": [\"\(SCIMSchema.bulkRequest)\"],\n  \"operations\": []\n}"
        let b = request(["9"])
        let docs = try split("\u{FEFF}" + a + "  " + b)
        XCTAssertEqual(docs.map { String(decoding: $0.bytes, as: UTF8.self) }, [a, b])
        XCTAssertEqual(docs.map(\.document), [0, 1])
    }

    func testBareUsersAndCSVAreRefused() throws {
        XCTAssertThrowsError(try split(#"[{"externalId":"1","userName":"a@x.com"}]"#)) { error in
            XCTAssertTrue("\(error)".contains("document 1 is a bare array of Users"), "\(error)")
        }
        let csv = InputReadResult(format: .csv)
        XCTAssertThrowsError(try AsIsDocuments.split(csv, bytes: [])) { error in
            XCTAssertTrue("\(error)".contains("a CSV cannot be sent as-is"), "\(error)")
        }
    }

    func testExpectedRejectionsNameTheEnvelopeErrorsPerDocument() throws {
        let bytes = Array(request((0..<51).map { "u\($0)" }).utf8)
        let found = Validator().validate(try PayloadReader.read(json: bytes), bytes: bytes)
        let lines = SendFindings.expectedRejections(found)
        XCTAssertEqual(lines.count, 1)
        XCTAssertTrue(lines[0].hasPrefix("document 1: expect 400: 51 operations in one request"), lines[0])
    }

    func testTheRebuildTurnsRepairedEnvelopeErrorsIntoNotesAndKeepsRecordErrors() throws {
        var text = request((0..<60).map { "u\($0)" } + ["u0"])
        text = text.replacingOccurrences(of: #""externalId":"u5","#, with: "")
        let bytes = Array(text.utf8)
        let found = Validator().validate(try PayloadReader.read(json: bytes), bytes: bytes)
        XCTAssertTrue(found.contains { $0.rule == "entra.operations.limit" && $0.severity == .error })
        let rebuilt = SendFindings.afterRebuild(found, documentCount: 2, keepsBulkIds: false)
        let limit = try XCTUnwrap(rebuilt.first { $0.rule == "entra.operations.limit" })
        XCTAssertEqual(limit.severity, .note)
        XCTAssertTrue(limit.message.contains("re-chunked into 2 documents"), limit.message)
        XCTAssertEqual(rebuilt.first { $0.rule == "bulk.bulkId.duplicate" }?.severity, .note)
        XCTAssertTrue(rebuilt.contains { $0.rule == "entra.externalId.missing" && $0.severity == .error })
        let kept = SendFindings.afterRebuild(found, documentCount: 2, keepsBulkIds: true)
        XCTAssertEqual(kept.first { $0.rule == "bulk.bulkId.duplicate" }?.severity, .warning)
    }
}
