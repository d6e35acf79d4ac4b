import Foundation
import XCTest

/// A file that breaks the same rules a hundred thousand times prints the first of each and a count.
final class ValidateCommandCapTests: XCTestCase {
    func testManyEmptyObjectsAreCappedWithOneSummaryPerRule() throws {
        let hostile = "[" + Array(repeating: "{}", count: 30_000).joined(separator: ",") + "]"
        let file = try CommandRunner.temporaryFile(Array(hostile.utf8))
        defer { try? FileManager.default.removeItem(at: file) }
        let r = try CommandRunner.run(["validate", "--no-hints", file.path])
        XCTAssertEqual(r.status, 1)
        let lines = r.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 4 * 1_000 + 4 + 1, "1,000 of each of the four rules, four summaries, the total")
        XCTAssertEqual(lines.filter { $0.hasSuffix("[scim.schemas.missing]") }.count, 1_001)
        XCTAssertTrue(r.stdout.contains("\(file.path): error: … and 29,000 more [entra.externalId.missing]\n"), r.stdout.suffix(600).description)
        XCTAssertTrue(r.stdout.contains("\(file.path): warning: … and 29,000 more [scim.userName.missing]\n"))
        XCTAssertTrue(r.stdout.hasSuffix("\(file.path): 30000 records in 1 document: 30000 errors, 90000 warnings, 0 notes\n"))
    }
}
