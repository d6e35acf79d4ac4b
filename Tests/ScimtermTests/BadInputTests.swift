import Foundation
import XCTest

/// Bad input gives one clear line and a non-zero exit, never a crash or a hang.
final class BadInputTests: XCTestCase {
    private func assertFails(_ bytes: [UInt8], command: String = "validate", status: Int32 = 2,
                             message: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = try CommandRunner.temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(at: url) }
        let r = try CommandRunner.run([command, url.path])
        XCTAssertEqual(r.status, status, r.stderr, file: file, line: line)
        XCTAssertTrue(r.stderr.contains(message), "stderr: \(r.stderr)", file: file, line: line)
        XCTAssertLessThanOrEqual(r.stderr.split(separator: "\n").count, 1, "one line: \(r.stderr)", file: file, line: line)
    }

    func testTruncatedJSON() throws {
        let text = "{\n  \"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],\n  \"Operations\": [\n    {\"method\": \"PO"
        try assertFails(Array(text.utf8), message: ":4:19: unexpected end of input")
        try assertFails(Array(text.utf8), command: "convert", message: "unexpected end of input")
    }

    func testInvalidUTF8NamesTheOffset() throws {
        try assertFails(Array("{\"userName\":\"".utf8) + [0xFF, 0xFE] + Array("\"}".utf8), message: "invalid UTF-8 at byte offset 13")
    }

    func testNulByte() throws {
        try assertFails(Array("{\"a\":".utf8) + [0] + Array("}".utf8), message: "NUL byte at byte offset 5")
    }

    func testMissingFileAndDirectory() throws {
        let missing = try CommandRunner.run(["validate", "/nonexistent/users.json"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.stderr, "scimterm: /nonexistent/users.json: no such file\n")
        let dir = try CommandRunner.run(["convert", NSTemporaryDirectory()])
        XCTAssertEqual(dir.status, 2)
        XCTAssertTrue(dir.stderr.contains("is a directory"), dir.stderr)
    }

    func testDeeplyNestedJSON() throws {
        try assertFails(Array(repeating: UInt8(ascii: "["), count: 1_000_000), message: "nesting deeper than 256 levels")
    }

    func testBadBatchSizeIsAUsageError() throws {
        let r = try CommandRunner.run(["convert", "--batch-size", "51", CommandRunner.samples("User.json")])
        XCTAssertEqual(r.status, 2, "a usage error exits 2, as documented")
        XCTAssertTrue(r.stderr.contains("between 1 and 50"), r.stderr)
    }
}

/// The same promise for CSV input.
final class BadCSVInputTests: XCTestCase {
    private func run(_ bytes: [UInt8], _ extra: [String] = []) throws -> CommandResult {
        let url = try CommandRunner.temporaryFile(bytes, name: "input.csv")
        defer { try? FileManager.default.removeItem(at: url) }
        return try CommandRunner.run(["validate", url.path] + extra)
    }

    func testUnterminatedQuote() throws {
        let r = try run(Array("externalId,userName\n1,\"open\n2,b\n".utf8))
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains(":2:3: unterminated quoted field"), r.stderr)
    }

    func testAMillionColumns() throws {
        let r = try run(Array((Array(repeating: "c", count: 1_000_000).joined(separator: ",") + "\n").utf8))
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("more than 10000 columns"), r.stderr)
    }

    func testATenMegabyteField() throws {
        let r = try run(Array("externalId,userName,active,urn:contoso:x:note\n1,a,true,\"\(String(repeating: "n", count: 10 << 20))\"\n".utf8))
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("1 record from CSV: 0 errors"), r.stdout)
    }

    func testInvalidUTF8InCSV() throws {
        let r = try run(Array("externalId,userName\n1,".utf8) + [0xC0, 0xAF] + [0x0A])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("invalid UTF-8 at byte offset 22"), r.stderr)
    }

    func testABrokenMappingFileIsAUsageError() throws {
        let mapping = try CommandRunner.temporaryFile(Array("[columns]\nfavouriteColour = \"C\"\n".utf8), name: "m.toml")
        defer { try? FileManager.default.removeItem(at: mapping) }
        let r = try run(Array("a\n1\n".utf8), ["--mapping", mapping.path])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("favouriteColour: not an attribute"), r.stderr)
    }
}
