import Foundation
import Mapping
import SCIM
import XCTest

/// `validate --schema` and `preview --schema --computed` against files: each finding the job's
/// mapping makes (issue 12 §3), and nothing changed without --schema.
final class MappingFindingsCommandTests: XCTestCase {
    static let sample = CommandRunner.samples("Extended-SCIM-bulk-request-Core+Enterprise.json")
    static let sap = "urn:ietf:params:scim:schemas:extension:sap:2.0:User"
    static let now = ["--now", "2026-12-05T09:00:00Z"]
    var files: [URL] = []

    override func tearDown() {
        for file in files { try? FileManager.default.removeItem(at: file) }
    }

    private func file(_ text: String, name: String = "input.json") throws -> String {
        let url = try CommandRunner.temporaryFile(Array(text.utf8), name: name)
        files.append(url)
        return url.path
    }

    private func schemaFile(_ extra: [AttributeMapping] = [], edit: (inout [AttributeMapping]) -> Void = { _ in }) throws -> String {
        var schema = SynchronizationSchema.defaultAPIDriven
        schema.synchronizationRules[0].objectMappings[0].attributeMappings += extra
        edit(&schema.synchronizationRules[0].objectMappings[0].attributeMappings)
        let url = try CommandRunner.temporaryFile(schema.encoded(), name: "schema.json")
        files.append(url)
        return url.path
    }

    func testWithoutSchemaValidateFindsNothingOfTheMapping() throws {
        let plain = try CommandRunner.run(["validate", Self.sample])
        XCTAssertFalse(plain.stdout.contains("[schema."), plain.stdout)
        XCTAssertTrue(plain.stdout.contains("3 records in 1 document: 0 errors, 6 warnings, 3 notes"), plain.stdout)
        let withNow = try CommandRunner.run(["validate", Self.sample] + Self.now)
        XCTAssertEqual(withNow.stdout, plain.stdout, "--now alone changes nothing")
    }

    func testWithSchemaEveryPlainFindingStaysAndTheMappingsAreAdded() throws {
        let plain = try CommandRunner.run(["validate", "--no-hints", Self.sample])
        let r = try CommandRunner.run(["validate", "--no-hints", Self.sample, "--schema", try schemaFile()] + Self.now)
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        let lines = Set(r.stdout.split(separator: "\n"))
        for line in plain.stdout.split(separator: "\n").dropLast() { XCTAssertTrue(lines.contains(line), "lost: \(line)") }
        XCTAssertTrue(r.stdout.contains(
            "\(Self.sample):69:18: warning: Operations[0].data[\"\(Self.sap)\"].payGrade: accepted and ignored: the job's mapping "
                + "does not read \(Self.sap):payGrade; add it to the schema and a mapping [schema.attribute.unread]"), r.stdout)
        XCTAssertTrue(r.stdout.contains("Operations[0].data.nickName: accepted and ignored"), r.stdout)
        XCTAssertFalse(r.stdout.contains("data.userName: accepted and ignored"), "userName is mapped")
        XCTAssertFalse(r.stdout.contains("data.username: accepted and ignored"), "attribute names compare without case")
        XCTAssertFalse(r.stdout.contains("manager: accepted and ignored"), "manager is mapped")
        XCTAssertTrue(r.stdout.contains(
            "note: the job's mapping reads phoneNumbers[type eq \"mobile\"].value (for mobile), but no user in this file carries it "
                + "[schema.source.absent]"), r.stdout)
        XCTAssertEqual(r.stdout.components(separatedBy: "(for mobile)").count, 2, "once per file, not per user")
        XCTAssertFalse(r.stdout.contains("(for telephoneNumber)"), "one user carries a work phone")
    }

    func testAnEmptyMatchingAttributeIsAnError() throws {
        let schema = try schemaFile { mappings in
            for i in mappings.indices { mappings[i].matchingPriority = mappings[i].targetAttributeName == "mail" ? 1 : 0 }
        }
        let r = try CommandRunner.run(["validate", "--format", "json", Self.sample, "--schema", schema] + Self.now)
        XCTAssertEqual(r.status, 1, "an error")
        let found = try XCTUnwrap(JSONParser.parse(Array(r.stdoutBytes)).arrayValue).compactMap(\.objectValue)
        let matching = found.filter { $0["rule"] == "schema.matching.empty" }
        XCTAssertEqual(matching.map { $0["record"] }, [1, 2], "the two users without a work email")
        XCTAssertEqual(matching.first?["severity"], "error")
        XCTAssertTrue(matching.first?["message"]?.stringValue?.contains("matching attribute mail (from emails[type eq \"work\"].value)") ?? false)
    }

