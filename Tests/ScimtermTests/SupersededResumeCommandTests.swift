import Emulator
import Foundation
import Provisioning
import SCIM
import XCTest

/// Never older over newer on the command line: a send stopped midway, then a newer send of some of
/// the same users; `send --resume` lists the older send as superseded and sends nothing, and only
/// `--resume ID --overwrite-newer` resends it, after naming whose newer data it overwrites.
final class SupersededResumeCommandTests: XCTestCase {
    static let secret = CLIEmulator.secret
    var cli: CLIEmulator!
    var emulator: RunningEmulator! { cli.emulator }

    override func setUp() async throws {
        cli = try CLIEmulator("scimterm-supersede")
        try await cli.start()
    }

    override func tearDown() async throws { await cli.stop() }

    private var journalPath: String { cli.journalPath }

    private var connection: [String] { cli.connection + ["--rate-limit", "0"] }

    private func run(_ arguments: [String]) throws -> CommandResult {
        try cli.run(arguments)
    }

    /// Users `range`, their department naming the send that carries them.
    private func usersFile(_ name: String, _ range: Range<Int>, department: String) throws -> String {
        let records: [JSONValue] = range.map { i in
            ["schemas": [.string(SCIMSchema.user), .string(SCIMSchema.enterpriseUser)], "externalId": .string("s\(i)"),
             "userName": .string("s\(i)@contoso.com"), "displayName": .string("Staff \(i)"), "active": true,
             SCIMSchema.enterpriseUser: ["department": .string(department)]]
        }
        let path = cli.path(name)
        try Data(JSONWriter.compact.bytes(.array(records))).write(to: URL(fileURLWithPath: path))
        return path
    }

    func testAResumeNeverPutsAnOlderSendOverANewerOneUnlessTheOperatorNamesIt() async throws {
        // Send A: five documents of one user; the client's daily-quota plan lets two go, then stops.
        let a = try run(["send", try usersFile("old.json", 0..<5, department: "old"), "--batch-size", "1", "--daily-quota", "2"] + connection)
        XCTAssertEqual(a.status, 1, a.stderr)
        let journal = try SendJournal(path: journalPath)
        let sendA = try XCTUnwrap(try journal.latestUnfinished(endpoint: emulator.endpoint))
        XCTAssertEqual(sendA.documents.map(\.state), [.accepted, .accepted, .pending, .pending, .pending])

        // Send B: newer data for users 3 and 4 (and a new 5); its summary says it superseded A.
        let b = try run(["send", try usersFile("new.json", 3..<6, department: "new"), "--daily-quota", "0"] + connection)
        XCTAssertEqual(b.status, 0, b.stderr)
        XCTAssertTrue(b.stderr.contains("this send supersedes the interrupted send \(sendA.id.prefix(8))… of "), b.stderr)
        XCTAssertTrue(b.stderr.contains("(newer data for 2 of its users); `send --resume` will not resend it"), b.stderr)
        let afterB = await emulator.core.statistics.accepted

        // A plain resume lists A as superseded and sends nothing.
        let resumed = try run(["send", "--resume", "--daily-quota", "0"] + connection)
        XCTAssertEqual(resumed.status, 1, resumed.stderr)
        XCTAssertTrue(resumed.stderr.contains("superseded: send \(sendA.id.prefix(8))… of "), resumed.stderr)
        XCTAssertTrue(resumed.stderr.contains(", 3 documents, 3 users; newer data for 2 of them was sent by "), resumed.stderr)
        XCTAssertTrue(resumed.stderr.contains("; not resent"), resumed.stderr)
        XCTAssertTrue(resumed.stderr.contains("--overwrite-newer"), resumed.stderr)
        var accepted = await emulator.core.statistics.accepted
        XCTAssertEqual(accepted, afterB, "nothing resent")

        let listed = try run(["journal", "list", "--journal", journalPath])
        let lineA = try XCTUnwrap(listed.stdout.split(separator: "\n").first { $0.hasPrefix(sendA.id) }, listed.stdout)
        XCTAssertTrue(lineA.contains("SUPERSEDED: 2 of its unaccepted users were sent later"), String(lineA))
        XCTAssertEqual(listed.stdout.components(separatedBy: "SUPERSEDED").count, 2, "only A is marked:\n" + listed.stdout)

        // Naming A without the flag: exit 1, naming the flag and the users it would overwrite.
        let named = try run(["send", "--resume", String(sendA.id.prefix(8)), "--daily-quota", "0"] + connection)
        XCTAssertEqual(named.status, 1, named.stderr)
        XCTAssertTrue(named.stderr.contains("newer data of 2 users (s3, s4); pass --overwrite-newer"), named.stderr)
        accepted = await emulator.core.statistics.accepted
        XCTAssertEqual(accepted, afterB, "still nothing resent")

        // With the flag: it says what it overwrites, then sends A's three remaining documents.
        let forced = try run(["send", "--resume", sendA.id, "--overwrite-newer", "--daily-quota", "0"] + connection)
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertTrue(forced.stderr.contains("--overwrite-newer: resending send \(sendA.id.prefix(8))… overwrites the newer data of 2 users: s3, s4"),
                      forced.stderr)
        XCTAssertTrue(forced.stderr.contains("accepted 5 of 5 documents"), forced.stderr)
        accepted = await emulator.core.statistics.accepted
        XCTAssertEqual(accepted, afterB + 3)
        await emulator.core.processDue(now: Date().addingTimeInterval(1))
        let userCount = await emulator.core.userCount()
        XCTAssertEqual(userCount, 6)
        let again = try run(["send", "--resume", "--daily-quota", "0"] + connection)
        XCTAssertTrue(again.stderr.contains("nothing to resume"), again.stderr)
        let unnamed = try run(["send", "--resume", "--overwrite-newer"] + connection)
        XCTAssertNotEqual(unnamed.status, 0)
        XCTAssertTrue(unnamed.stderr.contains("--overwrite-newer goes with --resume SEND_ID"), unnamed.stderr)
        let unknown = try run(["send", "--resume", "ffffffff", "--daily-quota", "0"] + connection)
        XCTAssertEqual(unknown.status, 2, unknown.stderr)
        XCTAssertTrue(unknown.stderr.contains("the journal has no send ffffffff"), unknown.stderr)
    }

    func testANewestSendThatIsNotSupersededResumesAndOlderSupersededOnesAreListed() async throws {
        // A stops after one of three documents; B carries A's users and stops too; a resume sends B's rest only.
        let a = try run(["send", try usersFile("a.json", 0..<3, department: "a"), "--batch-size", "1", "--daily-quota", "1"] + connection)
        XCTAssertEqual(a.status, 1, a.stderr)
        let sendA = try XCTUnwrap(try SendJournal(path: journalPath).latestUnfinished(endpoint: emulator.endpoint))
        let b = try run(["send", try usersFile("b.json", 0..<3, department: "b"), "--batch-size", "1", "--daily-quota", "2"] + connection)
        XCTAssertEqual(b.status, 1, b.stderr)
        let resumed = try run(["send", "--resume", "--daily-quota", "0"] + connection)
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertTrue(resumed.stderr.contains("superseded: send \(sendA.id.prefix(8))… of "), resumed.stderr)
        XCTAssertTrue(resumed.stderr.contains("accepted 3 of 3 documents"), resumed.stderr)
        let accepted = await emulator.core.statistics.accepted
        XCTAssertEqual(accepted, 1 + 3, "A's first document, then all of B; A's rest never")
    }
}
