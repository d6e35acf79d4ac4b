import Emulator
import Foundation
import Provisioning
import SCIM
import XCTest

/// `scimterm send --as-is` and the re-chunked send, against an emulator in this process: what
/// reaches the wire is read back from the HAR and the emulator's statistics.
final class SendAsIsCommandTests: XCTestCase {
    static let secret = CLIEmulator.secret
    var cli: CLIEmulator!
    var emulator: RunningEmulator! { cli.emulator }
    var scratch: URL { cli.scratch }

    override func setUp() async throws {
        cli = try CLIEmulator("scimterm-asis")
        try await cli.start()
    }

    override func tearDown() async throws { await cli.stop() }

    private var har: String { scratch.appendingPathComponent("send.har").path }

    private func send(_ file: String, _ extra: [String] = []) throws -> CommandResult {
        try cli.run(["send", file] + cli.connection + ["--har", har] + extra)
    }

    /// A BulkRequest as a customer might write it: `bulkIds` per operation, `path` as given.
    static func bulkRequest(bulkIds: [String], first: Int = 0, path: String = "/Users") -> String {
        let ops = bulkIds.enumerated().map { i, id in
            #"{"method":"POST","bulkId":"\#(id)","path":"\#(path)","data":{"schemas":["\#(SCIMSchema.user)"],"#
                + #""externalId":"e\#(first + i)","userName":"e\#(first + i)@contoso.com","active":true}}"#
        }
        return #"{"schemas":["\#(SCIMSchema.bulkRequest)"],"Operations":[\#(ops.joined(separator: ","))],"failOnErrors":null}"#
    }

    private func write(_ text: String, _ name: String) throws -> String {
        let path = scratch.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The bodies of the bulkUpload requests in the HAR, in order.
    private func sentBodies() throws -> [String] {
        let data = try Data(contentsOf: URL(fileURLWithPath: har))
        let root = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let entries = try XCTUnwrap((root["log"] as? [String: Any])?["entries"] as? [[String: Any]])
        return entries.compactMap { entry in
            guard let request = entry["request"] as? [String: Any], (request["url"] as? String)?.contains("bulkUpload") == true
            else { return nil }
            return (request["postData"] as? [String: Any])?["text"] as? String
        }
    }

    func testFiftyOneOperationsAsIsGetTheEmulatorsFourHundredAndTheSummarySaysWhy() async throws {
        let document = Self.bulkRequest(bulkIds: (0..<51).map { "b\($0)" }, path: "/users")
        let file = try write(document, "customer.json")
        let r = try send(file, ["--as-is"])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("document 1: expect 400: 51 operations in one request"), r.stderr)
        XCTAssertTrue(r.stderr.contains("400"), r.stderr)
        XCTAssertFalse(r.stderr.contains("nothing sent"), "--as-is needs no --force: \(r.stderr)")
        XCTAssertEqual(try sentBodies(), [document], "the customer's bytes, unchanged (lower-case /users included)")
        let accepted = await emulator.core.statistics.accepted
        XCTAssertEqual(accepted, 0)
    }

    func testAsIsSendsEachJSONLinesDocumentsOwnBytes() async throws {
        let first = Self.bulkRequest(bulkIds: ["x", "x"]), second = Self.bulkRequest(bulkIds: ["y"], first: 2)
        let file = try write(first + "\n" + second + "\n", "lines.jsonl")
        let r = try send(file, ["--as-is"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try sentBodies(), [first, second])
        XCTAssertTrue(r.stderr.contains("bulk.bulkId.duplicate"), "the repeat is still shown: \(r.stderr)")
        let accepted = await emulator.core.statistics.accepted
        XCTAssertEqual(accepted, 2)
    }

    func testAsIsRefusesACSVOrBareUsersAsAUsageError() async throws {
        let csv = try write("externalId,userName\n1,a@contoso.com\n", "users.csv")
        let users = try write(#"[{"externalId":"1","userName":"a@contoso.com","active":true}]"#, "users.json")
        for file in [csv, users] {
            let r = try send(file, ["--as-is"])
            XCTAssertEqual(r.status, 2, r.stderr)
            XCTAssertTrue(r.stderr.contains("sent as-is"), r.stderr)
        }
        let both = try send(csv, ["--as-is", "--resume"])
        XCTAssertNotEqual(both.status, 0)
        XCTAssertTrue(both.stderr.contains("pick one"), both.stderr)
        let uploads = await emulator.core.statistics.bulkUploads
        XCTAssertEqual(uploads, 0)
    }

    func testOneBulkRequestOfOneHundredTwentyOperationsSendsAsThreeDocumentsWithoutForce() async throws {
        let file = try write(Self.bulkRequest(bulkIds: (0..<120).map { "b\($0)" }), "big.json")
        let r = try send(file)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("re-chunked into 3 documents"), r.stderr)
        XCTAssertTrue(r.stderr.contains("accepted 3 of 3 documents (120 of 120 records)"), r.stderr)
        XCTAssertEqual(try sentBodies().count, 3)
    }

    func testRecordErrorsStillStopTheRechunkedSend() async throws {
        let bad = Self.bulkRequest(bulkIds: ["a"]).replacingOccurrences(of: #""externalId":"e0","#, with: "")
        let r = try send(try write(bad, "bad.json"))
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("nothing sent"), r.stderr)
    }

    func testBulkIdOriginalKeepsRepeatedBulkIdsOnTheWire() async throws {
        let file = try write(Self.bulkRequest(bulkIds: ["dup", "dup", "other"]), "dups.json")
        let r = try send(file, ["--bulk-id", "original"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("bulk.bulkId.duplicate"), "the repeat is the warning it is: \(r.stderr)")
        let body = try XCTUnwrap(try sentBodies().first)
        let ops = try XCTUnwrap(JSONParser.parse(Array(body.utf8)).objectValue?["Operations"]?.arrayValue)
        XCTAssertEqual(ops.compactMap { $0.objectValue?["bulkId"]?.stringValue }, ["dup", "dup", "other"])
        let accepted = await emulator.core.statistics.accepted
        XCTAssertEqual(accepted, 1)
    }
}
