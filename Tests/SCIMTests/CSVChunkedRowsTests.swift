import XCTest
@testable import SCIM

/// The parallel row loop must be the sequential one, cut anywhere: same rows in the same order, same
/// findings with the same lines and record numbers, the same error after the same rows.
final class CSVChunkedRowsTests: XCTestCase {
    /// What a loop handed out: every row's slots, then its diagnostics or the error it threw.
    private struct Outcome: Equatable {
        var rows: [[JSONValue?]] = []
        var diagnostics: [Diagnostic] = []
        var error: CSVError?
    }

    private func sequential(_ text: String) -> Outcome {
        var outcome = Outcome()
        do {
            outcome.diagnostics = try CSVConverter().forEachRow(Array(text.utf8), mapping: nil, extensionURN: nil) { slots, _, _, _ in
                outcome.rows.append(slots)
            }
        } catch { outcome.error = error }
        return outcome
    }

    private func chunked(_ text: String, chunkBytes: Int, workers: Int) -> Outcome {
        var outcome = Outcome()
        do {
            outcome.diagnostics = try CSVConverter().forEachRowInChunks(Array(text.utf8), mapping: nil, extensionURN: nil,
                                                                        chunkBytes: chunkBytes, workers: workers) { slots, _ in
                outcome.rows.append(slots)
            }
        } catch { outcome.error = error }
        return outcome
    }

    /// Every chunk size from 1 byte to past the file's length, on one and two workers.
    private func assertEveryCutMatches(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        let expected = sequential(text)
        for size in 1...(text.utf8.count + 1) {
            for workers in [1, 2] {
                let got = chunked(text, chunkBytes: size, workers: workers)
                XCTAssertEqual(got, expected, "chunks of \(size) bytes, \(workers) workers", file: file, line: line)
            }
        }
    }

    func testQuotedLineBreaksDoubledQuotesAndBlankLinesAtEveryCut() {
        let csv = "externalId,userName,active,name.givenName\n"
            + "1,\"a\nb\",true,\"Zoë \"\"Z\"\"\"\n"
            + "\n"
            + "2,\"x,\n\n\ny\",maybe,Ana\n"
            + "3,plain,no,\"\n\"\n"
            + "4,\"12\" inch,1,Bo\n"
        let expected = sequential(csv)
        XCTAssertEqual(expected.rows.count, 4)
        XCTAssertEqual(expected.diagnostics.first { $0.rule == "csv.value.boolean" }?.position, SourcePosition(line: 8, column: 4),
                       "the finding after quoted line breaks keeps its real line")
        assertEveryCutMatches(csv)
    }

    func testCRLFAndBOMAtEveryCut() {
        let csv = "\u{FEFF}externalId;userName;active\r\n1;\"a\r\nb\";oui\r\n\r\n2;b;true\r\n3;\"c;\r\n\";false\r\n"
        XCTAssertEqual(sequential(csv).rows.count, 3)
        assertEveryCutMatches(csv)
    }

    func testRaggedRowsAndEmptyUsersAtEveryCut() {
        let csv = "externalId,userName\n1,a,extra\n2\n,\n\"\",\"\"\n5,e\n"
        let expected = sequential(csv)
        XCTAssertEqual(expected.diagnostics.filter { $0.rule == "csv.row.columns" }.map(\.record), [0, 1])
        XCTAssertEqual(expected.diagnostics.filter { $0.rule == "record.empty" }.map(\.position?.line), [4, 5])
        assertEveryCutMatches(csv)
    }

    func testAnUnbalancedQuoteThrowsTheSameErrorAfterTheSameRows() {
        let csv = "externalId,userName\n1,a\n2,b\n3,\"open\n4,d\n5,e\n"
        let expected = sequential(csv)
        XCTAssertEqual(expected.rows.count, 2)
        XCTAssertEqual(expected.error?.position?.line, 4)
        assertEveryCutMatches(csv)
    }

    func testTooManyColumnsNamesTheRealLineFromAnyChunk() {
        var converter = CSVConverter()
        converter.reader.maxColumns = 3
        let bytes = Array("a,b\n1,2\n\"x\ny\",2\n1,2,3,4\n".utf8)
        for size in 1...bytes.count {
            XCTAssertThrowsError(try converter.forEachRowInChunks(bytes, mapping: nil, extensionURN: nil, chunkBytes: size) { _, _ in }) {
                XCTAssertTrue("\($0)".contains("more than 3 columns on line 5"), "chunks of \(size): \($0)")
            }
        }
    }

    func testCutsFallAfterLineFeeds() {
        let bytes = Array("h\nab\ncd\n\"e\nf\"\n".utf8)
        XCTAssertEqual(CSVConverter.cuts(bytes, from: 2, every: 1), [2, 5, 8, 11, 14])
        XCTAssertEqual(CSVConverter.cuts(bytes, from: 2, every: 100), [2, 14])
        XCTAssertEqual(CSVConverter.cuts(bytes, from: 14, every: 1), [14, 14], "no data rows: one empty window")
    }

    func testEmitterBytesDoNotDependOnTheChunkSize() throws {
        var csv = "externalId,userName,active\n"
        for i in 0..<700 { csv += "e\(i),\"Zoë,\n\(i)\",\(i % 3 == 0 ? "yes" : "x")\r\n" }
        let bytes = Array(csv.utf8)
        var outputs: [[UInt8]] = []
        var findings: [[Diagnostic]] = []
        for size in [1 << 20, 1, 37, 4_096] {
            var emitter = CSVBulkEmitter(builder: BulkRequestBuilder(batchSize: 7, makeUUID: Counter().next))
            emitter.chunkBytes = size
            var out: [UInt8] = []
            findings.append(try emitter.emit(bytes, mapping: nil) { out += $0 }.diagnostics)
            outputs.append(out)
        }
        XCTAssertEqual(findings[0].count, 466)
        XCTAssertTrue(outputs.dropFirst().allSatisfy { $0 == outputs[0] })
        XCTAssertTrue(findings.dropFirst().allSatisfy { $0 == findings[0] })
    }
}
