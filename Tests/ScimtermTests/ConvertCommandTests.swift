import Foundation
import SCIM
import XCTest

final class ConvertCommandTests: XCTestCase {
    let mapping = CommandRunner.packageRoot.appendingPathComponent("examples/csv2scim-mapping.toml").path

    func testJSONLinesOneDocumentPerLine() throws {
        let r = try CommandRunner.run(["convert", CommandRunner.samples("csv-with-1000-records.csv"), "--mapping", mapping])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 20)
        for line in lines {
            let doc = try XCTUnwrap(try JSONParser.parse(String(line)).objectValue)
            XCTAssertEqual(doc["Operations"]?.arrayValue?.count, 50)
        }
        XCTAssertTrue(r.stderr.contains("1000 records → 20 documents"), r.stderr)
    }

    func testDirectoryOutputAndBatchSize() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("convert-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CommandRunner.run(["convert", CommandRunner.samples("employeeData.csv"), "--mapping", mapping,
                                       "--batch-size", "100", "-o", dir.path])
        XCTAssertEqual(r.status, 2, "100 is above Entra's limit: \(r.stderr)")
        let ok = try CommandRunner.run(["convert", CommandRunner.samples("employeeData.csv"), "--mapping", mapping,
                                        "--batch-size", "40", "--pretty", "-o", dir.path])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        XCTAssertEqual(files.count, 9)
        XCTAssertEqual(files.first, "bulk-0001.json")
        XCTAssertEqual(files.last, "bulk-0009.json")
        let last = try JSONParser.parse(Array(try Data(contentsOf: dir.appendingPathComponent("bulk-0009.json"))))
        XCTAssertEqual(last.objectValue?["Operations"]?.arrayValue?.count, 332 - 8 * 40)
    }

    func testConvertingAPayloadFixesWhatEntraDislikes() throws {
        let r = try CommandRunner.run(["convert", CommandRunner.samples("Extended-SCIM-bulk-request-Core+Enterprise.json")])
        let doc = try XCTUnwrap(try JSONParser.parse(r.stdout).objectValue)
        let ops = try XCTUnwrap(doc["Operations"]?.arrayValue)
        XCTAssertEqual(ops.compactMap { $0.objectValue?["path"]?.stringValue }, ["/Users", "/Users", "/Users"])
        XCTAssertEqual(Set(ops.compactMap { $0.objectValue?["bulkId"]?.stringValue }).count, 3)
        XCTAssertEqual(ops[0].objectValue?["data"]?.objectValue?["id"], "2819c223-7f76-453a-919d-413861904646", "unknown attributes survive")
    }

    func testPreviewColourFollowsNO_COLOR() throws {
        let file = CommandRunner.samples("csv-with-2-records.csv")
        let plain = try CommandRunner.run(["preview", file, "--mapping", mapping, "--color"], environment: ["NO_COLOR": "1"])
        XCTAssertFalse(plain.stdout.contains("\u{1B}["))
        let coloured = try CommandRunner.run(["preview", file, "--mapping", mapping, "--color"], environment: ["NO_COLOR": ""])
        XCTAssertTrue(coloured.stdout.contains("\u{1B}[34m\"Operations\"\u{1B}[0m"), coloured.stdout)
        XCTAssertTrue(coloured.stdout.contains("document 1 of 1: 2 operations"))
        let piped = try CommandRunner.run(["preview", file, "--mapping", mapping])
        XCTAssertNotNil(try? JSONParser.parse(piped.stdout), "not a terminal: plain JSON")
        let missing = try CommandRunner.run(["preview", file, "--mapping", mapping, "--batch", "3"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("there is 1 document"), missing.stderr)
    }
}
