import Foundation
import XCTest
@testable import SCIM

/// Batches checked several at once and added in order report what the file read whole does.
final class StreamingPipelineTests: XCTestCase {
    /// Users over JSON Lines documents, with duplicates of every kind across documents, managers
    /// before, after and nowhere, and strings holding quotes, backslashes and brackets.
    private func generatedSet(documents: Int) -> [UInt8] {
        var text = ""
        for d in 0..<documents {
            var ops: [String] = []
            for u in 0..<4 {
                let n = d * 4 + u
                let externalId = n % 17 == 5 ? "E\(n - 4)" : n % 29 == 3 ? "" : "E\(n)"
                let userName = n % 13 == 7 ? "User\(n - 6)@contoso.com" : "user\(n)@contoso.com"
                let manager = n % 11 == 0 ? "E\(n + 9)" : n % 7 == 3 ? "X\(n)" : n % 19 == 0 ? "E\(n)" : "E\(max(0, n - 2))"
                let title = n % 5 == 0 ? #"Head \"of\" {ops} [x] \\ \n"# : "Clerk"
                ops.append(#"{"method":"POST","bulkId":"b\#(u)","path":"/Users","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],"externalId":"\#(externalId)","userName":"\#(userName)","title":"\#(title)","active":true,"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"manager":{"value":"\#(manager)"}}}}"#)
            }
            text += #"{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[\#(ops.joined(separator: ","))]}"# + "\n"
        }
        return Array(text.utf8)
    }

    private func whole(_ bytes: [UInt8], _ validator: Validator) throws -> [Diagnostic] {
        DiagnosticText.sorted(validator.validate(try PayloadReader.read(json: bytes), bytes: bytes))
    }

    private func piped(_ bytes: [UInt8], _ validator: Validator, size: Int, depth: Int) throws -> (diagnostics: [Diagnostic], records: Int) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pipe-\(UUID().uuidString).json")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        var pipeline = StreamingPipeline(StreamingValidator(validator: validator), depth: depth)
        let outcome = try DocumentBatches.read(path: file.path, size: size) { (batch: [UInt8]) throws(InputError) in
            try pipeline.submit(batch)
        }
        XCTAssertEqual(outcome, .done)
        let stream = try pipeline.finish()
        return (DiagnosticText.sorted(stream.finish()), stream.records)
    }

    func testEveryDepthReportsWhatTheWholeReadDoes() throws {
        let bytes = generatedSet(documents: 150)
        let expected = try whole(bytes, Validator())
        for rule in ["entra.externalId.duplicate", "entra.userName.duplicate", "entra.manager.outside", "entra.manager.self"] {
            XCTAssertTrue(expected.contains { $0.rule == rule }, "the set exercises \(rule)")
        }
        for depth in [1, 2, 3, 8] {
            let (got, records) = try piped(bytes, Validator(), size: 1_500, depth: depth)
            XCTAssertEqual(records, 600)
            XCTAssertEqual(got, expected, "depth \(depth)")
        }
    }

    /// Capped, a stream keeps its own choice of which findings to list (a manager note waits for the
    /// end of the input); the pipeline must make exactly the choice of batches added one by one.
    func testCappedPipelineKeepsWhatBatchesAddedOneByOneKeep() throws {
        let bytes = generatedSet(documents: 200)
        let limits = DiagnosticLimits(perRule: 5, total: 30)
        let (got, _) = try piped(bytes, Validator(limits: limits), size: 2_000, depth: 3)
        var stream = StreamingValidator(validator: Validator(limits: limits))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pipe-\(UUID().uuidString).json")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        _ = try DocumentBatches.read(path: file.path, size: 2_000) { (batch: [UInt8]) throws(InputError) in try stream.add(batch: batch) }
        XCTAssertEqual(got, DiagnosticText.sorted(stream.finish()))
        let expected = try whole(bytes, Validator(limits: limits))
        for severity in Diagnostic.Severity.allCases {
            XCTAssertEqual(got.count(of: severity), expected.count(of: severity))
        }
    }

    func testAnInvalidLaterBatchIsThrownInOrder() throws {
        var bytes = generatedSet(documents: 40)
        bytes += Array("{\"schemas\": [}\n".utf8) + generatedSet(documents: 5)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pipe-\(UUID().uuidString).json")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        var pipeline = StreamingPipeline(StreamingValidator(validator: Validator()), depth: 2)
        var thrown = false
        do {
            _ = try DocumentBatches.read(path: file.path, size: 1_000) { (batch: [UInt8]) throws(InputError) in
                try pipeline.submit(batch)
            }
            _ = try pipeline.finish()
        } catch {
            thrown = true
        }
        XCTAssertTrue(thrown)
    }

    /// The scanner skips strings in a tight loop; a buffer that grows a byte at a time (a string or
    /// an escape cut anywhere) must find the same boundaries as one scan of it all.
    func testBoundariesAreTheSameHoweverTheBufferGrows() {
        let text = Array("{\"a\":\"x\\\"}\\\\\"}\n[\"\\\"\\n]\", {\"c\":\"[{\"}]\n{\"b\":\"\\\\\"}\nx".utf8)
        var whole = BoundaryScanner()
        whole.scan(text)
        var grown = BoundaryScanner()
        for end in 1...text.count { grown.scan(Array(text[..<end])) }
        XCTAssertEqual(whole.lastCut, 48, "after the last document's newline")
        XCTAssertEqual(grown.lastCut, whole.lastCut)
    }
}
