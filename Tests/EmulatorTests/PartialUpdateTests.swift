import Emulator
import Foundation
import SCIM
import XCTest

/// Updates are partial unless the job flows null values (ENTRA.md §4), on Microsoft's own
/// example: a full record, then a minimal update with externalId, userName and active only.
final class PartialUpdateTests: XCTestCase {
    private let t0 = CoreDriver.t0

    /// Shaped after Microsoft's Example 1 (a full worker record with the enterprise extension).
    static func fullRecord(_ id: String = "701984", manager: String? = "89607") -> String {
        let managerJSON = manager.map { #","manager":{"value":"\#($0)","displayName":"John Smith"}"# } ?? ""
        return #"""
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
         "externalId":"\#(id)","userName":"bjensen\#(id)@contoso.com",
         "name":{"formatted":"Ms. Barbara J Jensen, III","familyName":"Jensen","givenName":"Barbara","middleName":"Jane","honorificPrefix":"Ms.","honorificSuffix":"III"},
         "displayName":"Babs Jensen","nickName":"Babs",
         "emails":[{"value":"bjensen@contoso.com","type":"work","primary":true}],
         "addresses":[{"type":"work","streetAddress":"234300 Some Address","locality":"Redmond","region":"WA","postalCode":"12345","country":"USA","primary":true}],
         "phoneNumbers":[{"value":"12345678","type":"work"}],
         "userType":"Employee","title":"Tour Guide","preferredLanguage":"en-US","locale":"en-US","timezone":"America/Los_Angeles","active":true,
         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"\#(id)","costCenter":"4130","organization":"Universal Studios",
           "division":"Theme Park","department":"Tour Operations"\#(managerJSON)}}
        """#
    }

    static func minimal(_ id: String = "701984", active: String = #","active":true"#) -> String {
        #"{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"externalId":"\#(id)","userName":"bjensen\#(id)@contoso.com"\#(active)}"#
    }

    /// Every property besides the four the minimal record gives a value (employeeId, userPrincipalName,
    /// accountEnabled, and mailNickname, which the default mapping computes from userName).
    static let leftOut = ["city", "companyName", "country", "department", "displayName", "employeeType", "givenName",
                          "jobTitle", "mail", "postalCode", "preferredLanguage", "state", "streetAddress", "surname",
                          "telephoneNumber"]

    private func entry(_ d: CoreDriver, for id: String, at now: Date) async throws -> JSONObject {
        let entries = try await d.logs(at: now).filter { $0.object("sourceIdentity")?.string("id") == id }
        return try XCTUnwrap(entries.last { $0.string("activityDateTime") == GraphTime.string(now) })
    }

    private func modifiedNames(_ e: JSONObject) -> [String] {
        (e["modifiedProperties"]?.arrayValue ?? []).compactMap { $0.objectValue?.string("displayName") }
    }

    func testAMinimalUpdateLeavesEveryOtherAttributeUnchanged() async throws {
        let d = CoreDriver()
        try await d.send([Self.fullRecord("89607", manager: nil), Self.fullRecord()], at: t0)
        let beforeFound = await d.core.userProperties(externalId: "701984")
        let before = try XCTUnwrap(beforeFound)
        XCTAssertEqual(before.count, 19, "the full record sets every mapped property it carries: \(before.keys.sorted())")
        try await d.send([Self.minimal()], at: t0 + 60)
        let after = await d.core.userProperties(externalId: "701984")
        XCTAssertEqual(after, before)
        let manager = await d.core.userManager(externalId: "701984")
        XCTAssertEqual(manager, "89607")
        let e = try await entry(d, for: "701984", at: t0 + 60)
        XCTAssertEqual(e.string("provisioningAction"), "other")
        XCTAssertEqual(e.object("provisioningStatusInfo")?.string("status"), "skipped")
        XCTAssertEqual(modifiedNames(e), [])
    }

    func testWithFlowNullValuesTheMinimalUpdateClearsWhatItLeavesOut() async throws {
        let d = CoreDriver { $0.flowNullValues = true }
        try await d.send([Self.fullRecord("89607", manager: nil), Self.fullRecord()], at: t0)
        let beforeFound = await d.core.userProperties(externalId: "701984")
        let before = try XCTUnwrap(beforeFound)
        try await d.send([Self.minimal()], at: t0 + 60)
        let afterFound = await d.core.userProperties(externalId: "701984")
        let after = try XCTUnwrap(afterFound)
        XCTAssertEqual(after, ["employeeId": "701984", "userPrincipalName": "bjensen701984@contoso.com", "accountEnabled": "True",
                               "mailNickname": "bjensen701984"])
        let manager = await d.core.userManager(externalId: "701984")
        XCTAssertNil(manager)
        let e = try await entry(d, for: "701984", at: t0 + 60)
        XCTAssertEqual(e.string("provisioningAction"), "update")
        XCTAssertEqual(modifiedNames(e), Self.leftOut + ["manager"])
        for change in e["modifiedProperties"]?.arrayValue?.compactMap(\.objectValue) ?? [] {
            let name = change.string("displayName") ?? ""
            XCTAssertEqual(change["newValue"], .null, name)
            if name != "manager" { XCTAssertEqual(change.string("oldValue"), before[name], name) }
        }
    }

    func testExplicitNullsLeaveValuesUnchangedUnlessNullsFlow() async throws {
        let nulls = #"{"externalId":"701984","userName":"bjensen701984@contoso.com","active":true,"title":null,"displayName":"","name":null,"emails":null}"#
        for flow in [false, true] {
            let d = CoreDriver { $0.flowNullValues = flow }
            try await d.send([Self.fullRecord(manager: nil)], at: t0)
            try await d.send([nulls], at: t0 + 60)
            let pFound = await d.core.userProperties(externalId: "701984")
            let p = try XCTUnwrap(pFound)
            for property in ["jobTitle", "displayName", "givenName", "surname", "mail"] {
                XCTAssertEqual(p[property] == nil, flow, "\(property) with flowNullValues \(flow)")
            }
            XCTAssertEqual(p["department"] == nil, flow, "left out entirely")
        }
    }

    func testAValueSentReplacesAndOnlyRealChangesAreListed() async throws {
        let d = CoreDriver()
        try await d.send([Self.fullRecord(manager: nil)], at: t0)
        let update = #"{"externalId":"701984","userName":"bjensen701984@contoso.com","active":true,"title":"Head Guide","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Tour Operations"}}"#
        try await d.send([update], at: t0 + 60)
        let e = try await entry(d, for: "701984", at: t0 + 60)
        XCTAssertEqual(e.string("provisioningAction"), "update")
        let changes = e["modifiedProperties"]?.arrayValue?.compactMap(\.objectValue) ?? []
        XCTAssertEqual(changes.map { $0.string("displayName") }, ["jobTitle"])
        XCTAssertEqual(changes.first?.string("oldValue"), "Tour Guide")
        XCTAssertEqual(changes.first?.string("newValue"), "Head Guide")
    }

    func testLeavingOutActiveDisablesEvenInPartialMode() async throws {
        let d = CoreDriver()
        try await d.send([Self.fullRecord(manager: nil)], at: t0)
        try await d.send([Self.minimal(active: "")], at: t0 + 60)
        let p = await d.core.userProperties(externalId: "701984")
        XCTAssertEqual(p?["accountEnabled"], "False")
        XCTAssertEqual(p?["department"], "Tour Operations", "the rest is unchanged")
        let e = try await entry(d, for: "701984", at: t0 + 60)
        XCTAssertEqual(e.string("provisioningAction"), "disable")
        XCTAssertEqual(modifiedNames(e), ["accountEnabled"])
    }
}

/// Graph's date-time text, as the emulator writes `activityDateTime`.
enum GraphTime {
    static func string(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }
}
