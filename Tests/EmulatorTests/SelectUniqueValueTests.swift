import Emulator
import Foundation
import Mapping
import Provisioning
import SCIM
import XCTest

/// SelectUniqueValue in the emulator's processing, over loopback: Microsoft's reference says it
/// gives "the first value that is unique in the target directory", so the emulator asks its
/// directory (users applied earlier in the same upload included), while the local evaluator, which
/// has no directory, keeps taking the first candidate.
final class SelectUniqueValueTests: XCTestCase {
    private let later = Date(timeIntervalSince1970: 4_000_000_000)

    /// givenName@contoso.com, else givenName.familyName@…, else the initial and familyName.
    static let upnExpression = #"SelectUniqueValue(Join("@", [name.givenName], "contoso.com"), "#
        + #"Join("@", Join(".", [name.givenName], [name.familyName]), "contoso.com"), "#
        + #"Join("@", Join(".", Left([name.givenName], 1), [name.familyName]), "contoso.com"))"#
    static let nicknameExpression = #"SelectUniqueValue(ToLower([name.givenName]), ToLower(Join("", [name.givenName], [name.familyName])), "#
        + #"ToLower(Join("", Left([name.givenName], 1), [name.familyName], "2")))"#

    private func schema() -> SynchronizationSchema {
        var schema = SynchronizationSchema.defaultAPIDriven
        var mappings = schema.synchronizationRules[0].objectMappings[0].attributeMappings
        for i in mappings.indices {
            switch mappings[i].targetAttributeName {
            case "userPrincipalName": mappings[i].source = .function(Self.upnExpression)
            case "mailNickname": mappings[i].source = .function(Self.nicknameExpression)
            default: break
            }
        }
        schema.synchronizationRules[0].objectMappings[0].attributeMappings = mappings
        return schema
    }

    private func record(_ id: String, _ given: String, _ family: String) -> String {
        #"{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"externalId":"\#(id)","userName":"\#(id)@hr.example","#
            + #""active":true,"name":{"givenName":"\#(given)","familyName":"\#(family)"}}"#
    }

    private func setUp(_ h: EmulatorHarness, _ token: String) async throws {
        let url = h.endpoint.replacingOccurrences(of: "/bulkUpload", with: "/schema")
        let r = try await h.request("PUT", url, token: token, contentType: "application/json",
                                    body: String(decoding: schema().encoded(), as: UTF8.self))
        XCTAssertEqual(r.status, 204, String(decoding: r.body, as: UTF8.self))
    }

