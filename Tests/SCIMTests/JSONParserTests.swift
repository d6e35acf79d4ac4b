import XCTest
@testable import SCIM

final class JSONParserTests: XCTestCase {
    func testKeepsKeyOrderNumbersAndUnknownKeys() throws {
        let text = #"{"z":1,"a":1.50,"$ref":"x","big":12345678901234567890,"e":1E+2,"m":{"k":[true,false,null]}}"#
        let value = try JSONParser.parse(text)
        let o = try XCTUnwrap(value.objectValue)
        XCTAssertEqual(o.keys, ["z", "a", "$ref", "big", "e", "m"])
        XCTAssertEqual(o["a"]?.numberValue?.text, "1.50")
        XCTAssertEqual(o["big"]?.numberValue?.text, "12345678901234567890")
        XCTAssertEqual(o["e"]?.numberValue?.text, "1E+2")
        XCTAssertEqual(JSONWriter.compact.string(value), text)
    }

    func testStringsEscapesAndSurrogates() throws {
        let value = try JSONParser.parse(#"["a\"b\\c\/d\n\t", "\u00e9\u4e2d", "\ud83d\ude00", "Zoë 漢字"]"#)
        XCTAssertEqual(value.arrayValue?.compactMap(\.stringValue), ["a\"b\\c/d\n\t", "é中", "😀", "Zoë 漢字"])
        // Non-ASCII written as UTF-8 and `/` unescaped.
        XCTAssertEqual(JSONWriter.compact.string(.string("é/中")), "\"é/中\"")
        XCTAssertEqual(JSONWriter.compact.string(.string("\u{1B}[31m\u{7F}")), #""\u001b[31m\u007f""#)
    }

    func testDuplicateKeysAreKeptAndLastWins() throws {
        let o = try XCTUnwrap(JSONParser.parse(#"{"a":1,"a":2}"#).objectValue)
        XCTAssertEqual(o.count, 2)
        XCTAssertEqual(o["a"], 2)
        XCTAssertEqual(o.duplicateKeys, ["a"])
    }

    func testCaseInsensitiveAttributeLookup() throws {
        var o = try XCTUnwrap(JSONParser.parse(#"{"username":"bjensen"}"#).objectValue)
        XCTAssertEqual(o.attribute("userName")?.stringValue, "bjensen")
        o.setAttribute("userName", "babs")
        XCTAssertEqual(o.keys, ["username"], "the payload's own spelling is kept")
        XCTAssertEqual(o["username"], "babs")
    }

    func testErrorsNameLineAndColumn() {
        assertError("{\n  \"a\": 1,\n  \"b\": tru\n}", line: 3, column: 8, contains: "expecting true")
        assertError("{\"a\": [1, 2", line: 1, column: 12, contains: "unexpected end of input")
        assertError("{\"a\" 1}", line: 1, column: 6, contains: "':' after a key")
        assertError("[01]", line: 1, column: 2, contains: "invalid number '01'")
        assertError("{\"a\":1} x", line: 1, column: 9, contains: "after the JSON value")
        assertError("", line: 1, column: 1, contains: "empty")
        assertError("{\"é\": x}", line: 1, column: 7, contains: "unexpected 'x'")
    }

    func testInvalidUTF8NamesTheByteOffset() {
        let bytes: [UInt8] = Array("{\"a\":\"ok".utf8) + [0xC3, 0x28] + Array("\"}".utf8)
        XCTAssertThrowsError(try JSONParser.parse(bytes)) { error in
            XCTAssertEqual((error as? JSONParseError)?.message, "invalid UTF-8 at byte offset 8")
        }
        let escaped: [UInt8] = Array("[\"\\n".utf8) + [0xFF] + Array("\"]".utf8)
        XCTAssertThrowsError(try JSONParser.parse(escaped)) { error in
            XCTAssertEqual((error as? JSONParseError)?.offset, 4)
        }
    }

    func testNulAndControlCharacters() {
        XCTAssertThrowsError(try JSONParser.parse([UInt8(ascii: "["), 0, UInt8(ascii: "]")])) { error in
            XCTAssertEqual((error as? JSONParseError)?.reason, .nulByte)
        }
        XCTAssertThrowsError(try JSONParser.parse("[\"a\u{01}\"]")) { error in
            XCTAssertEqual((error as? JSONParseError)?.reason, .controlCharacterInString(1))
        }
    }

    func testDeepNestingFailsCleanly() {
        let deep = String(repeating: "[", count: 100_000)
        XCTAssertThrowsError(try JSONParser.parse(deep)) { error in
            XCTAssertEqual((error as? JSONParseError)?.reason, .tooDeep(limit: JSONParser.maxDepth))
        }
    }

    func testSequenceOfDocumentsWithRanges() throws {
        let text = "\u{FEFF}{\"a\":1}\n{\"b\":2}\n\n[3]\n"
        let values = try JSONParser.parseSequence(Array(text.utf8))
        XCTAssertEqual(values.count, 3)
        XCTAssertEqual(values[1].value, ["b": 2])
        XCTAssertEqual(Array(Array(text.utf8)[values[2].range]), Array("[3]".utf8))
    }

    private func assertError(_ text: String, line: Int, column: Int, contains: String,
                             file: StaticString = #filePath, lineNumber: UInt = #line) {
        XCTAssertThrowsError(try JSONParser.parse(text), file: file, line: lineNumber) { error in
            guard let e = error as? JSONParseError else { return XCTFail("not a JSONParseError", file: file, line: lineNumber) }
            XCTAssertEqual(e.position, SourcePosition(line: line, column: column), e.description, file: file, line: lineNumber)
            XCTAssertTrue(e.message.contains(contains), e.message, file: file, line: lineNumber)
        }
    }
}
