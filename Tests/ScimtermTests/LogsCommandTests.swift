import Emulator
import Foundation
import Provisioning
import SCIM
import XCTest

/// `scimterm logs --follow` tells the truth about the last send: a paused job makes it "queued",
/// an older entry of the same user is never shown as this send's outcome, and a send nobody
/// processed is said to be so.
final class LogsCommandTests: XCTestCase {
    static let secret = "logs-cli-secret~0123456789.abcdefghijklm"
    var cli: CLIEmulator!
    var emulator: RunningEmulator! { cli.emulator }
    var scratch: URL { cli.scratch }

    override func setUp() async throws { cli = try CLIEmulator("scimterm-logs", secret: Self.secret) }

    override func tearDown() async throws { await cli.stop() }

    private func start(job state: String = "Active", delay: Double = 0) async throws {
        try await cli.start { config in
            config.processingDelaySeconds = delay
            config.rateLimit = 0
            config.tenants[0].servicePrincipals[0].jobs[0].state = state
        }
    }

    private var connection: [String] { cli.connection }

    private func run(_ arguments: [String]) throws -> CommandResult { try cli.run(arguments + connection) }

    private func usersFile(_ ids: [String], title: String = "Worker") throws -> String {
        let records: [JSONValue] = ids.map { id in
            ["schemas": [.string(SCIMSchema.user)], "externalId": .string(id), "userName": .string("\(id)@contoso.com"),
             "displayName": .string("\(title) \(id)"), "active": true]
        }
        let path = scratch.appendingPathComponent("users-\(UUID().uuidString).json").path
        try Data(JSONWriter.compact.bytes(.array(records))).write(to: URL(fileURLWithPath: path))
        return path
    }

    func testAPausedJobMakesTheLastSendQueuedAndItsUsersOlderEntriesAreNotShown() async throws {
        try await start()
        // An earlier send of the same users, processed: their entries must not pass for the next send's.
        XCTAssertEqual(try run(["send", try usersFile(["p0", "p1"])]).status, 0)
        let processed = Date()
        await emulator.core.processDue(now: processed)
        // Graph's times are whole seconds: the next send goes out in a later second than these entries.
        let nextSecond = processed.timeIntervalSince1970.rounded(.down) + 1
        while Date().timeIntervalSince1970 < nextSecond { usleep(20_000) }
        let earlier = try run(["logs", "--format", "table"])
        XCTAssertTrue(earlier.stdout.contains("create   success  p0"), earlier.stdout + earlier.stderr)

        XCTAssertEqual(try run(["job", "pause"]).status, 0)
        let sent = try run(["send", try usersFile(["p0", "p1"], title: "Renamed")])
        XCTAssertEqual(sent.status, 0, sent.stderr)
        let follow = try run(["logs", "--follow", "--interval", "0.2", "--timeout", "1"])
        XCTAssertEqual(follow.status, 1, "a followed user without an entry")
        XCTAssertFalse(follow.stdout.contains("p0"), "the earlier send's entries are not this send's outcome:\n\(follow.stdout)")
        XCTAssertTrue(follow.stderr.contains("scimterm: queued: the job is Paused, nothing will be processed until it is started (scimterm job start); job state read"),
                      follow.stderr)
        XCTAssertTrue(follow.stderr.contains("2 users without an entry (e.g. p0, p1)"), follow.stderr)

        XCTAssertEqual(try run(["job", "start"]).status, 0)
        await emulator.core.processDue(now: Date().addingTimeInterval(1))
        let done = try run(["logs", "--follow", "--interval", "0.2", "--timeout", "10"])
        XCTAssertEqual(done.status, 0, done.stderr)
        XCTAssertTrue(done.stdout.contains("update   success  p0  Renamed p0"), done.stdout)
        XCTAssertFalse(done.stdout.contains("create"), "still only this send's entries:\n\(done.stdout)")
    }

    func testASendNobodyProcessedIsSaidToBeNotProcessed() async throws {
        try await start(delay: 100_000)
        XCTAssertEqual(try run(["send", try usersFile(["n0"])]).status, 0)
        let follow = try run(["logs", "--follow", "--interval", "0.2", "--timeout", "10", "--not-processed-after", "0"])
        XCTAssertEqual(follow.status, 1)
        XCTAssertTrue(follow.stderr.contains("not processed: was the job restarted or paused? 1 user without an entry (e.g. n0)"), follow.stderr)
    }
}

/// `scimterm logs --summary`: the last send reconciled with the logs, per upload, as a table and JSON.
final class LogsSummaryCommandTests: XCTestCase {
    var cli: CLIEmulator!

    override func setUp() async throws {
        cli = try CLIEmulator("scimterm-logs-summary")
        try await cli.start { $0.rateLimit = 0 }
    }

    override func tearDown() async throws { await cli.stop() }

    private func run(_ arguments: [String]) throws -> CommandResult { try cli.run(arguments + cli.connection) }

    /// r2 takes r0's userName: Entra refuses the second user with that UPN (sent with --force).
    private func usersFile() throws -> String {
        let records: [JSONValue] = ["r0", "r1", "r2"].map { id in
            ["schemas": [.string(SCIMSchema.user)], "externalId": .string(id),
             "userName": .string(id == "r2" ? "r0@contoso.com" : "\(id)@contoso.com"), "active": true]
        }
        let path = cli.path("users.json")
        try Data(JSONWriter.compact.bytes(.array(records))).write(to: URL(fileURLWithPath: path))
        return path
    }

    func testTheSummaryCountsEachUserOfTheLastSendAndNamesTheFailure() async throws {
        let noSend = try run(["logs", "--summary"])
        XCTAssertEqual(noSend.status, 2, noSend.stderr)
        XCTAssertTrue(noSend.stderr.contains("--summary reconciles the last send in the journal"), noSend.stderr)

        XCTAssertEqual(try run(["send", "--force", try usersFile()]).status, 0)
        let before = try run(["logs", "--summary"])
        await cli.emulator.core.processDue(now: Date().addingTimeInterval(1))
        XCTAssertTrue(before.stdout.contains("3 sent · 0 created · 0 updated · 0 disabled · 0 skipped · 0 failed · 3 not yet seen")
                      || before.stdout.contains("3 sent · 2 created"), "read before or after processing:\n\(before.stdout)")

        let table = try run(["logs", "--summary"])
        XCTAssertEqual(table.status, 1, "a user failed:\n\(table.stdout)\(table.stderr)")
        XCTAssertTrue(table.stdout.contains("3 sent · 2 created · 0 updated · 0 disabled · 0 skipped · 1 failed · 0 not yet seen"), table.stdout)
        XCTAssertTrue(table.stdout.contains("r2 (upload 1): AzureActiveDirectoryConflictEntry: The userPrincipalName 'r0@contoso.com' is already used"),
                      table.stdout)
        XCTAssertFalse(table.stdout.contains("success  r0"), "the summary replaces the entry rows")

        let json = try run(["logs", "--summary", "--format", "json"])
        XCTAssertEqual(json.status, 1)
        let value = try JSONParser.parse(Array(json.stdout.utf8)).objectValue
        XCTAssertEqual(value?["outcomes"]?.objectValue?["created"]?.numberValue?.text, "2")
        XCTAssertEqual(value?["failures"]?.arrayValue?.first?.objectValue?["externalId"]?.stringValue, "r2")
        XCTAssertEqual(value?["uploads"]?.arrayValue?.count, 1)
    }
}
