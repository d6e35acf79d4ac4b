import Foundation
import SCIM
import XCTest

/// `validate` and `convert` on a CSV read without a mapping, a broken mapping, nothing at all, and
/// the JSON path beside line:column.
final class CSVFindingsCommandTests: XCTestCase {
    let mapping = CommandRunner.packageRoot.appendingPathComponent("examples/csv2scim-mapping.toml").path
    private var made: [URL] = []

    private func file(_ text: String, _ name: String = "input.csv") throws -> String {
        let url = try CommandRunner.temporaryFile(Array(text.utf8), name: name)
        made.append(url)
        return url.path
    }

    override func tearDown() {
        for url in made { try? FileManager.default.removeItem(at: url) }
    }

    func testValidateWithoutAMappingReportsTheColumnsOnceAndExitsOne() throws {
        let csv = try file("WorkerID,FirstName,LastName\n1,Ann,Lee\n2,Bo,Ek\n")
        let r = try CommandRunner.run(["validate", csv, "--no-hints"])
        XCTAssertEqual(r.status, 1, r.stdout + r.stderr)
        XCTAssertTrue(r.stdout.contains("\(csv):1:1: error: 3 columns map to no attribute: WorkerID, FirstName, LastName; "
                                        + "pass --mapping or name the columns like SCIM paths [csv.column.unmapped]\n"), r.stdout)
        XCTAssertEqual(r.stdout.components(separatedBy: "[csv.column.unmapped]").count - 1, 1)
        XCTAssertTrue(r.stdout.contains("\(csv):2:1: error: this row gives a user with nothing but \"schemas\" [record.empty]"), r.stdout)
        XCTAssertTrue(r.stdout.contains("\(csv):3:1: error: this row gives a user with nothing but \"schemas\" [record.empty]"), r.stdout)
    }

    func testConvertWithoutAMappingWritesButExitsOneNamingTheColumns() throws {
        let csv = try file("WorkerID,FirstName\n1,Ann\n")
        let r = try CommandRunner.run(["convert", csv])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(r.stdout.split(separator: "\n").count, 1, "the document is still written")
        XCTAssertTrue(r.stderr.contains("2 errors, 0 warnings while reading"), r.stderr)
        XCTAssertTrue(r.stderr.contains("error: 2 columns map to no attribute: WorkerID, FirstName"), r.stderr)
        let pretty = try CommandRunner.run(["convert", csv, "--pretty"])
        XCTAssertEqual(pretty.status, 1, "the loading path exits the same way: \(pretty.stderr)")
    }

    func testMicrosoftsSampleWithTheExampleMappingStillConvertsCleanly() throws {
        let sample = CommandRunner.samples("csv-with-2-records.csv")
        let convert = try CommandRunner.run(["convert", sample, "--mapping", mapping])
        XCTAssertEqual(convert.status, 0, convert.stderr)
        let validate = try CommandRunner.run(["validate", sample, "--mapping", mapping])
        XCTAssertEqual(validate.status, 0, validate.stdout)
        XCTAssertTrue(validate.stdout.contains("\(sample):1:1: note: 6 columns are not used by the mapping: GenderPronoun, HireDate, "
                                               + "OnLeave, Location, Custom01, Custom02 [csv.column.unused]"), validate.stdout)
    }

    func testABrokenMappingIsReportedAgainstTheMappingFile() throws {
        let csv = try file("WorkerID\n1\n")
        let bad = try file("[columns]\nexternalId = \"WorkerID\n", "mapping.toml")
        for command in [["validate", csv, "--mapping", bad], ["convert", csv, "--mapping", bad]] {
            let r = try CommandRunner.run(command)
            XCTAssertEqual(r.status, 2, "\(command[0]): \(r.stderr)")
            XCTAssertTrue(r.stderr.hasPrefix("scimterm: \(bad):2:"), "\(command[0]): \(r.stderr)")
            XCTAssertFalse(r.stderr.contains(csv), r.stderr)
        }
    }

    func testBlankAndNullFilesAreNothingToImport() throws {
        for text in ["   \n\t\n  \n", "null\nnull\nnull\n"] {
            let path = try file(text)
            for command in ["validate", "convert"] {
                let r = try CommandRunner.run([command, path])
                XCTAssertEqual(r.status, 2, "\(command) \(text.debugDescription): \(r.stdout)")
                XCTAssertTrue(r.stderr.contains("\(path):1:1: nothing to import: the file holds only"), r.stderr)
                XCTAssertEqual(r.stdout, "", "no users, no documents")
            }
        }
    }

    func testTextDiagnosticsNameTheJSONPathOfAOneLinePayload() throws {
        let ops = (0..<4).map { i in
            #"{"method":"POST","bulkId":"b\#(i)","path":"/Users","data":{"schemas":["\#(SCIMSchema.user)"],"externalId":"\#(i)","#
                + #""userName":"\#(i == 3 ? "" : "u\(i)@contoso.com")","active":true}}"#
        }
        let payload = try file(#"{"schemas":["\#(SCIMSchema.bulkRequest)"],"Operations":[\#(ops.joined(separator: ","))]}"#, "payload.json")
        let text = try CommandRunner.run(["validate", payload])
        let line = try XCTUnwrap(text.stdout.split(separator: "\n").first { $0.contains("[scim.userName.empty]") })
        XCTAssertTrue(line.hasPrefix("\(payload):1:"), String(line))
        XCTAssertTrue(line.contains(": warning: Operations[3].data.userName: userName is empty"), String(line))
        let json = try CommandRunner.run(["validate", "--format", "json", payload])
        let items = try XCTUnwrap(JSONParser.parse(Array(json.stdoutBytes)).arrayValue)
        let item = try XCTUnwrap(items.first { $0.objectValue?["rule"] == "scim.userName.empty" }?.objectValue)
        XCTAssertEqual(item["jsonPath"], "Operations[3].data.userName")
        XCTAssertEqual(item["line"], .number(JSONNumber(1)))
    }
}
