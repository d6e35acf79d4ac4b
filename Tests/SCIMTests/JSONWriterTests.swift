import XCTest
@testable import SCIM

final class JSONWriterTests: XCTestCase {
    func testPrettyIsDeterministicAndReadable() throws {
        let value = try JSONParser.parse(#"{"schemas":["a","b"],"o":{},"l":[],"n":[{"x":1}],"s":"é"}"#)
        let expected = """
            {
              "schemas": ["a", "b"],
              "o": {},
              "l": [],
              "n": [
                {
                  "x": 1
                }
              ],
              "s": "é"
            }
            """
        XCTAssertEqual(JSONWriter.pretty.string(value), expected)
        XCTAssertEqual(JSONWriter.pretty.string(value), JSONWriter.pretty.string(try JSONParser.parse(JSONWriter.pretty.string(value))))
    }

    func testLongScalarArraysBreakAcrossLines() {
        let long = JSONValue.array((0..<20).map { .string("value-\($0)") })
        XCTAssertTrue(JSONWriter.pretty.string(long).contains("\n  \"value-0\",\n"))
    }

    func testMicrosoftSamplesRoundTripToTheSameJSON() throws {
        for name in ["Extended-SCIM-bulk-request-Core+Enterprise.json", "Sample-CSV-2-SCIM-payload.json", "User.json", "EnterpriseUser.json"] {
            let original = try JSONParser.parse(Fixtures.sample(name))
            for writer in [JSONWriter.compact, JSONWriter.pretty] {
                let again = try JSONParser.parse(writer.bytes(original))
                XCTAssertEqual(again, original, name)
            }
            // And the same values as an independent reader sees them.
            let foundation = try JSONSerialization.jsonObject(with: Data(JSONWriter.compact.bytes(original)))
            let reference = try JSONSerialization.jsonObject(with: Data(try Fixtures.sample(name)))
            XCTAssertEqual(foundation as? NSObject, reference as? NSObject, name)
        }
    }
}
