import Emulator
import Foundation
import Mapping
import SCIM
import XCTest

/// `send --schema FILE`: the job's mapping checked before anything goes (issue 12 §2): an empty
/// matching attribute stops the send unless --force, an attribute no mapping reads is said and sent.
final class SendSchemaCommandTests: XCTestCase {
    static let contoso = "urn:ietf:params:scim:schemas:extension:contoso:1.0:User"
    var cli: CLIEmulator!
    var emulator: RunningEmulator! { cli.emulator }
    var scratch: URL { cli.scratch }

    override func setUp() async throws { cli = try CLIEmulator("scimterm-send-schema") }

    override func tearDown() async throws { await cli.stop() }

    private func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = scratch.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Two users without a work email; the second carries the contoso badgeId the default mapping does not read.
    private func users() throws -> String {
        let records: [JSONValue] = [
            ["schemas": [.string(SCIMSchema.user)], "externalId": "w0", "userName": "w0@contoso.com", "active": true],
            ["schemas": [.string(SCIMSchema.user), .string(Self.contoso)], "externalId": "w1",
             "userName": "w1@contoso.com", "active": true, Self.contoso: ["badgeId": "B-17"]],
        ]
        return try write("users.json", JSONWriter.compact.bytes(.array(records)))
    }

    private func schema() throws -> String { try write("schema.json", SynchronizationSchema.defaultAPIDriven.encoded()) }

    /// The default mapping, but matching on mail (the work email) instead of externalId.
    private func schemaMatchingOnMail() throws -> String {
        var schema = SynchronizationSchema.defaultAPIDriven
        for i in schema.synchronizationRules[0].objectMappings[0].attributeMappings.indices {
            let mapping = schema.synchronizationRules[0].objectMappings[0].attributeMappings[i]
            schema.synchronizationRules[0].objectMappings[0].attributeMappings[i].matchingPriority = mapping.targetAttributeName == "mail" ? 1 : 0
        }
        return try write("schema-mail.json", schema.encoded())
    }

    private let now = ["--now", "2026-12-05T09:00:00Z"]

    func testAnUnreadAttributeIsSaidAndTheUsersAreSent() async throws {
        try await cli.start()
        let r = try cli.run(["send", try users(), "--schema", try schema()] + now + cli.connection)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("accepted and ignored: the job's mapping does not read \(Self.contoso):badgeId"), r.stderr)
        XCTAssertTrue(r.stderr.contains("[schema.attribute.unread]"), r.stderr)
        let accepted = await emulator.core.statistics.accepted
        XCTAssertEqual(accepted, 1, "one document with both users")
    }

    func testWithoutSchemaNothingOfTheMappingIsSaid() async throws {
        try await cli.start()
        let r = try cli.run(["send", try users()] + cli.connection)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertFalse(r.stderr.contains("schema."), r.stderr)
    }

    func testAnEmptyMatchingAttributeStopsTheSendUnlessForced() async throws {
        try await cli.start()
        let input = try users()
        let plain = try cli.run(["send", input, "--dry-run"] + cli.connection)
        XCTAssertFalse(plain.stderr.contains("schema.matching.empty"), "without --schema the mapping is not checked: " + plain.stderr)
        let stopped = try cli.run(["send", input, "--schema", try schemaMatchingOnMail()] + now + cli.connection)
        XCTAssertEqual(stopped.status, 2, stopped.stderr)
        XCTAssertEqual(stopped.stderr.components(separatedBy: "[schema.matching.empty]").count, 3, "both users: " + stopped.stderr)
        XCTAssertTrue(stopped.stderr.contains("nothing sent"), stopped.stderr)
        var accepted = await emulator.core.statistics.accepted
        XCTAssertEqual(accepted, 0)
        let forced = try cli.run(["send", input, "--schema", try schemaMatchingOnMail(), "--force"] + now + cli.connection)
        XCTAssertEqual(forced.status, 0, forced.stderr)
        accepted = await emulator.core.statistics.accepted
        XCTAssertEqual(accepted, 1)
    }

    func testAnUnreadableSchemaIsAUsageErrorBeforeAnythingIsSent() async throws {
        try await cli.start()
        let bad = try write("schema.json", Array("{not json".utf8))
        let r = try cli.run(["send", try users(), "--schema", bad] + cli.connection)
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("--schema"), r.stderr)
        let accepted = await emulator.core.statistics.accepted
        XCTAssertEqual(accepted, 0)
    }
}
