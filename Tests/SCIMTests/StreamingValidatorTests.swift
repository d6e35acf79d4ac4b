import Foundation
import XCTest
@testable import SCIM

/// A file validated a batch of documents at a time reports exactly what the same file read whole does.
final class StreamingValidatorTests: XCTestCase {
    private func whole(_ bytes: [UInt8], _ validator: Validator) throws -> [Diagnostic] {
        DiagnosticText.sorted(validator.validate(try PayloadReader.read(json: bytes), bytes: bytes))
    }

    /// Through a real file and `DocumentBatches`, in batches as small as `size` allows.
    private func streamed(_ bytes: [UInt8], _ validator: Validator, size: Int) throws -> (diagnostics: [Diagnostic], batches: Int) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("stream-\(UUID().uuidString).json")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        var stream = StreamingValidator(validator: validator)
        var batches = 0
        let outcome = try DocumentBatches.read(path: file.path, size: size) { (batch: [UInt8]) throws(InputError) in
            batches += 1
            try stream.add(batch: batch)
        }
        XCTAssertEqual(outcome, .done)
        return (DiagnosticText.sorted(stream.finish()), batches)
    }

    private func assertSame(_ bytes: [UInt8], _ validator: Validator = Validator(), size: Int = 1, file: StaticString = #filePath, line: UInt = #line) throws {
        let expected = try whole(bytes, validator)
        let (got, _) = try streamed(bytes, validator, size: size)
        XCTAssertEqual(got.count, expected.count, file: file, line: line)
        for (g, e) in zip(got, expected) { XCTAssertEqual(g, e, file: file, line: line) }
    }

    func testMicrosoftSamplesStreamAsTheyReadWhole() throws {
        for name in ["Extended-SCIM-bulk-request-Core+Enterprise.json", "Sample-CSV-2-SCIM-payload.json", "User.json", "EnterpriseUser.json"] {
            try assertSame(try Fixtures.sample(name))
        }
    }

    /// Documents of three users, some sharing externalIds or userNames with other documents, with
    /// managers defined before, after and nowhere, one per line; pretty-printed ones between.
    private func generatedSet(documents: Int) -> [UInt8] {
        var text = ""
        for d in 0..<documents {
            var ops: [String] = []
            for u in 0..<3 {
                let n = d * 3 + u
                let externalId = n % 17 == 5 ? "E\(n - 4)" : "E\(n)"
                let userName = n % 13 == 7 ? "User\(n - 6)@contoso.com" : "user\(n)@contoso.com"
                let manager = n % 11 == 0 ? "E\(n + 9)" : n % 7 == 3 ? "X\(n)" : n % 19 == 0 ? "E\(n)" : "E\(max(0, n - 2))"
                let extra = n % 23 == 0 ? #","title":42"# : ""
                ops.append(#"{"method":"POST","bulkId":"b\#(u % 2 == 0 && d % 5 == 0 ? 0 : u)","path":"/Users","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],"externalId":"\#(externalId)","userName":"\#(userName)","active":true\#(extra),"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"manager":{"value":"\#(manager)"}}}}"#)
            }
            let doc = #"{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[\#(ops.joined(separator: ","))]}"#
            text += d % 9 == 4 ? doc.replacingOccurrences(of: ",\"Operations\"", with: ",\n  \"Operations\"") + "\n" : doc + "\n"
        }
        return Array(text.utf8)
    }

    func testAGeneratedSetWithDuplicatesAcrossDocumentsStreamsAsItReadsWhole() throws {
        let bytes = generatedSet(documents: 120)
        let expected = try whole(bytes, Validator())
        for rule in ["entra.externalId.duplicate", "entra.userName.duplicate", "entra.manager.outside", "entra.manager.self", "bulk.bulkId.duplicate"] {
            XCTAssertTrue(expected.contains { $0.rule == rule }, "the set exercises \(rule)")
        }
        let (got, batches) = try streamed(bytes, Validator(), size: 1_000)
        XCTAssertGreaterThan(batches, 20, "read in many batches")
        XCTAssertEqual(got, expected)
    }

    func testCappedStreamKeepsTheSameCountsAsCappedWhole() throws {
        let bytes = generatedSet(documents: 300)
        let limits = DiagnosticLimits(perRule: 10, total: 40)
        let expected = try whole(bytes, Validator(limits: limits))
        let (got, _) = try streamed(bytes, Validator(limits: limits), size: 2_000)
        for severity in Diagnostic.Severity.allCases {
            XCTAssertEqual(got.count(of: severity), expected.count(of: severity))
        }
        XCTAssertEqual(Set(got.filter { $0.summarised != nil }.map(\.rule)), Set(expected.filter { $0.summarised != nil }.map(\.rule)))
        XCTAssertEqual(got.filter { $0.summarised == nil }.count, 40)
    }

    func testBatchesEndBetweenDocumentsOnly() {
        var scanner = BoundaryScanner()
        let text = Array("{\"a\":\"x\\\"}\n\"}\n[1,\n2]\n{}".utf8)
        scanner.scan(text)
        XCTAssertEqual(scanner.lastCut, 21, "after `2]` and its newline, not inside the string or the array")
    }
}
