import Emulator
import Foundation
import Mapping
import Provisioning
import SCIM
import XCTest

/// The emulator's processing applies the job's schema, over loopback: only mapped attributes reach
/// the directory (an unmapped one is accepted and ignored, ENTRA.md §4), target values are the
/// computed ones, users are matched on the matchingPriority 1 attribute, and a PUT schema changes all three.
final class SchemaProcessingTests: XCTestCase {
    /// Processing time, fixed: nothing here reads the wall clock's value.
    private let later = Date(timeIntervalSince1970: 4_000_000_000)
    static let badge = "urn:ietf:params:scim:schemas:extension:contoso:1.0:User"

    /// Sends the records and processes them `step` minutes after `later`, so entries sort in order.
    private func send(_ h: EmulatorHarness, _ token: String, _ records: [String], step: Int = 0) async throws {
        let ops = records.enumerated().map { i, data in #"{"method":"POST","bulkId":"b\#(i)","path":"/Users","data":\#(data)}"# }
        let body = #"{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[\#(ops.joined(separator: ","))]}"#
        let r = try await h.request("POST", h.endpoint, token: token, body: body)
        XCTAssertEqual(r.status, 202, String(decoding: r.body, as: UTF8.self))
        await h.running.core.processDue(now: later + TimeInterval(step * 60))
    }

    /// The log entries of one source id, oldest first, read over HTTP.
    private func entries(_ h: EmulatorHarness, _ token: String, for id: String) async throws -> [JSONObject] {
        let url = "\(h.base)/v1.0/auditLogs/provisioning?$top=1000&$filter=sourceIdentity/id%20eq%20'\(id)'"
        let r = try await h.request("GET", url, token: token, contentType: nil)
        XCTAssertEqual(r.status, 200, String(decoding: r.body, as: UTF8.self))
        let all = r.json?["value"]?.arrayValue?.compactMap(\.objectValue) ?? []
        return all.sorted { ($0.string("activityDateTime") ?? "", $0.string("id") ?? "") < ($1.string("activityDateTime") ?? "", $1.string("id") ?? "") }
    }

    private func lastEntry(_ h: EmulatorHarness, _ token: String, for id: String) async throws -> JSONObject {
        let all = try await entries(h, token, for: id)
        return try XCTUnwrap(all.last, "no log entry for \(id)")
    }

    private func modified(_ entry: JSONObject) -> [String: String?] {
        var out: [String: String?] = [:]
        for change in entry["modifiedProperties"]?.arrayValue?.compactMap(\.objectValue) ?? [] {
            out[change.string("displayName") ?? ""] = change.string("newValue")
        }
        return out
    }

    private func putSchema(_ h: EmulatorHarness, _ token: String, _ schema: SynchronizationSchema) async throws {
        let url = h.endpoint.replacingOccurrences(of: "/bulkUpload", with: "/schema")
        let r = try await h.request("PUT", url, token: token, contentType: "application/json",
                                    body: String(decoding: schema.encoded(), as: UTF8.self))
        XCTAssertEqual(r.status, 204, String(decoding: r.body, as: UTF8.self))
    }

    private func record(_ id: String, userName: String, extra: String = "") -> String {
        #"{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"externalId":"\#(id)","userName":"\#(userName)"\#(extra)}"#
    }

    func testAnUnmappedAttributeIsAcceptedAndIgnoredWithoutALogProperty() async throws {
        let h = try await EmulatorHarness()
        let token = try await h.token()
        // nickName and the custom badgeId are not read by the default mapping; displayName is.
        let extra = #","active":true,"displayName":"Babs","nickName":"Babsy","\#(Self.badge)":{"badgeId":"B-77"}"#
        try await send(h, token, [record("701984", userName: "bjensen@contoso.com", extra: extra)])
        let found = await h.running.core.userProperties(externalId: "701984")
        let p = try XCTUnwrap(found)
        XCTAssertEqual(p["displayName"], "Babs")
        XCTAssertFalse(p.values.contains("Babsy"), "nickName is not mapped: \(p)")
        XCTAssertFalse(p.values.contains("B-77"), "badgeId is not mapped: \(p)")
        XCTAssertEqual(p["mailNickname"], "bjensen", "mailNickname comes from userName, not nickName")
        let entry = try await lastEntry(h, token, for: "701984")
        XCTAssertEqual(entry.object("provisioningStatusInfo")?.string("status"), "success")
        XCTAssertEqual(entry.string("provisioningAction"), "create")
        let names = Set(modified(entry).keys)
        XCTAssertEqual(names, ["accountEnabled", "displayName", "employeeId", "mailNickname", "userPrincipalName"])

        // Sending only a new unmapped value changes nothing: skipped, with no modified property.
        let changed = #","active":true,"displayName":"Babs","nickName":"Other","\#(Self.badge)":{"badgeId":"B-78"}"#
        try await send(h, token, [record("701984", userName: "bjensen@contoso.com", extra: changed)], step: 1)
        let second = try await lastEntry(h, token, for: "701984")
        XCTAssertEqual(second.string("provisioningAction"), "other")
        XCTAssertEqual(second.object("provisioningStatusInfo")?.string("status"), "skipped")
        XCTAssertEqual(modified(second).count, 0)
        await h.stop()
    }

    func testModifiedPropertiesShowTheComputedTargetValues() async throws {
        let h = try await EmulatorHarness()
        let token = try await h.token()
        // No `active`: the default Switch computes accountEnabled False (ENTRA.md §4's trap).
        try await send(h, token, [record("42", userName: "Ada.Lovelace@contoso.com")])
        let created = try await lastEntry(h, token, for: "42")
        let values = modified(created)
        XCTAssertEqual(values["mailNickname"], "Ada.Lovelace", "the Replace drops the suffix")
        XCTAssertEqual(values["accountEnabled"], "False")
        XCTAssertEqual(values["employeeId"], "42")
        XCTAssertEqual(values["userPrincipalName"], "Ada.Lovelace@contoso.com")

        try await send(h, token, [record("42", userName: "ada@fabrikam.com", extra: #","active":true"#)], step: 1)
        let updated = try await lastEntry(h, token, for: "42")
        XCTAssertEqual(updated.string("provisioningAction"), "update")
        XCTAssertEqual(modified(updated), ["mailNickname": "ada", "accountEnabled": "True", "userPrincipalName": "ada@fabrikam.com"])
        let changes = updated["modifiedProperties"]?.arrayValue?.compactMap(\.objectValue) ?? []
        let nick = changes.first { $0.string("displayName") == "mailNickname" }
        XCTAssertEqual(nick?.string("oldValue"), "Ada.Lovelace")
        await h.stop()
    }

    /// A schema that matches on userName → userPrincipalName instead of externalId → employeeId.
    private func matchingOnUserName() -> SynchronizationSchema {
        var schema = SynchronizationSchema.defaultAPIDriven
        var mappings = schema.synchronizationRules[0].objectMappings[0].attributeMappings
        for i in mappings.indices {
            switch mappings[i].targetAttributeName {
            case "employeeId": mappings[i].matchingPriority = nil
            case "userPrincipalName": mappings[i].matchingPriority = 1
            default: break
            }
        }
        schema.synchronizationRules[0].objectMappings[0].attributeMappings = mappings
        return schema
    }

    func testAPutSchemaMatchesOnItsMatchingAttribute() async throws {
        let h = try await EmulatorHarness()
        let token = try await h.token()
        try await putSchema(h, token, matchingOnUserName())
        try await send(h, token, [record("old-1", userName: "grace@contoso.com", extra: #","active":true,"displayName":"Grace""#)])
        // Another externalId with the same userName is the same person under this schema.
        try await send(h, token, [record("new-1", userName: "GRACE@contoso.com", extra: #","active":true,"displayName":"Grace Hopper""#)], step: 1)
        let count = await h.running.core.userCount()
        XCTAssertEqual(count, 1, "matched on userPrincipalName, not created again")
        let found = await h.running.core.userProperties(externalId: "new-1")
        let p = try XCTUnwrap(found)
        XCTAssertEqual(p["employeeId"], "new-1")
        XCTAssertEqual(p["displayName"], "Grace Hopper")
        let entry = try await lastEntry(h, token, for: "new-1")
        XCTAssertEqual(entry.string("provisioningAction"), "update")
        XCTAssertEqual(modified(entry)["employeeId"], "new-1")
        await h.stop()
    }

    func testTheDefaultMatchesOnExternalIdSoAnotherIdIsAnotherUser() async throws {
        let h = try await EmulatorHarness()
        let token = try await h.token()
        try await send(h, token, [record("a", userName: "x@contoso.com", extra: #","active":true"#)])
        try await send(h, token, [record("b", userName: "x@contoso.com", extra: #","active":true"#)], step: 1)
        let count = await h.running.core.userCount()
        XCTAssertEqual(count, 1)
        let entry = try await lastEntry(h, token, for: "b")
        XCTAssertEqual(entry.object("provisioningStatusInfo")?.string("status"), "failure",
                       "a new user (matched on employeeId) whose UPN another holds")
        await h.stop()
    }

    func testACustomAttributeFlowsOnceAPutSchemaMapsIt() async throws {
        let h = try await EmulatorHarness()
        let token = try await h.token()
        let extra = #","active":true,"\#(Self.badge)":{"badgeId":"B-77"}"#
        try await send(h, token, [record("7", userName: "linus@contoso.com", extra: extra)])
        let before = await h.running.core.userProperties(externalId: "7")
        XCTAssertNil(before?["officeLocation"])

        var schema = SynchronizationSchema.defaultAPIDriven
        let path = "\(Self.badge):badgeId"
        schema.directories[0].objects[0].attributes.append(AttributeDefinition(name: path))
        schema.synchronizationRules[0].objectMappings[0].attributeMappings.append(
            AttributeMapping(source: .function(#"Join("-", "Badge", [\#(path)])"#), targetAttributeName: "officeLocation"))
        try await putSchema(h, token, schema)
        try await send(h, token, [record("7", userName: "linus@contoso.com", extra: extra)], step: 1)
        let after = await h.running.core.userProperties(externalId: "7")
        XCTAssertEqual(after?["officeLocation"], "Badge-B-77")
        let entry = try await lastEntry(h, token, for: "7")
        XCTAssertEqual(entry.string("provisioningAction"), "update")
        XCTAssertEqual(modified(entry), ["officeLocation": "Badge-B-77"])
        await h.stop()
    }
}
