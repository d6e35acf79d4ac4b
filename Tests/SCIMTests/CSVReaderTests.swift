import XCTest
@testable import SCIM

final class CSVReaderTests: XCTestCase {
    private func read(_ text: String) throws -> CSVTable { try CSVReader().read(Array(text.utf8)) }

    func testRFC4180QuotingNewlinesAndCRLF() throws {
        let t = try read("\u{FEFF}id,name,note\r\n1,\"Doe, Jane\",\"said \"\"hi\"\"\nthen left\"\r\n2,Zoë,\r\n")
        XCTAssertEqual(t.header, ["id", "name", "note"])
        XCTAssertEqual(t.rows.count, 2)
        XCTAssertEqual(t.rows[0].fields, ["1", "Doe, Jane", "said \"hi\"\nthen left"])
        XCTAssertEqual(t.rows[1].fields, ["2", "Zoë", ""])
        XCTAssertEqual(t.rows.map(\.line), [2, 4], "a quoted newline moves the next row's line")
    }

    func testDelimiterDetection() throws {
        XCTAssertEqual(try read("a;b;c\n1;2,5;3\n").rows[0].fields, ["1", "2,5", "3"])
        XCTAssertEqual(try read("a\tb\n1\t2\n").delimiter, 0x09)
        XCTAssertEqual(try read("\"x;y\",b\n1,2\n").delimiter, 0x2C, "delimiters inside quotes do not count")
    }

    func testBlankLinesAndNoTrailingNewline() throws {
        let t = try read("a,b\n\n1,2\n\n3,4")
        XCTAssertEqual(t.rows.map(\.fields), [["1", "2"], ["3", "4"]])
    }

    func testUnterminatedQuoteNamesWhereItOpened() {
        XCTAssertThrowsError(try read("a,b\n1,\"never closed\n2,3\n")) { error in
            let e = error as? CSVError
            XCTAssertEqual(e?.position, SourcePosition(line: 2, column: 3))
            XCTAssertTrue(e?.message.contains("unterminated") ?? false)
        }
    }

    func testInvalidUTF8AndNul() {
        XCTAssertThrowsError(try CSVReader().read(Array("a,b\n1,".utf8) + [0xE9] + Array("\n".utf8))) { error in
            XCTAssertEqual((error as? CSVError)?.message, "invalid UTF-8 at byte offset 6 (save the file as UTF-8)")
        }
        XCTAssertThrowsError(try CSVReader().read(Array("a,b\n1,".utf8) + [0])) { error in
            XCTAssertEqual((error as? CSVError)?.message, "NUL byte at byte offset 6 (binary file?)")
        }
    }

    func testAMillionColumnsFailsFast() {
        let header = Array(repeating: "c", count: 1_000_000).joined(separator: ",")
        let started = Date()
        XCTAssertThrowsError(try read(header + "\n1\n")) { error in
            XCTAssertTrue((error as? CSVError)?.message.contains("more than 10000 columns") ?? false)
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
    }

    func testATenMegabyteFieldParses() throws {
        let big = String(repeating: "x", count: 10 << 20)
        let t = try read("a,b\n\"\(big)\",2\n")
        XCTAssertEqual(t.rows[0].fields[0].utf8.count, 10 << 20)
        XCTAssertEqual(t.rows[0].fields[1], "2")
    }

    func testEmptyFile() {
        XCTAssertThrowsError(try read("")) { XCTAssertTrue("\($0)".contains("empty")) }
    }
}
