import Emulator
import Foundation
import Mapping
import SCIM
import XCTest

/// `scimterm schema pull` against the sandbox emulator, and `schema show --schema FILE` reading what
/// it wrote (the option every mapping-aware command takes).
final class SchemaCommandTests: XCTestCase {
    var cli: CLIEmulator!

    override func setUp() async throws { cli = try CLIEmulator("scimterm-schema") }

    override func tearDown() async throws { await cli.stop() }

    /// The connection options without --journal, which `schema` does not take.
    private var connection: [String] { Array(cli.connection.prefix { $0 != "--journal" }) }

    func testPullWritesTheJobsSchemaToAFile() async throws {
        try await cli.start()
        let out = cli.path("schema.json")
        let r = try cli.run(["schema", "pull", "-o", out] + connection)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("wrote the job's schema to \(out)"), r.stderr)
        XCTAssertTrue(r.stderr.contains("matching on employeeId ← externalId"), r.stderr)
        XCTAssertEqual(r.stdout, "", "the schema went to the file")
        let written = try SynchronizationSchema.load(path: out)
        XCTAssertEqual(written, .defaultAPIDriven)
        let mode = try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
    }

    func testPullPrintsWhatTheTenantHasAsItCame() async throws {
        var custom = SynchronizationSchema.defaultAPIDriven
        custom.unmodelled.members.append("tenantOnly", ["kept": true])
        custom.synchronizationRules[0].objectMappings[0].attributeMappings.append(
            AttributeMapping(source: .attribute("urn:contoso:employee:badgeId"), targetAttributeName: "officeLocation"))
        try await cli.start { $0.schema = custom }
        let r = try cli.run(["schema", "pull"] + connection)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try SynchronizationSchema.decode(Array(r.stdoutBytes)), custom)
        XCTAssertTrue(r.stdout.contains("\"tenantOnly\""), "members scimterm does not model are written too")
        XCTAssertTrue(r.stdout.contains("\n  "), "indented for people and diffs")
    }

    func testA403SaysWhichPermissionIsMissing() async throws {
        try await cli.start { $0.tenants[0].apps[0].permissions = ["SynchronizationData-User.Upload"] }
        let out = cli.path("schema.json")
        let r = try cli.run(["schema", "pull", "-o", out] + connection)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("403 Authorization_RequestDenied"), r.stderr)
        XCTAssertTrue(r.stderr.contains("reading the job's schema needs the application permission Synchronization.Read.All"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out), "nothing is written on failure")
    }

    func testShowReadsAPulledFile() async throws {
        try await cli.start()
        let out = cli.path("schema.json")
        XCTAssertEqual(try cli.run(["schema", "pull", "-o", out] + connection).status, 0)
        let r = try cli.run(["schema", "show", "--schema", out])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("employeeId ← externalId  (matching, priority 1)"), r.stdout)
        XCTAssertTrue(r.stdout.contains("surname ← name.familyName"), r.stdout)
        XCTAssertFalse(r.stdout.contains("no --schema given"), r.stdout)
    }

    func testABadSchemaFileIsAUsageErrorThatSaysWhy() throws {
        let bad = cli.path("bad.json")
        try Data(#"{"synchronizationRules": [{"objectMappings": [{"sourceObjectName": "User"}]}]}"#.utf8).write(to: URL(fileURLWithPath: bad))
        let r = try cli.run(["schema", "show", "--schema", bad])
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("--schema \(bad): synchronizationRules[0].objectMappings[0]: missing \"targetObjectName\""), r.stderr)
        let missing = try cli.run(["schema", "show", "--schema", cli.path("none.json")])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("none.json: cannot read the file"), missing.stderr)
    }
}
