import Emulator
import Foundation
import Mapping
import SCIM
import XCTest

/// `scimterm schema extend`: the diff from a file offline or from the pulled schema (nothing written),
/// and `--apply`, which names the restart a PUT causes and the uploads it purges before it writes.
final class SchemaExtendCommandTests: XCTestCase {
    static let contoso = "urn:ietf:params:scim:schemas:extension:contoso:1.0:User"
    var cli: CLIEmulator!

    override func setUp() async throws { cli = try CLIEmulator("scimterm-schema-extend") }

    override func tearDown() async throws { await cli.stop() }

    /// `schema pull`'s connection options: without --journal.
    private var pullConnection: [String] { Array(cli.connection.prefix { $0 != "--journal" }) }

    private func write(_ text: String, _ name: String) throws -> String {
        let path = cli.path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func users(_ count: Int) throws -> String {
        let records: [JSONValue] = (0..<count).map { i in
            ["schemas": [.string(SCIMSchema.user), .string(Self.contoso)], "externalId": .string("x\(i)"),
             "userName": .string("x\(i)@contoso.com"), "active": true,
             .init(stringLiteral: Self.contoso): ["badgeId": .string("B\(i)")]]
        }
        let path = cli.path("users.json")
        try Data(JSONWriter.compact.bytes(.array(records))).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func pulled() throws -> SynchronizationSchema {
        let r = try cli.run(["schema", "pull"] + pullConnection)
        XCTAssertEqual(r.status, 0, r.stderr)
        return try SynchronizationSchema.decode(Array(r.stdoutBytes))
    }

    func testTheDiffFromASchemaFileIsOfflineAndWritesNothing() throws {
        let schema = cli.path("schema.json")
        try Data(SynchronizationSchema.defaultAPIDriven.encoded()).write(to: URL(fileURLWithPath: schema))
        let csv = try write("externalId,userName,BadgeId,title\n1,a@contoso.com,B1,Nurse\n", "hr.csv")
        let r = try cli.run(["schema", "extend", "--from", csv, "--urn", Self.contoso, "--schema", schema])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("+ \(Self.contoso):BadgeId (String)"), r.stdout)
        XCTAssertFalse(r.stdout.contains("title"), "title is declared already: \(r.stdout)")
        XCTAssertTrue(r.stdout.contains("Nothing written: run again with --apply"), r.stdout)
        XCTAssertEqual(try SynchronizationSchema.load(path: schema), .defaultAPIDriven, "the file is not changed")
    }

    func testACSVThroughItsMappingListsTheColumnsItLeavesUnderTheURN() throws {
        let schema = cli.path("schema.json")
        try Data(SynchronizationSchema.defaultAPIDriven.encoded()).write(to: URL(fileURLWithPath: schema))
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let examples = root.appendingPathComponent("examples")
        let r = try cli.run(["schema", "extend", "--from", examples.appendingPathComponent("hr-sample.csv").path,
                             "--mapping", examples.appendingPathComponent("csv2scim-mapping.toml").path,
                             "--urn", Self.contoso, "--schema", schema])
        XCTAssertEqual(r.status, 0, r.stderr)
        let added: [String] = r.stdout.split(separator: "\n").map(String.init).filter { $0.hasPrefix("+ ") }
        let columns = ["GenderPronoun", "HireDate", "OnLeave", "Location", "Custom01", "Custom02"]
        XCTAssertEqual(added, columns.map { "+ \(Self.contoso):\($0) (String)" }, r.stdout)
    }

    func testTheDiffFromThePulledSchemaChangesNothing() async throws {
        try await cli.start()
        let r = try cli.run(["schema", "extend", "--from", try users(3), "--urn", Self.contoso] + cli.connection)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("lacks 1 attribute the input carries"), r.stdout)
        XCTAssertTrue(r.stdout.contains("+ \(Self.contoso):badgeId (String)"), r.stdout)
        XCTAssertEqual(try pulled(), .defaultAPIDriven, "no PUT without --apply")
    }

    func testNothingToAddSaysSo() async throws {
        try await cli.start()
        let payload = try write(#"{"externalId": "1", "userName": "a@contoso.com", "name": {"givenName": "A"}}"#, "core.json")
        let r = try cli.run(["schema", "extend", "--from", payload, "--urn", Self.contoso] + cli.connection)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("Nothing to add"), r.stdout)
        XCTAssertFalse(r.stdout.contains("+ "), r.stdout)
    }

    func testApplyNamesTheRestartAndItsPurgeThenWrites() async throws {
        try await cli.start { $0.tenants[0].servicePrincipals[0].jobs[0].state = "Paused" }
        let file = try users(20)
        let sent = try cli.run(["send", file, "--batch-size", "10"] + cli.connection)
        XCTAssertEqual(sent.status, 0, sent.stderr)
        let restart = "PUT …/schema restarts the job: 2 uploads accepted but not yet processed are purged"

        let refused = try cli.run(["schema", "extend", "--from", file, "--urn", Self.contoso, "--apply"] + cli.connection)
        XCTAssertEqual(refused.status, 1, refused.stderr)
        XCTAssertTrue(refused.stderr.contains(restart), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("pass --yes"), refused.stderr)
        XCTAssertEqual(try pulled(), .defaultAPIDriven, "not written without the operator's word")
        let waiting = await cli.emulator.core.pendingUploads()
        XCTAssertEqual(waiting, 2)

        let applied = try cli.run(["schema", "extend", "--from", file, "--urn", Self.contoso, "--apply", "--yes"] + cli.connection)
        XCTAssertEqual(applied.status, 0, applied.stderr)
        XCTAssertTrue(applied.stdout.contains("+ \(Self.contoso):badgeId (String)"), applied.stdout)
        XCTAssertTrue(applied.stderr.contains(restart), applied.stderr)
        XCTAssertTrue(applied.stderr.contains("2 document(s) (20 users) marked purged by restart"), applied.stderr)
        let pending = await cli.emulator.core.pendingUploads()
        XCTAssertEqual(pending, 0, "the PUT restarted the job")

        let after = try pulled()
        let badge = try XCTUnwrap(after.apiDirectory?.object("User")?.attribute("\(Self.contoso):badgeId"))
        XCTAssertEqual(badge.type, "String")
        XCTAssertEqual(after.synchronizationRules, SynchronizationSchema.defaultAPIDriven.synchronizationRules)
        let again = try cli.run(["schema", "extend", "--from", file, "--urn", Self.contoso] + cli.connection)
        XCTAssertTrue(again.stdout.contains("Nothing to add"), again.stdout)
    }
}
