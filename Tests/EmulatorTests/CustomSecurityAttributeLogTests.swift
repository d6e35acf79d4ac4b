import Emulator
import Foundation
import Mapping
import Provisioning
import SCIM
import XCTest

/// Custom security attributes in the emulator's provisioning logs, over loopback (ENTRA.md §4;
/// Microsoft: "The source and target values of custom security attributes are redacted in the
/// provisioning logs"): the directory holds the value, the logs never show it.
final class CustomSecurityAttributeLogTests: XCTestCase {
    private let later = Date(timeIntervalSince1970: 4_000_000_000)
    static let csa = "urn:ietf:params:scim:schemas:extension:microsoft:entra:csa"
    static let payGrade = "CustomSecurityAttributes.HRConfidentialData_PayGrade"
    static let startDate = "CustomSecurityAttributes.HRConfidentialData_StartDate"

    /// Microsoft's page's mapping (csa:PayGrade → the PayGrade CSA), a normal target computed from a
    /// CSA source (department), and a CSA target whose expression can fail (CDate).
    static func schema() -> SynchronizationSchema {
        var schema = SynchronizationSchema.defaultAPIDriven
        for name in ["PayGrade", "StartDate"] {
            schema.directories[0].objects[0].attributes.append(AttributeDefinition(name: "\(csa):\(name)"))
        }
        schema.synchronizationRules[0].objectMappings[0].attributeMappings += [
            AttributeMapping(source: .attribute("\(csa):PayGrade"), targetAttributeName: payGrade),
            AttributeMapping(source: .function(#"Join("-", "Grade", [\#(csa):PayGrade])"#), targetAttributeName: "department"),
            AttributeMapping(source: .function(#"CDate([\#(csa):StartDate])"#), targetAttributeName: startDate),
        ]
        return schema
    }

    static func record(_ id: String, payGrade: String, startDate: String = "2026-01-05T08:00:00Z") -> String {
        #"{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","\#(csa)"],"externalId":"\#(id)","userName":"\#(id)@contoso.com","#
            + #""displayName":"Worker \#(id)","active":true,"\#(csa)":{"PayGrade":"\#(payGrade)","StartDate":"\#(startDate)"}}"#
    }

    private func putSchema(_ h: EmulatorHarness, _ token: String) async throws {
        let url = h.endpoint.replacingOccurrences(of: "/bulkUpload", with: "/schema")
        let r = try await h.request("PUT", url, token: token, contentType: "application/json",
                                    body: String(decoding: Self.schema().encoded(), as: UTF8.self))
        XCTAssertEqual(r.status, 204, String(decoding: r.body, as: UTF8.self))
    }

    private func send(_ h: EmulatorHarness, _ token: String, _ record: String, step: Int) async throws {
        let body = #"{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[{"method":"POST","bulkId":"b","path":"/Users","data":\#(record)}]}"#
        let r = try await h.request("POST", h.endpoint, token: token, body: body)
        XCTAssertEqual(r.status, 202, String(decoding: r.body, as: UTF8.self))
        await h.running.core.processDue(now: later + TimeInterval(step * 60))
    }

    /// The newest entry of one user, and the whole answer's text (to prove a value appears nowhere).
    private func lastEntry(_ h: EmulatorHarness, _ token: String, _ id: String) async throws -> (JSONObject, String) {
        let url = "\(h.base)/v1.0/auditLogs/provisioning?$top=1000&$orderby=activityDateTime%20desc&$filter=sourceIdentity/id%20eq%20'\(id)'"
        let r = try await h.request("GET", url, token: token, contentType: nil)
        XCTAssertEqual(r.status, 200, String(decoding: r.body, as: UTF8.self))
        let entry = try XCTUnwrap(r.json?["value"]?.arrayValue?.first?.objectValue, "no log entry for \(id)")
        return (entry, String(decoding: r.body, as: UTF8.self))
    }

    private func change(_ entry: JSONObject, _ property: String) -> (old: JSONValue?, new: JSONValue?)? {
        let changes = entry["modifiedProperties"]?.arrayValue?.compactMap(\.objectValue) ?? []
        return changes.first { $0.string("displayName") == property }.map { ($0["oldValue"], $0["newValue"]) }
    }

    func testTheValuesAreStoredButRedactedInModifiedPropertiesOnCreateAndUpdate() async throws {
        let h = try await EmulatorHarness()
        let token = try await h.token()
        try await putSchema(h, token)
        try await send(h, token, Self.record("701984", payGrade: "IC-Level5"), step: 0)
        let stored = await h.running.core.userProperties(externalId: "701984")
        XCTAssertEqual(stored?[Self.payGrade], "IC-Level5", "the directory holds the real value")
        XCTAssertEqual(stored?["department"], "Grade-IC-Level5")
        let (created, createdText) = try await lastEntry(h, token, "701984")
        XCTAssertEqual(created.string("provisioningAction"), "create")
        XCTAssertEqual(change(created, Self.payGrade)?.new, .string("[Redact]"))
        XCTAssertEqual(change(created, Self.payGrade)?.old, .null, "no old value stays null, as for Redact()")
        XCTAssertEqual(change(created, "department")?.new, .string("[Redact]"), "a value read from a CSA is hidden too")
        XCTAssertEqual(change(created, "displayName")?.new, .string("Worker 701984"), "other properties are shown")
        XCTAssertFalse(createdText.contains("IC-Level5"), createdText)

        try await send(h, token, Self.record("701984", payGrade: "Manager-Level2"), step: 1)
        let (updated, updatedText) = try await lastEntry(h, token, "701984")
        XCTAssertEqual(updated.string("provisioningAction"), "update")
        XCTAssertEqual(change(updated, Self.payGrade)?.old, .string("[Redact]"))
        XCTAssertEqual(change(updated, Self.payGrade)?.new, .string("[Redact]"))
        XCTAssertFalse(updatedText.contains("IC-Level5") || updatedText.contains("Manager-Level2"), updatedText)
        let after = await h.running.core.userProperties(externalId: "701984")
        XCTAssertEqual(after?[Self.payGrade], "Manager-Level2")
        await h.stop()
    }

    func testAFailingCSAMappingDoesNotQuoteTheValueInTheReason() async throws {
        let h = try await EmulatorHarness()
        let token = try await h.token()
        try await putSchema(h, token)
        try await send(h, token, Self.record("42", payGrade: "IC-Level5", startDate: "secret-start-xyz"), step: 0)
        let (entry, text) = try await lastEntry(h, token, "42")
        let error = entry.object("provisioningStatusInfo")?.object("errorInformation")
        XCTAssertEqual(error?.string("errorCode"), "AttributeMappingEvaluationFailure")
        let reason = error?.string("reason") ?? ""
        XCTAssertTrue(reason.contains(Self.startDate) && reason.contains("redacted"), reason)
        XCTAssertFalse(text.contains("secret-start-xyz"), text)
        let exists = await h.running.core.userExists(externalId: "42")
        XCTAssertFalse(exists, "a failing mapping writes nothing of the user")
        await h.stop()
    }

    func testWithoutAMappingTheCSAObjectIsIgnoredAndNeverLogged() async throws {
        let h = try await EmulatorHarness()
        let token = try await h.token()
        try await send(h, token, Self.record("7", payGrade: "IC-Level5"), step: 0)
        let (entry, text) = try await lastEntry(h, token, "7")
        XCTAssertEqual(entry.string("provisioningAction"), "create")
        XCTAssertNil(change(entry, Self.payGrade))
        XCTAssertFalse(text.contains("IC-Level5"), text)
        let stored = await h.running.core.userProperties(externalId: "7")
        XCTAssertFalse(stored?.values.contains("IC-Level5") ?? true, "the default mapping does not read the csa namespace")
        await h.stop()
    }
}
