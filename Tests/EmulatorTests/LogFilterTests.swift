import Emulator
import Foundation
import Provisioning
import SCIM
import XCTest

/// The provisioning logs' `$filter` as Graph reads it: or, and, parentheses, contains, startswith,
/// dates, the documented properties, case rules, beta's names; and a 400 naming the part for every
/// filter that cannot be read, never an empty list.
final class LogFilterTests: XCTestCase {
    private let t0 = CoreDriver.t0

    /// Four users at t0 (one of them a userName clash, so a failure), one more a minute later.
    private func seeded() async throws -> CoreDriver {
        let d = CoreDriver()
        try await d.send([
            #"{"externalId":"1001","userName":"zoe@contoso.com","displayName":"Zoë Ångström","active":true}"#,
            #"{"externalId":"2002","userName":"siobhan@contoso.com","displayName":"Siobhán O'Brien","active":true}"#,
            #"{"externalId":"1005","userName":"lukasz@contoso.com","displayName":"Łukasz Kowalczyk","active":true}"#,
            #"{"externalId":"1006","userName":"LUKASZ@contoso.com","displayName":"Łukasz Nowak","active":true}"#,
        ], at: t0)
        try await d.send([#"{"externalId":"1003","userName":"bjorn@contoso.com","displayName":"Björn Søndergaard","active":true}"#], at: t0 + 60)
        return d
    }

    private struct Answer {
        var status: Int
        var body: JSONObject
        var ids: [String] {
            (body["value"]?.arrayValue ?? []).compactMap { $0.objectValue?["sourceIdentity"]?.objectValue?["id"]?.stringValue }.sorted()
        }
        var message: String { body["error"]?.objectValue?["message"]?.stringValue ?? "" }
        var code: String { body["error"]?.objectValue?["code"]?.stringValue ?? "" }
    }

    private func query(_ d: CoreDriver, _ filter: String, version: String = "v1.0", extra: [String: String] = [:]) async throws -> Answer {
        let token = try await d.token(at: t0 + 120)
        var query = ["$filter": filter, "$top": "100"]
        query.merge(extra) { _, new in new }
        let r = await d.core.handle(EmulatorRequest(method: "GET", path: "/\(version)/auditLogs/provisioning", query: query,
                                                    headers: [("Authorization", "Bearer \(token)")]), now: t0 + 120)
        return Answer(status: r.status, body: try JSONParser.parse(r.body).objectValue ?? [:])
    }

    private func ids(_ d: CoreDriver, _ filter: String, version: String = "v1.0", file: StaticString = #filePath, line: UInt = #line) async throws -> [String] {
        let a = try await query(d, filter, version: version)
        XCTAssertEqual(a.status, 200, a.message, file: file, line: line)
        return a.ids
    }

    func testOrAndNestedParentheses() async throws {
        let d = try await seeded()
        let job = "jobId eq '\(SandboxIds.job)'"
        let ids1 = try await ids(d, "sourceIdentity/id eq '1001' or sourceIdentity/id eq '1003'")
        XCTAssertEqual(ids1, ["1001", "1003"])
        let ids2 = try await ids(d, "\(job) and (sourceIdentity/id eq '1001' or (sourceIdentity/id eq '1006' and provisioningStatusInfo/status eq 'failure'))")
        XCTAssertEqual(ids2, ["1001", "1006"])
        let ids3 = try await ids(d, "((provisioningStatusInfo/status eq 'failure')) or sourceIdentity/id eq '2002' and provisioningAction eq 'update'")
        XCTAssertEqual(ids3, ["1006"], "and binds tighter than or; 2002 was created, not updated")
        let ids4 = try await ids(d, "provisioningAction eq 'create' and provisioningStatusInfo/status ne 'failure'")
        XCTAssertEqual(ids4, ["1001", "1003", "1005", "2002"])
    }

    func testContainsAndStartswithAreCaseSensitiveLikeEveryValue() async throws {
        let d = try await seeded()
        let brien = try await ids(d, "contains(sourceIdentity/displayName,'Brien')")
        XCTAssertEqual(brien, ["2002"])
        let lower = try await ids(d, "contains(sourceIdentity/displayName,'brien')")
        XCTAssertEqual(lower, [], "values are case sensitive")
        let tens = try await ids(d, "startswith(sourceIdentity/id,'100')")
        XCTAssertEqual(tens, ["1001", "1003", "1005", "1006"])
        let both = try await ids(d, "STARTSWITH(sourceIdentity/id, '100') AND Contains(SourceIdentity/DisplayName, 'Łukasz')")
        XCTAssertEqual(both, ["1005", "1006"], "keywords, functions and property names in any case")
        let status = try await ids(d, "provisioningStatusInfo/status eq 'Failure'")
        XCTAssertEqual(status, [], "'Failure' is not 'failure'")
        let job = try await ids(d, "jobId eq '\(SandboxIds.job.uppercased())'")
        XCTAssertEqual(job, [], "the job id too is compared as written")
    }

    func testDatesCompareAsPointsInTime() async throws {
        let d = try await seeded()
        let minute = ISO8601DateFormatter().string(from: t0 + 60)
        let later = try await ids(d, "activityDateTime ge \(minute)")
        XCTAssertEqual(later, ["1003"])
        let earlier = try await ids(d, "activityDateTime le 2026-01-01T00:00:59Z")
        XCTAssertEqual(earlier, ["1001", "1005", "1006", "2002"])
        let fractions = try await ids(d, "activityDateTime gt 2026-01-01T00:00:59.9999999Z and activityDateTime le 2026-01-01T01:01:00+01:00")
        XCTAssertEqual(fractions, ["1003"], "seven digits of fraction and an offset, as Graph writes them")
        let exact = try await ids(d, "activityDateTime eq \(minute) or activityDateTime ne \(minute) and sourceIdentity/id eq '1001'")
        XCTAssertEqual(exact, ["1001", "1003"])
    }

    func testServicePrincipalTargetChangeAndCycleIds() async throws {
        let d = try await seeded()
        let all = try await ids(d, "servicePrincipal/id eq '\(SandboxIds.servicePrincipal)'")
        XCTAssertEqual(all, ["1001", "1003", "1005", "1006", "2002"])
        let other = try await ids(d, "servicePrincipal/id eq '00000000-0000-0000-0000-000000000000'")
        XCTAssertEqual(other, [])
        let answer = try await query(d, "sourceIdentity/id eq '1003'")
        let first = try XCTUnwrap(answer.body["value"]?.arrayValue?.first?.objectValue)
        let target = try XCTUnwrap(first["targetIdentity"]?.objectValue?["id"]?.stringValue)
        let byTarget = try await ids(d, "targetIdentity/id eq '\(target)'")
        XCTAssertEqual(byTarget, ["1003"])
        let byChange = try await ids(d, "changeId eq '\(try XCTUnwrap(first["changeId"]?.stringValue))'")
        XCTAssertEqual(byChange, ["1003"])
        let byCycle = try await ids(d, "cycleId eq '\(try XCTUnwrap(first["cycleId"]?.stringValue))'")
        XCTAssertEqual(byCycle, ["1003"], "the later upload was its own cycle")
    }

    func testAQuoteInsideAStringIsWrittenTwice() async throws {
        let d = try await seeded()
        let exact = try await ids(d, "sourceIdentity/displayName eq 'Siobhán O''Brien'")
        XCTAssertEqual(exact, ["2002"])
        let part = try await ids(d, "contains(sourceIdentity/displayName,'O''B')")
        XCTAssertEqual(part, ["2002"])
    }

    func testBetaReadsItsDeprecatedNamesAndV1RefusesThem() async throws {
        let d = try await seeded()
        let beta = try await ids(d, "statusInfo/status eq 'failure'", version: "beta")
        XCTAssertEqual(beta, ["1006"])
        let betaCurrent = try await ids(d, "provisioningStatusInfo/status eq 'failure' and action eq 'create'", version: "beta")
        XCTAssertEqual(betaCurrent, ["1006"])
        let v1 = try await query(d, "statusInfo/status eq 'failure'")
        XCTAssertEqual(v1.status, 400)
        XCTAssertEqual(v1.message, "Unsupported filter: 'statusInfo/status' is a beta property at position 0; v1.0 names it provisioningStatusInfo/status")
    }

    func testAFilterThatCannotBeReadIsA400NamingThePart() async throws {
        let d = try await seeded()
        let cases: [(String, String)] = [
            ("jobId eq 'x' and foo eq 'y'", "unknown property 'foo' at position 17; the provisioning logs filter on jobId, cycleId,"),
            ("sourceIdentity/id has 'x'", "operator 'has' at position 18;"),
            ("sourceIdentity/id like 'x'", "expected an operator but found 'like' at position 18;"),
            ("endswith(sourceIdentity/id,'1')", "function 'endswith' at position 0; the provisioning logs support contains() and startswith()"),
            ("frobnicate(sourceIdentity/id,'1')", "unknown function 'frobnicate' at position 0;"),
            ("not (sourceIdentity/id eq '1')", "'not' at position 0;"),
            ("sourceIdentity/id eq 'O'Brien'", "a string that is never closed (a quote inside a string is written '') at position 29"),
            ("(sourceIdentity/id eq '1'", "the filter ends where ')' is expected at position 25"),
            ("sourceIdentity/id eq '1' sourceIdentity/id eq '2'", "unexpected 'sourceIdentity/id' at position 25; join clauses with and / or"),
            ("sourceIdentity/id eq", "the filter ends where a value after eq is expected at position 20"),
            ("sourceIdentity/id eq 1001", "expected a quoted string but found '1001' at position 21; sourceIdentity/id compares with a value in single quotes"),
            ("activityDateTime ge '2026-01-01T00:00:00Z'", "quoted date '2026-01-01T00:00:00Z' at position 20; activityDateTime takes an unquoted date-time"),
            ("activityDateTime ge yesterday", "'yesterday' is not a date-time at position 20; write it as 2025-05-01T10:00:00Z"),
            ("contains(activityDateTime,'2026')", "contains() on the date activityDateTime at position 9; compare dates with ge, gt, le or lt"),
            ("contains(sourceIdentity/id,1001)", "expected a quoted string but found '1001' at position 27;"),
            ("sourceIdentity/id eq '1' and", "the filter ends where a clause such as jobId eq '…' is expected at position 28"),
            ("sourceIdentity/id eq '1' or )", "unexpected ')' at position 28; a clause starts with a property, a function or '('"),
        ]
        for (filter, expected) in cases {
            let a = try await query(d, filter)
            XCTAssertEqual(a.status, 400, filter)
            XCTAssertEqual(a.code, "BadRequest", filter)
            XCTAssertTrue(a.message.hasPrefix("Unsupported filter: " + expected), "\(filter)\n→ \(a.message)")
            XCTAssertNil(a.body["value"], "never an empty list for \(filter)")
        }
    }

    func testPagingKeepsTheFilter() async throws {
        let d = try await seeded()
        let first = try await query(d, "startswith(sourceIdentity/id,'100') or sourceIdentity/id eq '2002'",
                                    extra: ["$top": "2", "$orderby": "activityDateTime asc"])
        XCTAssertEqual(first.status, 200, first.message)
        XCTAssertEqual(first.body["value"]?.arrayValue?.count, 2)
        let next = try XCTUnwrap(first.body["@odata.nextLink"]?.stringValue)
        let items = try XCTUnwrap(URLComponents(string: next)?.queryItems)
        let query = Dictionary(items.map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, b in b })
        XCTAssertEqual(query["$filter"], "startswith(sourceIdentity/id,'100') or sourceIdentity/id eq '2002'")
        var seen = first.ids
        var link: String? = next
        while let url = link, let parts = URLComponents(string: url)?.queryItems {
            let q = Dictionary(parts.map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, b in b })
            let page = try await self.query(d, q["$filter"] ?? "", extra: q)
            seen += page.ids
            link = page.body["@odata.nextLink"]?.stringValue
        }
        XCTAssertEqual(seen.sorted(), ["1001", "1003", "1005", "1006", "2002"])
    }

