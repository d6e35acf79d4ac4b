import Emulator
import Foundation
import Provisioning
import SCIM
import XCTest

/// `scimterm send` refuses to disable more accounts than the limit without `--allow-disable`,
/// comparing each user with its last accepted send to the same endpoint (a record that leaves
/// `active` out disables the account in Entra).
final class SendGuardCommandTests: XCTestCase {
    var cli: CLIEmulator!

    override func setUp() async throws {
        cli = try CLIEmulator("scimterm-sendguard")
        try await cli.start { $0.rateLimit = 0 }
    }

    override func tearDown() async throws { await cli.stop() }

    private func send(_ arguments: [String]) throws -> CommandResult {
        try cli.run(["send"] + arguments + cli.connection + ["--rate-limit", "0"])
    }

    /// One BulkRequest of `count` users; `active(i)` nil leaves the attribute out.
    private func payload(_ count: Int, name: String, active: (Int) -> Bool?) throws -> String {
        let operations: [JSONValue] = (0..<count).map { i in
            var data = JSONObject([(key: "schemas", value: .array([.string(SCIMSchema.user)])), (key: "externalId", value: .string("g\(i)")),
                                   (key: "userName", value: .string("g\(i)@contoso.com"))])
            if let flag = active(i) { data.setAttribute("active", .bool(flag)) }
            return .object(JSONObject([(key: "method", value: .string("POST")), (key: "bulkId", value: .string("b\(i)")),
                                       (key: "path", value: .string("/Users")), (key: "data", value: .object(data))]))
        }
        let document = JSONValue.object(JSONObject([(key: "schemas", value: .array([.string(SCIMSchema.bulkRequest)])),
                                                    (key: "Operations", value: .array(operations))]))
        let path = cli.path(name)
        try Data(JSONWriter.compact.bytes(document)).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func sends() throws -> Int { try SendJournal(path: cli.journalPath).listing().count }

    func testLeavingActiveOutForMoreThanTheLimitIsRefusedUntilTheOperatorAllowsIt() throws {
        let first = try send([try payload(40, name: "all.json") { _ in true }])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertFalse(first.stderr.contains("disabled ("), "a first send has nothing to compare: \(first.stderr)")

        let leavers = try payload(40, name: "leavers.json") { i in i < 3 ? true : nil }
        let dry = try send(["--dry-run", leavers])
        XCTAssertEqual(dry.status, 2, dry.stderr)
        XCTAssertTrue(dry.stderr.contains("40 users: 0 new, 37 disabled (enabled → active false or left out)"), dry.stderr)

        let refused = try send([leavers])
        XCTAssertEqual(refused.status, 2, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("37 users would be disabled (g3, g4, g5, g6, g7, …), over the limit of 2: nothing sent"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("--allow-disable"), refused.stderr)
        XCTAssertEqual(try sends(), 1, "nothing journaled, nothing sent")

        let raised = try send(["--max-disable", "40", leavers])
        XCTAssertEqual(raised.status, 0, raised.stderr)
        XCTAssertEqual(try sends(), 2)
    }

    func testAllowDisableSendsAndSaysSoAndAsIsIsGuardedToo() throws {
        XCTAssertEqual(try send([try payload(20, name: "all.json") { _ in true }]).status, 0)
        let leavers = try payload(20, name: "leavers.json") { i in i < 10 ? true : false }
        let asIs = try send(["--as-is", leavers])
        XCTAssertEqual(asIs.status, 2, asIs.stderr)
        XCTAssertTrue(asIs.stderr.contains("10 users would be disabled"), asIs.stderr)
        let allowed = try send(["--allow-disable", leavers])
        XCTAssertEqual(allowed.status, 0, allowed.stderr)
        XCTAssertTrue(allowed.stderr.contains("disabling 10 users (g10, g11, g12, g13, g14, …), over the limit of 1 (--allow-disable)"), allowed.stderr)
    }

    func testANegativeLimitIsAUsageError() throws {
        let r = try send(["--max-disable=-1", try payload(1, name: "one.json") { _ in true }])
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("--max-disable takes a count of users"), r.stderr)
    }
}
