import Emulator
import Foundation
import Mapping
import Provisioning
import SCIM
import XCTest

/// `scimterm logs` for a user with custom security attributes (ENTRA.md §4): Entra redacts their
/// values in the provisioning logs, and scimterm shows what Entra gives, never a value it lacks.
final class LogsCSACommandTests: XCTestCase {
    static let csa = "urn:ietf:params:scim:schemas:extension:microsoft:entra:csa"
    static let payGrade = "CustomSecurityAttributes.HRConfidentialData_PayGrade"
    var cli: CLIEmulator!

    override func setUp() async throws { cli = try CLIEmulator("scimterm-logs-csa") }

    override func tearDown() async throws { await cli.stop() }

    /// The default mapping plus Microsoft's example: csa:PayGrade → the PayGrade custom security attribute.
    private func schema() -> SynchronizationSchema {
        var schema = SynchronizationSchema.defaultAPIDriven
        schema.directories[0].objects[0].attributes.append(AttributeDefinition(name: "\(Self.csa):PayGrade"))
        schema.synchronizationRules[0].objectMappings[0].attributeMappings.append(
            AttributeMapping(source: .attribute("\(Self.csa):PayGrade"), targetAttributeName: Self.payGrade))
        return schema
    }

    private func usersFile() throws -> String {
        let record: JSONValue = [
            "schemas": [.string(SCIMSchema.user), .string(Self.csa)], "externalId": "701984", "userName": "bjensen@contoso.com",
            "displayName": "Babs Jensen", "active": true, Self.csa: ["PayGrade": "IC-Level5"],
        ]
        let path = cli.path("users.json")
        try Data(JSONWriter.compact.bytes(.array([record]))).write(to: URL(fileURLWithPath: path))
        return path
    }

    func testTheLogsShowTheRedactedValueAsEntraGivesItAndNeverTheValue() async throws {
        let schema = schema()
        try await cli.start { config in
            config.rateLimit = 0
            config.schema = schema
        }
        let sent = try cli.run(["send", try usersFile()] + cli.connection)
        XCTAssertEqual(sent.status, 0, sent.stderr)
        await cli.emulator.core.processDue(now: Date())
        let stored = await cli.emulator.core.userProperties(externalId: "701984")
        XCTAssertEqual(stored?[Self.payGrade], "IC-Level5", "the emulator's directory holds the value")

        let json = try cli.run(["logs", "--format", "json"] + cli.connection)
        XCTAssertEqual(json.status, 0, json.stderr)
        let entries = try XCTUnwrap(JSONParser.parse(Array(json.stdout.utf8)).arrayValue)
        let changes = entries.first?.objectValue?["modifiedProperties"]?.arrayValue?.compactMap(\.objectValue) ?? []
        let change = try XCTUnwrap(changes.first { $0["displayName"]?.stringValue == Self.payGrade }, json.stdout)
        XCTAssertEqual(change["newValue"]?.stringValue, "[Redact]")
        XCTAssertFalse(json.stdout.contains("IC-Level5"), json.stdout)

        let table = try cli.run(["logs", "--format", "table"] + cli.connection)
        XCTAssertEqual(table.status, 0, table.stderr)
        XCTAssertTrue(table.stdout.contains("create   success  701984  Babs Jensen"), table.stdout)
        XCTAssertFalse(table.stdout.contains("IC-Level5") || table.stderr.contains("IC-Level5"), table.stdout + table.stderr)
    }
}
