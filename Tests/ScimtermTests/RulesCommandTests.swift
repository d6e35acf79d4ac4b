import Foundation
import SCIM
import XCTest

/// `scimterm rules` prints the registry, as a table and as JSON a script can read.
final class RulesCommandTests: XCTestCase {
    func testJSONListsEveryRegisteredRuleWithItsSeverityAndSource() throws {
        let result = try CommandRunner.run(["rules", "--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let parsed = try JSONSerialization.jsonObject(with: result.stdoutBytes)
        let rules = try XCTUnwrap(parsed as? [[String: Any]])
        XCTAssertEqual(rules.compactMap { $0["id"] as? String }, RuleRegistry.all.map(\.id))
        let missing = try XCTUnwrap(rules.first { $0["id"] as? String == "entra.externalId.missing" })
        XCTAssertEqual(missing["severity"] as? String, "error")
        XCTAssertEqual(missing["source"] as? String, "Entra: source anchor")
        let unmapped = try XCTUnwrap(rules.first { $0["id"] as? String == "csv.column.unmapped" })
        XCTAssertEqual(unmapped["severities"] as? [String], ["error", "warning"])
    }

    func testTheTableHasOneAlignedLinePerRule() throws {
        let result = try CommandRunner.run(["rules"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, RuleRegistry.all.count)
        let line = try XCTUnwrap(lines.first { $0.hasPrefix("scim.type.boolean ") })
        XCTAssertTrue(line.contains("  error  "), line)
        XCTAssertTrue(line.hasSuffix("[RFC 7643 §2.3.2]"), line)
        let idWidth = RuleRegistry.all.map(\.id.count).max() ?? 0
        for line in lines {
            let severity = line.dropFirst(idWidth + 2)
            XCTAssertTrue(["error", "warning", "note"].contains { severity.hasPrefix($0) }, "severity column not aligned: \(line)")
        }
    }
}