    func testATargetThatComputesNothingNamesItsExpressionAndInputs() throws {
        let upn = #"Join("@", [nickName], "contoso.com")"#
        let bad = #"CDate([title])"#
        let schema = try schemaFile([
            AttributeMapping(source: .function(#"IIF(IsPresent([nickName]), [nickName], [nickName])"#), targetAttributeName: "officeLocation"),
            AttributeMapping(source: .function(bad), targetAttributeName: "faxNumber"),
        ]) { mappings in mappings[2].source = .function(upn) }
        let r = try CommandRunner.run(["validate", "--no-hints", Self.sample, "--schema", schema] + Self.now)
        XCTAssertTrue(r.stdout.contains(":79:17: warning: Operations[1].data: officeLocation: the expression fails for this user: IIF: "), r.stdout)
        XCTAssertTrue(r.stdout.contains("; expression IIF(IsPresent([nickName]), [nickName], [nickName]); inputs: nickName (absent) "
            + "[schema.target.nothing]"), r.stdout)
        XCTAssertTrue(r.stdout.contains("faxNumber: the expression fails for this user: CDate: "), r.stdout)
        XCTAssertTrue(r.stdout.contains("inputs: title = \"Accounts Manager\" [schema.target.nothing]"), r.stdout)
        XCTAssertEqual(r.stdout.components(separatedBy: "faxNumber: the expression").count, 4, "each of the three users")
        XCTAssertFalse(r.stdout.contains("userPrincipalName computes nothing"), "Join gives \"@contoso.com\" for a user without a nickname")
    }

    func testCustomSecurityAttributesAndDatesWithoutATime() throws {
        let csa = MappingFindings.csaURN
        let payload = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","\(csa)","\(Self.sap)"],"externalId":"1","userName":"a@contoso.com",
            "active":true,"\(csa)":{"Clearance":"High","Projects":["A","B"],"Level":3},"\(Self.sap)":{"hireDate":"2026-01-05"}}
            """
        let schema = try schemaFile([
            AttributeMapping(source: .attribute("\(Self.sap):hireDate"), targetAttributeName: "employeeHireDate"),
            AttributeMapping(source: .attribute("\(csa):Clearance"), targetAttributeName: "Clearance"),
            AttributeMapping(source: .attribute("\(csa):Projects"), targetAttributeName: "Projects"),
            AttributeMapping(source: .attribute("\(csa):Level"), targetAttributeName: "Level"),
        ])
        let r = try CommandRunner.run(["validate", "--no-hints", try file(payload), "--schema", schema] + Self.now)
        XCTAssertEqual(r.status, 1, r.stdout)
        XCTAssertTrue(r.stdout.contains("error: [\"\(csa)\"].Projects: custom security attribute Projects is multi-valued (an array); "
            + "Entra takes one String value [schema.csa.value]"), r.stdout)
        XCTAssertTrue(r.stdout.contains("custom security attribute Level is a number"), r.stdout)
        XCTAssertFalse(r.stdout.contains("attribute Clearance is"), r.stdout)
        XCTAssertTrue(r.stdout.contains("warning: [\"\(Self.sap)\"].hireDate: employeeHireDate would be \"2026-01-05\", a date without a time: "
            + "it may not flow [schema.hireDate.time]"), r.stdout)
    }

    func testCSVAndStdinAreCheckedToo() throws {
        let json = #"{"externalId":"1","userName":"a@contoso.com","active":true,"badgeId":"77"}"#
        let r = try CommandRunner.run(["validate", "--no-hints", "-", "--schema", try schemaFile()] + Self.now, stdin: Data(json.utf8))
        XCTAssertTrue(r.stdout.contains("-:1:70: warning: badgeId: accepted and ignored"), r.stdout)
        let csv = CommandRunner.samples("csv-with-2-records.csv")
        let c = try CommandRunner.run(["validate", csv, "--schema", try schemaFile()] + Self.now)
        XCTAssertTrue(c.stdout.contains("[schema."), c.stdout)
    }

    func testPreviewComputedPrintsWhatEntraWillSetPerUser() throws {
        let r = try CommandRunner.run(["preview", Self.sample, "--schema", try schemaFile(), "--computed"] + Self.now)
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "user 1 of 3: externalId 701984 (bjensen@example.com)")
        XCTAssertTrue(lines[1].hasPrefix("  TARGET "), lines[1])
        let row = try XCTUnwrap(lines.first { $0.hasPrefix("  mailNickname ") })
        XCTAssertTrue(row.contains(" bjensen "), row)
        XCTAssertTrue(row.contains(#"Replace([userName], , "(?<Suffix>@(.)*)", "Suffix", "", , )"#), row)
        XCTAssertTrue(row.hasSuffix("  Always"), row)
        XCTAssertTrue(lines.contains { $0.hasPrefix("  employeeId ") && $0.hasSuffix("Always, matching 1") })
        XCTAssertTrue(lines.contains { $0.hasPrefix("  mobile ") && $0.contains("(null: not flowing)") })
        XCTAssertTrue(r.stderr.contains("accepted and ignored"), "the findings go to stderr")
        XCTAssertFalse(r.stdout.contains("\"Operations\""), "not the documents")
    }

    func testPreviewComputedAsJSON() throws {
        let r = try CommandRunner.run(["preview", Self.sample, "--schema", try schemaFile(), "--computed", "--json"] + Self.now)
        XCTAssertEqual(r.status, 0, r.stderr)
        let users = try XCTUnwrap(JSONParser.parse(Array(r.stdoutBytes)).arrayValue)
        XCTAssertEqual(users.count, 3)
        let first = try XCTUnwrap(users[0].objectValue?["attributes"]?.arrayValue).compactMap(\.objectValue)
        let upn = try XCTUnwrap(first.first { $0["target"] == "userPrincipalName" })
        XCTAssertEqual(upn["value"], "bjensen@example.com")
        XCTAssertEqual(upn["from"], "userName")
        XCTAssertEqual(upn["type"], "Attribute")
        XCTAssertEqual(first.first { $0["target"] == "mobile" }?["outcome"], "null")
    }

    func testPreviewWithoutSchemaIsUnchangedAndComputedNeedsASchema() throws {
        let plain = try CommandRunner.run(["preview", Self.sample])
        let withNow = try CommandRunner.run(["preview", Self.sample] + Self.now)
        XCTAssertEqual(plain.stdout, withNow.stdout)
        XCTAssertTrue(plain.stdout.hasPrefix("{"), plain.stdout)
        XCTAssertEqual(plain.stderr, "")
        let r = try CommandRunner.run(["preview", Self.sample, "--computed"])
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("--computed needs --schema FILE"), r.stderr)
    }
}
