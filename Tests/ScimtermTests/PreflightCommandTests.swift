import Emulator
import Foundation
import Provisioning
import SCIM
import XCTest

/// The permission preflight and the job's health on the command line (issue 12 §5): `job status`
/// and `send --dry-run` name a missing permission from the token's roles before any call fails.
final class PreflightCommandTests: XCTestCase {
    var cli: CLIEmulator!

    override func setUp() async throws { cli = try CLIEmulator("scimterm-preflight") }

    override func tearDown() async throws { await cli.stop() }

    private func start(roles: [String]? = nil, _ configure: @escaping (inout EmulatorConfig) -> Void = { _ in }) async throws {
        try await cli.start { config in
            if let roles { config.tenants[0].apps[0].permissions = roles }
            configure(&config)
        }
    }

    private func usersFile() throws -> String {
        let records: [JSONValue] = (0..<3).map { i in
            ["schemas": [.string(SCIMSchema.user)], "externalId": .string("p\(i)"), "userName": .string("p\(i)@contoso.com"),
             "displayName": .string("Preflight \(i)"), "active": true]
        }
        let path = cli.path("users.json")
        try Data(JSONWriter.compact.bytes(.array(records))).write(to: URL(fileURLWithPath: path))
        return path
    }

    func testJobStatusNamesTheMissingLogsPermissionAndShowsHealth() async throws {
        try await start(roles: ["SynchronizationData-User.Upload", "Synchronization.ReadWrite.All"])
        let r = try cli.run(["job", "status"] + cli.connection)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("Permissions (token for app \(SandboxIds.clientId) in tenant \(SandboxIds.tenant), valid until "), r.stdout)
        XCTAssertTrue(r.stdout.contains("\n  upload (bulkUpload): ok (SynchronizationData-User.Upload)\n"), r.stdout)
        XCTAssertTrue(r.stdout.contains("\n  read provisioning logs: missing AuditLog.Read.All (or ProvisioningLog.Read.All)\n"), r.stdout)
        XCTAssertTrue(r.stdout.contains("\n  read the job: ok (Synchronization.ReadWrite.All)\n"), r.stdout)
        XCTAssertTrue(r.stdout.contains("Health:\n  last successful run: none yet\n  steady state: not reached yet"), r.stdout)
    }

    func testAnUploadOnlyAppIsToldBeforeTheJobReadIsRefused() async throws {
        try await start(roles: ["SynchronizationData-User.Upload"])
        let r = try cli.run(["job", "status"] + cli.connection)
        XCTAssertEqual(r.status, 1, "Graph still refuses the job read: \(r.stderr)")
        XCTAssertTrue(r.stdout.contains("  read the job: missing Synchronization.Read.All"), "named before the call fails: \(r.stdout)")
        XCTAssertTrue(r.stderr.contains("403") || r.stderr.contains("Synchronization.Read.All"), r.stderr)
        XCTAssertFalse(r.stdout.contains("Health:"), r.stdout)
    }

    func testAQuarantinedJobsHealthSaysWhatToDo() async throws {
        try await start {
            $0.tenants[0].servicePrincipals[0].jobs[0].state = "Quarantine"
            $0.tenants[0].servicePrincipals[0].jobs[0].quarantineReason = "EncounteredQuarantineException"
        }
        let r = try cli.run(["job", "status"] + cli.connection)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertFalse(r.stdout.contains("missing"), "the sandbox app has every permission: \(r.stdout)")
        XCTAssertTrue(r.stdout.contains("  quarantine: EncounteredQuarantineException: "), r.stdout)
        XCTAssertTrue(r.stdout.contains("usual cause is that no notification email is set"), r.stdout)
        XCTAssertTrue(r.stdout.contains("  what to do: In the Entra admin center, open the app's Provisioning > Settings, set a Notification Email"), r.stdout)
        XCTAssertTrue(r.stdout.contains("  next attempt: "), r.stdout)
    }

    func testADryRunWithoutTheUploadPermissionSaysSoAndExitsOne() async throws {
        try await start(roles: ["AuditLog.Read.All", "Synchronization.ReadWrite.All"])
        let r = try cli.run(["send", try usersFile(), "--dry-run"] + cli.connection)
        XCTAssertEqual(r.status, 1, r.stderr)
        let preflight = try XCTUnwrap(r.stderr.range(of: "scimterm: preflight: upload (bulkUpload): missing SynchronizationData-User.Upload "
            + "(or SynchronizationData-User.Upload.OwnedBy)"), r.stderr)
        let dry = try XCTUnwrap(r.stderr.range(of: "dry run: 1 documents would go"), r.stderr)
        XCTAssertLessThan(preflight.lowerBound, dry.lowerBound, "the preflight comes first")
        XCTAssertTrue(r.stderr.contains("the send would be refused (403)"), r.stderr)
        let stats = await cli.emulator.core.statistics
        XCTAssertEqual(stats.bulkUploads, 0, "a dry run sends nothing")
    }

    func testADryRunWithTheUploadPermissionExitsAsBefore() async throws {
        try await start()
        let r = try cli.run(["send", try usersFile(), "--dry-run"] + cli.connection)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("scimterm: preflight: upload (bulkUpload): ok (SynchronizationData-User.Upload)"), r.stderr)
        XCTAssertTrue(r.stderr.contains("dry run: 1 documents would go"), r.stderr)
    }
}