    private func send(_ h: EmulatorHarness, _ token: String, _ records: [String], step: Int) async throws {
        let ops = records.enumerated().map { i, data in #"{"method":"POST","bulkId":"b\#(i)","path":"/Users","data":\#(data)}"# }
        let body = #"{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[\#(ops.joined(separator: ","))]}"#
        let r = try await h.request("POST", h.endpoint, token: token, body: body)
        XCTAssertEqual(r.status, 202, String(decoding: r.body, as: UTF8.self))
        await h.running.core.processDue(now: later + TimeInterval(step * 60))
    }

    /// The newest log entry of one user, read over HTTP.
    private func lastEntry(_ h: EmulatorHarness, _ token: String, _ id: String) async throws -> JSONObject {
        let url = "\(h.base)/v1.0/auditLogs/provisioning?$top=1000&$orderby=activityDateTime%20desc&$filter=sourceIdentity/id%20eq%20'\(id)'"
        let r = try await h.request("GET", url, token: token, contentType: nil)
        XCTAssertEqual(r.status, 200, String(decoding: r.body, as: UTF8.self))
        return try XCTUnwrap(r.json?["value"]?.arrayValue?.first?.objectValue, "no log entry for \(id)")
    }

    private func newValue(_ entry: JSONObject, _ property: String) -> String? {
        let changes = entry["modifiedProperties"]?.arrayValue?.compactMap(\.objectValue) ?? []
        return changes.first { $0.string("displayName") == property }?.string("newValue")
    }

    func testTwoUsersWhoseFirstCandidateCollidesGetTheNextOneInOneUpload() async throws {
        let h = try await EmulatorHarness()
        let token = try await h.token()
        try await setUp(h, token)
        try await send(h, token, [record("1", "John", "Smith"), record("2", "John", "Doe")], step: 0)
        let first = await h.running.core.userProperties(externalId: "1")
        let second = await h.running.core.userProperties(externalId: "2")
        XCTAssertEqual(first?["userPrincipalName"], "John@contoso.com")
        XCTAssertEqual(second?["userPrincipalName"], "John.Doe@contoso.com", "the first candidate is taken by user 1")
        XCTAssertEqual(first?["mailNickname"], "john")
        XCTAssertEqual(second?["mailNickname"], "johndoe", "another target attribute is checked against its own values")
        let entry = try await lastEntry(h, token, "2")
        XCTAssertEqual(entry.object("provisioningStatusInfo")?.string("status"), "success")
        XCTAssertEqual(newValue(entry, "userPrincipalName"), "John.Doe@contoso.com")
        XCTAssertEqual(newValue(entry, "mailNickname"), "johndoe")
        await h.stop()
    }

    func testALaterUploadSeesTheDirectoryAndAnUpdateKeepsItsOwnValue() async throws {
        let h = try await EmulatorHarness()
        let token = try await h.token()
        try await setUp(h, token)
        try await send(h, token, [record("1", "John", "Smith"), record("2", "John", "Doe")], step: 0)
        // Case differs: Entra's userPrincipalName is unique without regard to case.
        try await send(h, token, [record("3", "JOHN", "Doe")], step: 1)
        let third = await h.running.core.userProperties(externalId: "3")
        XCTAssertEqual(third?["userPrincipalName"], "J.Doe@contoso.com", "both earlier candidates are held")
        XCTAssertEqual(third?["mailNickname"], "jdoe2")
        // User 1 sent again: the value it holds itself is not "taken", so nothing changes.
        try await send(h, token, [record("1", "John", "Smith")], step: 2)
        let again = try await lastEntry(h, token, "1")
        XCTAssertEqual(again.string("provisioningAction"), "other")
        XCTAssertEqual(again.object("provisioningStatusInfo")?.string("status"), "skipped")
        let first = await h.running.core.userProperties(externalId: "1")
        XCTAssertEqual(first?["userPrincipalName"], "John@contoso.com")
        await h.stop()
    }

    func testEveryCandidateTakenFailsTheUserWithoutWritingIt() async throws {
        let h = try await EmulatorHarness()
        let token = try await h.token()
        try await setUp(h, token)
        try await send(h, token, [record("1", "Jo", "Doe"), record("2", "Jo", "Doe"), record("3", "Jo", "Doe")], step: 0)
        try await send(h, token, [record("4", "Jo", "Doe")], step: 1)
        let fourth = await h.running.core.userExists(externalId: "4")
        XCTAssertFalse(fourth)
        let entry = try await lastEntry(h, token, "4")
        let info = entry.object("provisioningStatusInfo")
        XCTAssertEqual(info?.string("status"), "failure")
        let error = info?.object("errorInformation")
        XCTAssertEqual(error?.string("errorCode"), "AttributeMappingEvaluationFailure")
        let reason = error?.string("reason") ?? ""
        XCTAssertTrue(reason.contains("every candidate already exists"), reason)
        XCTAssertTrue(reason.contains("'userPrincipalName'") && reason.contains("J.Doe@contoso.com"), reason)
        await h.stop()
    }

    /// The local evaluator (preview, validate, `scimterm evaluate`) has no directory: the first
    /// candidate, for every user, as documented in docs/EMULATOR.md.
    func testTheLocalEvaluatorWithoutADirectoryTakesTheFirstCandidate() throws {
        let compiled = CompiledMapping(schema: schema())
        let records = try [record("1", "John", "Smith"), record("2", "John", "Doe")].map {
            try XCTUnwrap(JSONParser.parse(Array($0.utf8)).objectValue)
        }
        let users = compiled.evaluate(records: records, in: EvaluationContext(now: later))
        XCTAssertEqual(users.map { $0["userPrincipalName"]?.flowingValue }, [.string("John@contoso.com"), .string("John@contoso.com")])
    }
}