    /// The same filters through the real client and HTTP on 127.0.0.1: quotes, spaces and
    /// parentheses survive the query string.
    func testOverLoopbackTheClientsFilterAndAnOrWithQuotesArrive() async throws {
        let h = try await EmulatorHarness()
        let token = try await h.token()
        let users = [#"{"method":"POST","bulkId":"a","path":"/Users","data":{"externalId":"O'Neil","userName":"oneil@contoso.com","active":true}}"#,
                     #"{"method":"POST","bulkId":"b","path":"/Users","data":{"externalId":"b2","userName":"b2@contoso.com","active":true}}"#]
        let body = #"{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[\#(users.joined(separator: ","))]}"#
        let accepted = try await h.request("POST", h.endpoint, token: token, body: body)
        XCTAssertEqual(accepted.status, 202)
        await h.running.core.processDue(now: Date().addingTimeInterval(1))

        var url = URLComponents(string: "\(h.base)/v1.0/auditLogs/provisioning")
        url?.queryItems = [URLQueryItem(name: "$filter", value: "(sourceIdentity/id eq 'O''Neil' or sourceIdentity/id eq 'b2') and jobId eq '\(SandboxIds.job)'")]
        let r = try await h.request("GET", try XCTUnwrap(url?.url?.absoluteString), token: token, contentType: nil)
        XCTAssertEqual(r.status, 200, String(decoding: r.body, as: UTF8.self))
        let ids = (r.json?["value"]?.arrayValue ?? []).compactMap { $0.objectValue?["sourceIdentity"]?.objectValue?["id"]?.stringValue }
        XCTAssertEqual(ids.sorted(), ["O'Neil", "b2"])

        url?.queryItems = [URLQueryItem(name: "$filter", value: "sourceIdentity/id eq 'O'Neil'")]
        let bad = try await h.request("GET", try XCTUnwrap(url?.url?.absoluteString), token: token, contentType: nil)
        XCTAssertEqual(bad.status, 400)
        XCTAssertTrue(bad.json?["error"]?.objectValue?["message"]?.stringValue?.contains("at position 28") == true)
        await h.stop()
    }
}
