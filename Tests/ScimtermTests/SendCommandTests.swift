import Emulator
import Foundation
import Provisioning
import SCIM
import XCTest

/// `scimterm send`, `logs` and `job` as a user runs them, against an emulator in this process.
final class SendCommandTests: XCTestCase {
    static let secret = CLIEmulator.secret
    var cli: CLIEmulator!
    var emulator: RunningEmulator! { cli.emulator }
    var scratch: URL { cli.scratch }

    override func setUp() async throws { cli = try CLIEmulator("scimterm-send") }

    override func tearDown() async throws { await cli.stop() }

    private func start(_ configure: (inout EmulatorConfig) -> Void = { _ in }) async throws { try await cli.start(configure) }

    private var connection: [String] { cli.connection }

    private func usersFile(_ count: Int) throws -> String {
        let records: [JSONValue] = (0..<count).map { i in
            ["schemas": [.string(SCIMSchema.user)], "externalId": .string("w\(i)"), "userName": .string("w\(i)@contoso.com"),
             "displayName": .string("Worker \(i)"), "active": true]
        }
        let path = scratch.appendingPathComponent("users.json").path
        try Data(JSONWriter.compact.bytes(.array(records))).write(to: URL(fileURLWithPath: path))
        return path
    }

    func testSendReportsAcceptedDocumentsAndWritesARedactedHAR() async throws {
        try await start()
        let har = scratch.appendingPathComponent("session.har").path
        let r = try cli.run(["send", try usersFile(120)] + connection + ["--har", har])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("accepted 3 of 3 documents (120 of 120 records)"), r.stderr)
        XCTAssertTrue(r.stderr.contains("202 Accepted, request-id "), r.stderr)
        let harBytes = try Data(contentsOf: URL(fileURLWithPath: har))
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: harBytes), "the HAR parses as JSON")
        let text = String(decoding: harBytes, as: UTF8.self)
        XCTAssertFalse(text.contains(Self.secret), "no secret in the HAR")
        XCTAssertFalse(text.contains("eyJ0eXAiOiJKV1Qi"), "no token in the HAR") // the token header, base64url
        for output in [r.stdout, r.stderr] { XCTAssertFalse(output.contains(Self.secret)) }
        let journal = String(decoding: try Data(contentsOf: scratch.appendingPathComponent("journal.sqlite")), as: UTF8.self)
        XCTAssertFalse(journal.contains(Self.secret), "no secret in the journal")
    }

    func testValidationErrorsStopTheSendUnlessForced() async throws {
        try await start()
        let bad = scratch.appendingPathComponent("bad.json").path
        try Data(#"[{"userName":"nobody@contoso.com","active":true}]"#.utf8).write(to: URL(fileURLWithPath: bad))
        let stopped = try cli.run(["send", bad] + connection)
        XCTAssertEqual(stopped.status, 2)
        XCTAssertTrue(stopped.stderr.contains("nothing sent"), stopped.stderr)
        let forced = try cli.run(["send", bad, "--force"] + connection)
        XCTAssertEqual(forced.status, 0, forced.stderr)
        let accepted = await emulator.core.statistics.accepted
        XCTAssertEqual(accepted, 1)
    }

    func testNoSecretMeansAClearUsageError() async throws {
        try await start()
        let r = try cli.run(["send", try usersFile(1)] + connection, environment: ["SCIMTERM_CLIENT_SECRET": ""])
        XCTAssertEqual(r.status, 2, "a usage error")
        XCTAssertTrue(r.stderr.contains("no client secret"), r.stderr)
    }

    func testASecondSenderIsRefusedNamingTheFirstAndADeadOnesLockIsTakenOver() async throws {
        try await start { $0.rateLimit = 0 }
        let users = try usersFile(60)
        let process = try CommandRunner.launch(["send", users, "--batch-size", "1", "--rate-limit", "10", "--rate-window", "1"] + connection,
                                               environment: ["SCIMTERM_CLIENT_SECRET": cli.secret])
        let deadline = Date().addingTimeInterval(30)
        while await emulator.core.statistics.accepted < 3, Date() < deadline { try await Task.sleep(nanoseconds: 20_000_000) }
        let second = try cli.run(["send", users, "--rate-limit", "0"] + connection)
        XCTAssertEqual(second.status, 2, second.stderr)
        XCTAssertTrue(second.stderr.contains("another scimterm send to \(emulator.endpoint) is running (process \(process.processIdentifier), started "),
                      second.stderr)
        let resumeWhileRunning = try cli.run(["send", "--resume"] + connection)
        XCTAssertEqual(resumeWhileRunning.status, 2, resumeWhileRunning.stderr)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let resumed = try cli.run(["send", "--resume", "--rate-limit", "0"] + connection)
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertTrue(resumed.stderr.contains("took over the send lock of process \(process.processIdentifier)"), resumed.stderr)
        await emulator.core.processDue(now: Date().addingTimeInterval(1))
        let userCount = await emulator.core.userCount()
        XCTAssertEqual(userCount, 60, "the refused sender sent nothing twice, the resume finished the rest")
        let accepted = await emulator.core.statistics.accepted
        XCTAssertLessThanOrEqual(accepted, 61, "no second copy of the documents")
    }

    func testSIGTERMAndSIGHUPStopCleanlyWithAHARAndAResumableJournal() async throws {
        try await start { $0.rateLimit = 0 }
        let users = try usersFile(40)
        for (round, number) in [SIGTERM, SIGHUP].enumerated() {
            let har = scratch.appendingPathComponent("send-\(number).har").path
            let process = try CommandRunner.launch(["send", users, "--batch-size", "1", "--rate-limit", "10", "--rate-window", "1",
                                                    "--har", har] + connection, environment: ["SCIMTERM_CLIENT_SECRET": cli.secret])
            let deadline = Date().addingTimeInterval(30)
            while await emulator.core.statistics.accepted < 40 * round + 3, Date() < deadline { try await Task.sleep(nanoseconds: 20_000_000) }
            kill(process.processIdentifier, number)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationReason, .exit, "signal \(number) is handled, not fatal")
            XCTAssertEqual(process.terminationStatus, 1, "an interrupted send exits 1")
            let written = try Data(contentsOf: URL(fileURLWithPath: har))
            XCTAssertTrue(String(decoding: written, as: UTF8.self).contains("bulkUpload"), "the HAR holds the calls made")
            let accepted = await emulator.core.statistics.accepted
            XCTAssertLessThan(accepted, 40 * (round + 1), "stopped mid-send")
            let resumed = try cli.run(["send", "--resume", "--rate-limit", "0"] + connection)
            XCTAssertEqual(resumed.status, 0, resumed.stderr)
            XCTAssertTrue(resumed.stderr.contains("accepted 40 of 40 documents"), resumed.stderr)
        }
    }

    func testJournalListShowsTheSendAndPruneDropsFinishedPayloads() async throws {
        try await start()
        let journalPath = cli.journalPath
        let sent = try cli.run(["send", try usersFile(3), "--batch-size", "1"] + connection)
        XCTAssertEqual(sent.status, 0, sent.stderr)
        let listed = try CommandRunner.run(["journal", "list", "--journal", journalPath])
        XCTAssertEqual(listed.status, 0, listed.stderr)
        XCTAssertTrue(listed.stdout.contains("finished  \(emulator.endpoint)  3 accepted"), listed.stdout)
        let pruned = try CommandRunner.run(["journal", "prune", "--keep-days", "0", "--journal", journalPath])
        XCTAssertTrue(pruned.stdout.contains("pruned the payloads of 1 send finished more than 0 days ago"), pruned.stdout)
        let after = try CommandRunner.run(["journal", "list", "--journal", journalPath])
        XCTAssertTrue(after.stdout.contains("3 accepted; 3 payloads pruned"), after.stdout)
        let stored = try XCTUnwrap(try SendJournal(path: journalPath).latest(endpoint: emulator.endpoint))
        XCTAssertEqual(stored.documents.map(\.body.count), [0, 0, 0])
    }

    func testKillDashNineThenResumeLosesAndRepeatsNothing() async throws {
        try await start { $0.rateLimit = 0 }
        let users = try usersFile(60)
        let journalPath = cli.journalPath
        // One record a document, paced at 10 calls a second, so the send is still running when killed.
        let process = try CommandRunner.launch(["send", users, "--batch-size", "1", "--rate-limit", "10", "--rate-window", "1"] + connection,
                                               environment: ["SCIMTERM_CLIENT_SECRET": cli.secret])
        let deadline = Date().addingTimeInterval(30)
        while await emulator.core.statistics.accepted < 12, Date() < deadline { try await Task.sleep(nanoseconds: 20_000_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)
        let acceptedBefore = await emulator.core.statistics.accepted
        XCTAssertLessThan(acceptedBefore, 60, "killed mid-send")
        let stored = try XCTUnwrap(try SendJournal(path: journalPath).latestUnfinished(endpoint: emulator.endpoint))
        let journaledAccepted = stored.documents.count { $0.state == .accepted }
        XCTAssertGreaterThanOrEqual(journaledAccepted, acceptedBefore - 1, "at most the one in flight is unrecorded")
        let resumed = try cli.run(["send", "--resume", "--rate-limit", "0"] + connection)
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        let inFlight = stored.documents.count { $0.state == .sending }
        XCTAssertEqual(resumed.stderr.contains("; \(inFlight) may have been accepted"), inFlight > 0, resumed.stderr)
        XCTAssertTrue(resumed.stderr.contains("accepted 60 of 60 documents"), resumed.stderr)
        let acceptedAfter = await emulator.core.statistics.accepted
        XCTAssertLessThanOrEqual(acceptedAfter, 61, "only the document in flight may go twice")
        await emulator.core.processDue(now: Date().addingTimeInterval(1))
        let userCount = await emulator.core.userCount()
        XCTAssertEqual(userCount, 60, "nothing lost")
        let again = try cli.run(["send", "--resume"] + connection)
        XCTAssertTrue(again.stderr.contains("nothing to resume"), again.stderr)
    }

    func testLogsAndJobCommands() async throws {
        try await start()
        _ = try cli.run(["send", try usersFile(3)] + connection)
        await emulator.core.processDue(now: Date().addingTimeInterval(1))
        let logs = try cli.run(["logs", "--follow", "--interval", "0.2", "--timeout", "10"] + connection)
        XCTAssertEqual(logs.status, 0, logs.stderr)
        for id in ["w0", "w1", "w2"] { XCTAssertTrue(logs.stdout.contains("create   success  \(id)"), logs.stdout) }
        let json = try cli.run(["logs", "--external-id", "w1", "--format", "json"] + connection)
        let entries = try XCTUnwrap(try JSONParser.parse(Array(json.stdoutBytes)).arrayValue)
        XCTAssertEqual(entries.count, 1)
        let paused = try cli.run(["job", "pause"] + connection.dropLast(2))
        XCTAssertTrue(paused.stdout.contains(": Paused"), paused.stdout + paused.stderr)
        XCTAssertTrue(paused.stdout.contains("bucket full"), paused.stdout)
    }
}
