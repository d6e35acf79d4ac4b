import Emulator
import Foundation
import Provisioning
import SCIM
import XCTest

/// The daily tenant quota and the restart purge (ENTRA.md §3, §5) as an operator meets them on the
/// command line: planned before, stopped cleanly at, resumed after; warned of, and resent.
final class QuotaAndRestartCommandTests: XCTestCase {
    static let secret = CLIEmulator.secret
    var cli: CLIEmulator!
    var emulator: RunningEmulator! { cli.emulator }
    var scratch: URL { cli.scratch }

    override func setUp() async throws { cli = try CLIEmulator("scimterm-quota") }

    override func tearDown() async throws { await cli.stop() }

    private func start(port: Int = 0, _ configure: (inout EmulatorConfig) -> Void = { _ in }) async throws {
        try await cli.start(port: port, configure)
    }

    private var journalPath: String { cli.journalPath }

    private var connection: [String] { cli.connection }

    private func run(_ arguments: [String]) throws -> CommandResult { try cli.run(arguments) }

    private func usersFile(_ count: Int) throws -> String {
        let records: [JSONValue] = (0..<count).map { i in
            ["schemas": [.string(SCIMSchema.user)], "externalId": .string("q\(i)"), "userName": .string("q\(i)@contoso.com"),
             "displayName": .string("Quota \(i)"), "active": true]
        }
        let path = scratch.appendingPathComponent("users.json").path
        try Data(JSONWriter.compact.bytes(.array(records))).write(to: URL(fileURLWithPath: path))
        return path
    }

    func testAQuotaSpentMidSendStopsCleanlyAndTheJournalResumesAfterTheWindow() async throws {
        try await start { $0.dailyQuota = 3 }
        let users = try usersFile(50)
        // The client's own plan is off, so it is Entra's 429 that stops the send.
        let r = try run(["send", users, "--batch-size", "10", "--daily-quota", "0"] + connection)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("daily bulkUpload quota is spent"), r.stderr)
        XCTAssertTrue(r.stderr.contains("resume after"), r.stderr)
        let stats = await emulator.core.statistics
        XCTAssertEqual(stats.accepted, 3)
        XCTAssertEqual(stats.bulkUploads, 4, "the quota's 429 is not retried")
        let endpoint = emulator.endpoint
        let stored = try XCTUnwrap(try SendJournal(path: journalPath).latestUnfinished(endpoint: endpoint))
        XCTAssertEqual(stored.documents.map(\.state), [.accepted, .accepted, .accepted, .pending, .pending])

        // The window rolls: the same endpoint, a tenant with its quota free again.
        let port = emulator.port
        await emulator.stop()
        try await start(port: port) { $0.dailyQuota = 3 }
        let resumed = try run(["send", "--resume", "--daily-quota", "0"] + connection)
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertTrue(resumed.stderr.contains("accepted 5 of 5 documents (50 of 50 records)"), resumed.stderr)
        let again = await emulator.core.statistics.accepted
        XCTAssertEqual(again, 2, "only what the quota stopped goes again")
    }

    func testThePlanSendsWhatFitsAndSaysWhenTheRestCanGo() async throws {
        try await start()
        let journal = try SendJournal(path: journalPath)
        let now = Date()
        try journal.recordCall(tenant: SandboxIds.tenant, at: now.addingTimeInterval(-3600))
        try journal.recordCall(tenant: SandboxIds.tenant.uppercased(), at: now.addingTimeInterval(-60))
        let users = try usersFile(30)

        let dry = try run(["send", users, "--batch-size", "10", "--daily-quota", "3", "--dry-run"] + connection)
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertTrue(dry.stderr.contains("3 bulkUpload calls needed; 2 of 3 used in the last 24 h by scimterm here; 1 can go now, the other 2 after"),
                      dry.stderr)
        let none = await emulator.core.statistics.bulkUploads
        XCTAssertEqual(none, 0, "a dry run sends nothing")

        let r = try run(["send", users, "--batch-size", "10", "--daily-quota", "3"] + connection)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("the 1 calls the daily quota allows now are made"), r.stderr)
        XCTAssertTrue(r.stderr.contains("resume after"), r.stderr)
        let stats = await emulator.core.statistics
        XCTAssertEqual(stats.bulkUploads, 1)
        XCTAssertEqual(try journal.calls(tenant: SandboxIds.tenant, now: Date()).count, 3, "the call is journaled")
    }

    func testRestartWarnsOfWhatItDiscardsAndTheResumeResendsIt() async throws {
        try await start { $0.tenants[0].servicePrincipals[0].jobs[0].state = "Paused" }
        let users = try usersFile(20)
        let sent = try run(["send", users, "--batch-size", "10"] + connection)
        XCTAssertEqual(sent.status, 0, sent.stderr)

        let refused = try run(["job", "restart"] + connection)
        XCTAssertEqual(refused.status, 1, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("Entra will discard 2 accepted documents (20 users) not yet seen in the provisioning logs"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("--yes"), refused.stderr)
        let pending = await emulator.core.pendingUploads()
        XCTAssertEqual(pending, 2, "nothing restarted without the operator's word")

        let restarted = try run(["job", "restart", "--yes"] + connection)
        XCTAssertEqual(restarted.status, 0, restarted.stderr)
        XCTAssertTrue(restarted.stderr.contains("2 document(s) (20 users) marked purged by restart"), restarted.stderr)
        XCTAssertTrue(restarted.stdout.contains("Active"), restarted.stdout)
        let purged = await emulator.core.purgedOperations()
        XCTAssertEqual(purged, 20)

        let resumed = try run(["send", "--resume"] + connection)
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        await emulator.core.processDue()
        let users20 = await emulator.core.userCount()
        XCTAssertEqual(users20, 20, "every purged record reached Entra on the resend")
    }
}
