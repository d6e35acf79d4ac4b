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

    func testTrailingEmptyLineCRLFAndLineNumbers() throws {
        let t = try read("a,b\r\n1,2\r\n\r\n3,4\r\n\r\n")
        XCTAssertEqual(t.rows.map(\.fields), [["1", "2"], ["3", "4"]])
        XCTAssertEqual(t.rows.map(\.line), [2, 4])
        XCTAssertEqual(t.rows.map(\.offset), [5, 12])
    }

    func testDelimiterTiesAndSingleColumn() throws {
        XCTAssertEqual(try read("a;b,c\n").delimiter, 0x2C, "a tie goes to the comma")
        XCTAssertEqual(try read("userName\nz@c.com\n").delimiter, 0x2C)
        XCTAssertEqual(try read("\n\na;b\n1;2\n").rows.first?.fields, ["1", "2"], "leading blank lines before the header")
        XCTAssertEqual(try read("a\tb;c\tc\n").header, ["a", "b;c", "c"])
    }

    func testLenientQuotesAndPaddedHeader() throws {
        let t = try read(" id , size \n1,12\" screen\n2,\"12\" inch\n")
        XCTAssertEqual(t.header, ["id", "size"], "header names are trimmed")
        XCTAssertEqual(t.rows.map { $0.fields[1] }, ["12\" screen", "12 inch"])
    }

    func testRowsKeepTheirWidth() throws {
        let t = try read("a,b,c\n1,2\n1,2,3,4\n")
        XCTAssertEqual(t.rows.map(\.fields.count), [2, 4], "reported by the converter, never dropped or padded")
    }

    func testUnterminatedQuoteOnALaterLineAndAfterMultibyteText() {
        XCTAssertThrowsError(try read("a,b\n1,2\nZoë,\"x\n")) { error in
            XCTAssertEqual((error as? CSVError)?.position, SourcePosition(line: 3, column: 5), "columns count characters")
        }
    }

    func testInvalidUTF8InsideAQuotedField() {
        XCTAssertThrowsError(try CSVReader().read(Array("a\n\"x".utf8) + [0xC3, 0x28] + Array("\"\n".utf8))) { error in
            XCTAssertEqual((error as? CSVError)?.offset, 4)
            XCTAssertEqual((error as? CSVError)?.position, SourcePosition(line: 2, column: 3))
        }
    }

    func testConfigurableLimits() {
        var narrow = CSVReader()
        narrow.maxColumns = 3
        XCTAssertThrowsError(try narrow.read(Array("a,b,c,d\n".utf8))) { error in
            XCTAssertEqual((error as? CSVError)?.message, "more than 3 columns on line 1; is this really a CSV file?")
        }
        XCTAssertThrowsError(try narrow.read(Array("a,b\n1,2\n1,2,3,4\n".utf8))) { error in
            XCTAssertEqual((error as? CSVError)?.position?.line, 3, "data rows are held to the same limit")
        }
        var small = CSVReader()
        small.maxFieldBytes = 8
        for text in ["a\n123456789\n", "a\n\"123456789\"\n", "a\n\"12\"\"3456789\"\n", "a\n123456789"] {
            XCTAssertThrowsError(try small.read(Array(text.utf8)), text) { error in
                XCTAssertEqual((error as? CSVError)?.message, "a field larger than 8 bytes starts at byte offset 2")
                XCTAssertEqual((error as? CSVError)?.position, SourcePosition(line: 2, column: 1))
            }
        }
        XCTAssertNoThrow(try small.read(Array("a\n12345678\n\"1234\"\"567\"\n".utf8)))
    }

    func testAMillionColumnFieldsAfterAShortHeaderFailFast() {
        let row = Array(repeating: "1", count: 1_000_000).joined(separator: ";")
        let started = Date()
        XCTAssertThrowsError(try read("a;b\n" + row + "\n")) { error in
            XCTAssertEqual((error as? CSVError)?.position?.line, 2)
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
    }

    func testStreamingRowsAndFieldPositions() throws {
        var stream = try CSVReader().rows(Array("\nid,name,note\n1,\"Zoë\nDoe\",x\n2,Ann,\"y\"\n".utf8))
        XCTAssertEqual(stream.header, ["id", "name", "note"])
        XCTAssertEqual(stream.headerLine, 2)
        let first = try XCTUnwrap(stream.next())
        XCTAssertEqual(stream.position(ofField: 2, in: first), SourcePosition(line: 4, column: 6))
        let second = try XCTUnwrap(stream.next())
        XCTAssertEqual(second.line, 5)
        XCTAssertEqual(stream.position(ofField: 1, in: second), SourcePosition(line: 5, column: 3))
        XCTAssertNil(try stream.next())
    }

    func testEveryMicrosoftSampleReads() throws {
        let expected = ["csv-with-2-records.csv": 2, "csv-with-1000-records.csv": 1000, "csv-with-5-records.txt": 5,
                        "employeeData.csv": 332, "contractorData.csv": 331, "internData.csv": 337]
        for (name, count) in expected {
            let t = try CSVReader().read(try Fixtures.sample(name))
            XCTAssertEqual(t.header.count, 24, name)
            XCTAssertEqual(t.header.first, "WorkerID", name)
            XCTAssertEqual(t.rows.count, count, name)
            XCTAssertTrue(t.rows.allSatisfy { $0.fields.count == 24 }, name)
        }
    }
}
