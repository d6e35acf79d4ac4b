import Emulator
import Foundation
import Provisioning
import SCIM
import XCTest

/// `scimterm send` of a JSON Lines file larger than one read batch (~2 MB): checked in a first
/// streamed pass (a bad record in the last batch still stops the send before anything is
/// journaled), then built and journaled as it is read a second time, re-chunked across batches
/// exactly as the whole-file build does.
final class SendStreamCommandTests: XCTestCase {
    var cli: CLIEmulator!
    var emulator: RunningEmulator! { cli.emulator }
    var scratch: URL { cli.scratch }

    override func setUp() async throws {
        cli = try CLIEmulator("scimterm-sendstream")
        try await cli.start { $0.rateLimit = 0 }
    }

    override func tearDown() async throws { await cli.stop() }

    private var journalPath: String { cli.journalPath }

    private var connection: [String] { cli.connection + ["--rate-limit", "0"] }

    private func send(_ arguments: [String]) throws -> CommandResult {
        try CommandRunner.run(["send"] + arguments + connection, environment: ["SCIMTERM_CLIENT_SECRET": cli.secret], timeout: 180)
    }

    /// `count` users as CSV2SCIM writes them: one BulkRequest of `perLine` users a line, each user
    /// padded to about 1.3 KB so the file spans several batches. `edit` changes a user's data.
    private func jsonLines(_ count: Int, perLine: Int = 37, name: String = "users.jsonl",
                           edit: (Int, inout JSONObject) -> Void = { _, _ in }) throws -> String {
        let padding = String(repeating: "x", count: 1200)
        var text = ""
        for start in stride(from: 0, to: count, by: perLine) {
            let operations: [JSONValue] = (start..<min(count, start + perLine)).map { i in
                var data = JSONObject([(key: "schemas", value: .array([.string(SCIMSchema.user)])), (key: "externalId", value: .string("s\(i)")),
                                       (key: "userName", value: .string("s\(i)@contoso.com")), (key: "title", value: .string("T \(i) \(padding)")),
                                       (key: "active", value: .bool(true))])
                edit(i, &data)
                return .object(JSONObject([(key: "method", value: .string("POST")), (key: "bulkId", value: .string("b\(i)")),
                                           (key: "path", value: .string("/Users")), (key: "data", value: .object(data))]))
            }
            let document = JSONValue.object(JSONObject([(key: "schemas", value: .array([.string(SCIMSchema.bulkRequest)])),
                                                        (key: "Operations", value: .array(operations))]))
            text += String(decoding: JSONWriter.compact.bytes(document), as: UTF8.self) + "\n"
        }
        let path = scratch.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertGreaterThan(text.utf8.count, 5 << 20, "more than two read batches")
        return path
    }

    func testAFileOfSeveralBatchesIsSentAsTheWholeFileBuildWouldSendIt() async throws {
        let path = try jsonLines(4_500)
        let r = try send([path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("accepted 90 of 90 documents (4500 of 4500 records)"), r.stderr)
        let stored = try XCTUnwrap(try SendJournal(path: journalPath).latest(endpoint: emulator.endpoint))
        let records = try PayloadReader.read(json: Array(try Data(contentsOf: URL(fileURLWithPath: path)))).records
        let expected = BulkRequestBuilder().documents(for: records)
        XCTAssertEqual(stored.documents.count, expected.count)
        XCTAssertTrue(zip(stored.documents, expected).allSatisfy { $0.body == $1.bytes() }, "documents 37 users a line become 50 a document, as whole")
        XCTAssertEqual(stored.documents[1].externalIds, (50..<100).map { "s\($0)" })
        await emulator.core.processDue(now: Date().addingTimeInterval(1))
        let users = await emulator.core.userCount()
        XCTAssertEqual(users, 4_500, "every user arrived once")
    }

    func testAnErrorInTheLastBatchStopsTheSendBeforeAnythingIsJournaled() async throws {
        let path = try jsonLines(4_500) { i, data in
            if i == 4_480 { data.setAttribute("externalId", nil) }
        }
        let stopped = try send([path])
        XCTAssertEqual(stopped.status, 2, stopped.stderr)
        XCTAssertTrue(stopped.stderr.contains("nothing sent"), stopped.stderr)
        XCTAssertTrue(stopped.stderr.contains("\(path):122:") && stopped.stderr.contains("Operations[3].data"), "the finding names where it is: \(stopped.stderr)")
        XCTAssertNil(try SendJournal(path: journalPath).latest(endpoint: emulator.endpoint), "nothing journaled")
        let accepted = await emulator.core.statistics.accepted
        XCTAssertEqual(accepted, 0)
        let forced = try send([path, "--force"])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertTrue(forced.stderr.contains("accepted 90 of 90 documents (4499 of 4499 records)"), forced.stderr)
    }

    func testASecondSendThatLeavesOutAnAttributeIsToldAcrossBatches() async throws {
        XCTAssertEqual(try send([try jsonLines(4_500)]).status, 0)
        let fewer = try jsonLines(4_500, name: "fewer.jsonl") { i, data in
            if i == 5 || i == 4_400 { data.setAttribute("title", nil) }
        }
        let r = try send([fewer, "--dry-run"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("dry run: 90 documents would go"), r.stderr)
        let sent = try send([fewer])
        XCTAssertEqual(sent.status, 0, sent.stderr)
        for id in ["s5", "s4400"] {
            XCTAssertTrue(sent.stderr.contains("leaves out 1 attribute sent for externalId \(id) on "), sent.stderr)
        }
        XCTAssertFalse(sent.stderr.contains("externalId s6 on"), "only the records that leave something out")
    }
}
