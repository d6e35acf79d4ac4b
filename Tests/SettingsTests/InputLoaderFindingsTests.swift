import Foundation
import SCIM
import Settings
import XCTest

/// What loading says about a CSV and its mapping as files: which file is wrong, and what it leaves out.
final class InputLoaderFindingsTests: XCTestCase {
    private var made: [URL] = []

    private func file(_ text: String, _ ext: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("loader-\(UUID().uuidString).\(ext)")
        try Data(text.utf8).write(to: url)
        made.append(url)
        return url.path
    }

    override func tearDown() {
        for url in made { try? FileManager.default.removeItem(at: url) }
    }

    func testAMappingThatDoesNotParseIsReportedAgainstTheMappingFile() throws {
        let csv = try file("WorkerID\n1\n", "csv")
        let mapping = try file("[columns]\nexternalId = \"WorkerID\n", "toml")
        XCTAssertThrowsError(try InputLoader.load(path: csv, mappingPath: mapping)) { error in
            guard let error = error as? InputLoadError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.path, mapping)
            XCTAssertEqual(error.error.position?.line, 2)
            XCTAssertNotNil(error.error.position?.column)
            XCTAssertTrue(error.description.hasPrefix("\(mapping):2:"), error.description)
            XCTAssertFalse(error.description.contains(csv), error.description)
        }
        var streamed = false
        XCTAssertThrowsError(try InputLoader.emitCSV(path: csv, bytes: Array("WorkerID\n1\n".utf8), mappingPath: mapping, extensionURN: nil,
                                                     builder: BulkRequestBuilder()) { _ in streamed = true }) { error in
            XCTAssertEqual((error as? InputLoadError)?.path, mapping)
        }
        XCTAssertFalse(streamed)
    }

    func testTheExampleMappingNamesAnEmailColumnItDrops() throws {
        let example = MappingFileTests.example
        let sample = try String(contentsOf: MappingFileTests.samples.appendingPathComponent("csv-with-2-records.csv"), encoding: .utf8)
        let lines = sample.split(separator: "\n")
        let withEmail = ([lines[0] + ",Email"] + lines.dropFirst().map { $0 + ",someone@contoso.com" }).joined(separator: "\n")
        let loaded = try InputLoader.load(path: try file(withEmail, "csv"), mappingPath: example)
        XCTAssertEqual(loaded.records.count, 2)
        let note = try XCTUnwrap(loaded.result.diagnostics.first { $0.rule == "csv.column.unused" })
        XCTAssertEqual(note.severity, .note)
        XCTAssertTrue(note.message.hasSuffix(": GenderPronoun, HireDate, OnLeave, Location, Custom01, Custom02, Email"), note.message)
    }

    func testBlankOrNullFilesAreAnInputErrorNotEmptyUsers() throws {
        for text in ["  \n\t\n", "null\nnull\n"] {
            let path = try file(text, "csv")
            XCTAssertThrowsError(try InputLoader.load(path: path), text.debugDescription) { error in
                XCTAssertTrue("\(error)".hasPrefix("\(path):1:1: nothing to import: "), "\(error)")
            }
            XCTAssertThrowsError(try InputLoader.emitCSV(path: path, bytes: Array(text.utf8), mappingPath: nil, extensionURN: nil,
                                                         builder: BulkRequestBuilder()) { _ in })
        }
    }
}
