@testable import App
import AppTesting
import Foundation
import Provisioning
import TerminalUI
import TerminalUITesting
import XCTest

/// The Activity layouts as text at 80×24 and 200×60: during a send (progress, waits, the list,
/// the selected exchange), and the pane under the Users screen. Times are masked.
final class ActivityScreenTests: XCTestCase {
    private let masks = [#"\d\d:\d\d:\d\d"#]

    private func sending(width: Int, height: Int) -> Keys {
        var state = Fixture.state(width: width, height: height)
        state.connect = ConnectState(draft: Fixture.sandboxConnection, secret: "abc")
        state.batchSize = 5
        let k = Keys(state)
        k.press("f5 enter")
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        k.send(.sendEvent(.started(sendId: "s1")))
        for (i, status) in [(0, 202), (1, 429)] {
            k.send(.sendEvent(.sending(document: i, attempt: 0, at: t0)))
            k.send(.exchangeRecorded(ActivityTests.exchange(i + 1, status: status)))
        }
        k.send(.sendEvent(.accepted(document: 0, requestId: "req-1")))
        k.send(.sendEvent(.waiting(seconds: 4, reason: "429 Too Many Requests: Retry-After 4", at: t0)))
        k.send(.tick(t0.addingTimeInterval(1)))
        return k
    }

    func testSendingAt80x24() {
        ScreenAssert.equal(sending(width: 80, height: 24).screen(), Self.sending80, masks: masks)
    }

    func testSendingAt200x60() {
        ScreenAssert.equal(sending(width: 200, height: 60).screen(), Self.sending200, masks: masks)
    }

    func testPaneUnderUsersAt80x24() {
        let k = sending(width: 80, height: 24)
        k.press("2 f2")
        ScreenAssert.equal(k.screen(), Self.pane80, masks: masks)
    }

    /// The sending fixture run to its end: every document accepted, 3.2 s after it started.
    private func finished(width: Int, height: Int) -> Keys {
        var state = Fixture.state(width: width, height: height)
        state.connect = ConnectState(draft: Fixture.sandboxConnection, secret: "abc")
        state.batchSize = 5
        let k = Keys(state)
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        k.send(.clockAdvanced(t0))
        k.press("f5 enter")
        k.send(.sendEvent(.started(sendId: "s1")))
        for i in 0..<5 {
            k.send(.sendEvent(.sending(document: i, attempt: 0, at: t0.addingTimeInterval(Double(i) * 0.5))))
            k.send(.exchangeRecorded(ActivityTests.exchange(i + 1, status: 202)))
            k.send(.sendEvent(.accepted(document: i, requestId: "req-\(i + 1)")))
        }
        k.send(.tick(t0.addingTimeInterval(3.2)))
        k.send(.sendFinished(SendResult(sendId: "s1", cancelled: false, accepted: 5, failed: 0)))
        return k
    }

    func testAFinishedSendFoldsToOneLineAndTheListGetsItsRowsBackAt80x24() {
        let k = finished(width: 80, height: 24)
        ScreenAssert.equal(k.screen(), Self.finished80, masks: masks)
        XCTAssertEqual(k.state.activityLayout.listRows, 7, "the 6-row box gave its rows to the list (was 5)")
    }

    func testRReopensTheFullReportAndFoldsItAgain() {
        let k = finished(width: 80, height: 24)
        k.press("r")
        ScreenAssert.equal(k.screen(), Self.report80, masks: masks)
        XCTAssertEqual(k.state.activityLayout.listRows, 5)
        k.press("r")
        XCTAssertEqual(k.screen()[1], String(Self.finished80.split(separator: "\n")[1]),
                       "folded again to its line")
        XCTAssertEqual(k.state.activityLayout.listRows, 7)
    }

    func testASelected400ShowsItsWholeBodyAt80x24() {
        let k = Keys(Fixture.state(width: 80, height: 24)).press("5")
        k.send(.exchangeRecorded(ActivityTests.exchange(1, status: 202)))
        k.send(.exchangeRecorded(ActivityTests.exchange(2, status: 202)))
        k.send(.exchangeRecorded(Self.badRequest(3)))
        ScreenAssert.equal(k.screen(), Self.error80, masks: masks)
    }

    /// A 400 as Graph sends it (ENTRA.md §3): its usual headers and the error body.
    static func badRequest(_ id: Int) -> HTTPExchange {
        var exchange = ActivityTests.exchange(id, status: 400)
        let body = #"{"error":{"code":"BadRequest","message":"Invalid Data Format: the request Content-Type must be application/scim+json","#
            + #""innerError":{"date":"2027-01-15T08:00:00","request-id":"0f7c2a51-9e0d-4c6b-a1f3-5d2e8b7c4a90","#
            + #""client-request-id":"c-3"}}}"#
        exchange.response = RecordedResponse(status: 400, headers: [
            HTTPHeader("Cache-Control", "no-cache"), HTTPHeader("Content-Type", "application/json"),
            HTTPHeader("Strict-Transport-Security", "max-age=31536000"),
            HTTPHeader("request-id", "0f7c2a51-9e0d-4c6b-a1f3-5d2e8b7c4a90"), HTTPHeader("client-request-id", "c-3"),
            HTTPHeader("x-ms-ags-diagnostic", #"{"ServerInfo":{"DataCenter":"West Europe","Slice":"E","Ring":"5"}}"#),
            HTTPHeader("Date", "Fri, 15 Jan 2027 08:00:00 GMT"),
        ], body: Array(body.utf8))
        return exchange
    }

    static let finished80 = """
         1 Connect   2 Users   3 Edit   4 Preview   5 Activity   6 Logs
         ✓ send done · 25/25 users · 5/5 accepted · 3.2 s                 r full report
        time          exchange                                status     ms     size
        ### POST bulkUpload #1                           202       120      0 B
        ### POST bulkUpload #2                           202       120      0 B
        ### POST bulkUpload #3                           202       120      0 B
        ### POST bulkUpload #4                           202       120      0 B
        ### POST bulkUpload #5                           202       120      0 B


        ─ #5 bulkUpload #5 · 202 Accepted · request-id req-5 ───────────────────────────
         #5 bulkUpload #5 · ### · 120 ms
         request-id: req-5
         client-request-id: c-5

         POST https://graph.microsoft.com/v1.0/servicePrincipals/sp/synchronization/jobs
         Authorization: Bearer eyJ0…[redacted]
         Content-Type: application/scim+json
         client-request-id: c-5

         {
           "schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],
         5 exchanges · following the newest
         ACTIVITY  5 of 5 requests accepted (25 users); Logs (6) follows what Entra doe…
        """
    static let report80 = """
         1 Connect   2 Users   3 Edit   4 Preview   5 Activity   6 Logs
        ┌ Send · 25 users · r folds ───────────────────────────────────────────────────┐
        │overall   [█████████████████████████████████] 100%  5/5 accepted · 25/25 users│
        │requests  ✓✓✓✓✓                                                               │
        │rate 5/40 per 5 s · 0 retries · took 3.2 s                                    │
        │✓ done: every request accepted (202); Logs (6) follows what Entra does with e…│
        └──────────────────────────────────────────────────────────────────────────────┘
        time          exchange                                status     ms     size
        ### POST bulkUpload #1                           202       120      0 B
        ### POST bulkUpload #2                           202       120      0 B
        ### POST bulkUpload #3                           202       120      0 B
        ### POST bulkUpload #4                           202       120      0 B
        ### POST bulkUpload #5                           202       120      0 B
        ─ #5 bulkUpload #5 · 202 Accepted · request-id req-5 ───────────────────────────
         #5 bulkUpload #5 · ### · 120 ms
         request-id: req-5
         client-request-id: c-5

         POST https://graph.microsoft.com/v1.0/servicePrincipals/sp/synchronization/jobs
         Authorization: Bearer eyJ0…[redacted]
         Content-Type: application/scim+json
         client-request-id: c-5
         5 exchanges · following the newest
         ACTIVITY  enter detail  / search  r report  c copy curl  …  ?/f1/alt-h help
        """
    static let error80 = """
         1 Connect   2 Users   3 Edit   4 Preview   5 Activity   6 Logs
        time          exchange                                status     ms     size
        ### POST bulkUpload #1                           202       120      0 B
        ### POST bulkUpload #2                           202       120      0 B
        ### POST bulkUpload #3                           400       120    241 B
        ─ #3 bulkUpload #3 · 400 Bad Request · request-id 0f7c2a51-9e0d-4c6b-a1f3-5d2e…─
         x-ms-ags-diagnostic: {"ServerInfo":{"DataCenter":"West Europe","Slice":"E","Rin
         g":"5"}}
         Date: Fri, 15 Jan 2027 ### GMT

         {
           "error": {
             "code": "BadRequest",
             "message": "Invalid Data Format: the request Content-Type must be applicati
         on/scim+json",
             "innerError": {
               "date": "2027-01-15T###",
               "request-id": "0f7c2a51-9e0d-4c6b-a1f3-5d2e8b7c4a90",
               "client-request-id": "c-3"
             }
           }
         }
         3 exchanges · following the newest
         ACTIVITY  enter detail  / search  r report  c copy curl  …  ?/f1/alt-h help
        """

    static let sending80 = """
         1 Connect   2 Users   3 Edit   4 Preview   5 Activity   6 Logs
        ┌ Send · 25 users ─────────────────────────────────────────────────────────────┐
        │overall   [██████░░░░░░░░░░░░░░░░░░░░░░░░░░░]  20%  1/5 accepted · 5/25 users │
        │requests  ✓▸···                                                               │
        │rate 2/40 per 5 s · 1 retry                                                   │
        │waiting 3 s: 429 Too Many Requests: Retry-After 4                             │
        └──────────────────────────────────────────────────────────────────────────────┘
        time          exchange                                status     ms     size
        ### POST bulkUpload #1                           202       120      0 B
        ### POST bulkUpload #2                           429       120     36 B



        ─ #2 bulkUpload #2 · 429 Too Many Requests · request-id req-2 ──────────────────
         #2 bulkUpload #2 · ### · 120 ms
         request-id: req-2
         client-request-id: c-2

         POST https://graph.microsoft.com/v1.0/servicePrincipals/sp/synchronization/jobs
         Authorization: Bearer eyJ0…[redacted]
         Content-Type: application/scim+json
         client-request-id: c-2
         2 exchanges · following the newest
         ACTIVITY  sending 25 users in 5 requests…
        """
    static let sending200 = """
         1 Connect   2 Users   3 Edit   4 Preview   5 Activity   6 Logs
        ┌ Send · 25 users ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┐
        │overall   [██████░░░░░░░░░░░░░░░░░░░░░░░░░░░]  20%  1/5 accepted · 5/25 users                                                                                                                         │
        │requests  ✓▸···                                                                                                                                                                                       │
        │rate 2/40 per 5 s · 1 retry                                                                                                                                                                           │
        │waiting 3 s: 429 Too Many Requests: Retry-After 4                                                                                                                                                     │
        └──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
        time          exchange                              status     ms     size     ─ #2 bulkUpload #2 · 429 Too Many Requests · request-id req-2 ───────────────────────────────────────────────────────────
        ### POST bulkUpload #1                         202       120      0 B      #2 bulkUpload #2 · ### · 120 ms
        ### POST bulkUpload #2                         429       120     36 B      request-id: req-2
                                                                                        client-request-id: c-2

                                                                                        POST https://graph.microsoft.com/v1.0/servicePrincipals/sp/synchronization/jobs/job/bulkUpload
                                                                                        Authorization: Bearer eyJ0…[redacted]
                                                                                        Content-Type: application/scim+json
                                                                                        client-request-id: c-2

                                                                                        {
                                                                                          "schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],
                                                                                          "Operations": []
                                                                                        }

                                                                                        HTTP/1.1 429 Too Many Requests
                                                                                        request-id: req-2

                                                                                        {
                                                                                          "error": {
                                                                                            "code": "TooManyRequests"
                                                                                          }
                                                                                        }




























         2 exchanges · following the newest
         ACTIVITY  sending 25 users in 5 requests…
        """
    static let pane80 = """
         1 Connect   2 Users   3 Edit   4 Preview   5 Activity   6 Logs
        25 users · 0 with errors · 1 with warnings
          externalId userName              displayName      department    active status
          1001       zoe.angstrom@contoso… Zoë Ångström     Executive     yes    sent
          1002       jose.garcia@contoso.… José García      Engineering   yes    sent
          1003       bjorn.sondergaard@co… Björn Søndergaa… Sales         yes    sent
          1004       siobhan.obrien@conto… Siobhán O'Brien  Human Resour… yes    sent
          1005       lukasz.kowalczyk@con… Łukasz Kowalczyk Engineering   yes    sent
          1006       ngoc.nguyen@contoso.… Ngọc Anh Nguyễn  Engineering   yes    sending
          1007       francois.dubois@cont… François Dubois  Engineering   yes    sending
          1008       user1008@contoso.com  美咲 田中        Engineering   yes    sending
        ─ Diagnostics · zoe.angstrom@contoso.com ───────────────────────────────────────
         sent: Entra accepted it (202); Logs (l) tells what it did
         ✓ no problems found

        ─ Activity · 2 exchanges · sending 1/5 · 5 opens, F2 hides ─────────────────────
        ### POST bulkUpload #1                           202       120      0 B
        ### POST bulkUpload #2                           429       120     36 B





         USERS  / filter  enter/e edit  f5/alt-s send  …  ?/f1/alt-h help  q/ctrl-c quit
        """
}
