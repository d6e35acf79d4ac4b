import Foundation
import SCIM
import XCTest

/// The registry is the list of rules `scimterm rules` prints: these tests keep it equal to what the
/// code emits, by reading the sources (every emission site) and by running the checks on bad input.
final class RuleRegistryTests: XCTestCase {
    /// A rule id the sources emit, with the severity written beside it when there is one.
    struct Emission: Hashable {
        var id: String
        var severity: String?
        /// True for an interpolated id (`"csv.value.\(type)"`): `id` is then only its fixed prefix.
        var isPrefix: Bool
        var file: String
    }

    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")

    /// The patterns that emit a rule: `Diagnostic(.sev, rule: "id"`, the rule files' `add(.sev, "id"`,
    /// and a rule kept in a constant (`static let rule = "id"`).
    static let patterns = [
        #"\.(error|warning|note),\s*rule:\s*"([^"\\]+)(\\\()?"#,
        #"add\(\.(error|warning|note),\s*"([^"\\]+)(\\\()?"#,
        #"()static\s+let\s+rule\s*=\s*"([^"\\]+)(\\\()?"#,
    ].compactMap { try? NSRegularExpression(pattern: $0) }

    static func emissions() throws -> Set<Emission> {
        var found: Set<Emission> = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let url = files?.nextObject() as? URL {
            guard url.pathExtension == "swift", url.lastPathComponent != "RuleRegistry.swift" else { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            let range = NSRange(text.startIndex..., in: text)
            for pattern in patterns {
                for match in pattern.matches(in: text, range: range) {
                    found.insert(emission(match, in: text, file: url.lastPathComponent))
                }
            }
        }
        return found
    }

    static func emission(_ match: NSTextCheckingResult, in text: String, file: String) -> Emission {
        func group(_ i: Int) -> String? { Range(match.range(at: i), in: text).map { String(text[$0]) } }
        let severity = group(1).flatMap { $0.isEmpty ? nil : $0 }
        return Emission(id: group(2) ?? "", severity: severity, isPrefix: group(3) != nil, file: file)
    }

    func testTheScanFindsTheEmissionSites() throws {
        let found = try Self.emissions()
        // A pattern that stopped matching would make the next test pass vacuously.
        XCTAssertGreaterThan(Set(found.map(\.id)).count, 50)
        XCTAssertTrue(found.contains { $0.id == "entra.externalId.missing" && $0.severity == "error" })
        XCTAssertTrue(found.contains { $0.id == "csv.value." && $0.isPrefix })
        XCTAssertTrue(found.contains { $0.id == "entra.update.partial" }, "a rule kept in a constant")
    }

    func testEveryEmittedRuleIsRegisteredWithItsSeverity() throws {
        for emission in try Self.emissions() {
            if emission.isPrefix {
                XCTAssertTrue(RuleRegistry.all.contains { $0.id.hasPrefix(emission.id) },
                              "\(emission.file) emits \(emission.id)… but no registered rule starts so")
                continue
            }
            guard let rule = RuleRegistry.rule(emission.id) else {
                XCTFail("\(emission.file) emits \(emission.id), which is not in RuleRegistry")
                continue
            }
            if let severity = emission.severity {
                XCTAssertTrue(rule.severities.map(\.rawValue).contains(severity),
                              "\(emission.file) emits \(emission.id) as \(severity); the registry says \(rule.severities)")
            }
        }
    }

    func testEveryRegisteredRuleIsEmittedSomewhereAndListedOnce() throws {
        let found = try Self.emissions()
        let ids = RuleRegistry.all.map(\.id)
        XCTAssertEqual(ids.count, Set(ids).count, "an id listed twice")
        for rule in RuleRegistry.all {
            let emitted = found.contains { $0.isPrefix ? rule.id.hasPrefix($0.id) : $0.id == rule.id }
            XCTAssertTrue(emitted, "\(rule.id) is registered but nothing emits it")
            XCTAssertFalse(rule.summary.isEmpty || rule.source.isEmpty || rule.severities.isEmpty, rule.id)
            XCTAssertFalse(rule.summary.contains("\n"), "\(rule.id): a summary is one line")
        }
    }

    /// What the checks really emit on a payload that breaks many rules at once, not what the scan reads.
    func testTheValidatorsFindingsOnABadPayloadAreAllRegistered() throws {
        let payload = """
            {"schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"], "failOnErrors": "no",
             "operations": [
              {"method": "DELETE", "path": "/users", "bulkId": "1",
               "data": {"externalId": "", "UserName": "a@x", "active": "True", "emails": {"value": "a@x"},
                        "urn:contoso:x": 3, "shoeSize": 9}},
              {"method": "POST", "path": "/Users", "bulkId": "1",
               "data": {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "externalId": "2", "userName": "a@x",
                        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"manager": {"value": "2"}}}}]}
            """
        let read = try PayloadReader.read(json: Array(payload.utf8))
        let diagnostics = Validator().validate(read, bytes: Array(payload.utf8))
        XCTAssertGreaterThan(Set(diagnostics.map(\.rule)).count, 8, "the payload should break many rules")
        for d in diagnostics {
            let rule = RuleRegistry.rule(d.rule)
            XCTAssertNotNil(rule, "emitted \(d.rule), not registered")
            if let rule { XCTAssertTrue(rule.severities.contains(d.severity), "\(d.rule) as \(d.severity)") }
        }
    }

    func testACSVWithBadCellsEmitsRegisteredValueRules() throws {
        let csv = "externalId,userName,active\n1,a@x,maybe\n"
        let result = try CSVConverter().convert(Array(csv.utf8), mapping: nil)
        XCTAssertTrue(result.diagnostics.contains { $0.rule == "csv.value.boolean" })
        for d in result.diagnostics { XCTAssertNotNil(RuleRegistry.rule(d.rule), d.rule) }
    }
}
