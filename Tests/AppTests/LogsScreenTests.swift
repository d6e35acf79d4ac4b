import App
import AppTesting
import Foundation
import Provisioning
import SCIM
import TerminalUI
import TerminalUITesting
import XCTest

/// The Logs screen as a person sees it, at 80×24 and 200×60, following an upload of five users.
final class LogsScreenTests: XCTestCase {
    private let masks = [#"127\.0\.0\.1:\d+"#]

    /// Five users sent at 10:00:00 UTC; Entra has logged four of them (or all five).
    private func following(width: Int, height: Int, all: Bool) throws -> Keys {
        let k = LogFixture.connected(width: width, height: height)
        k.state.badge = Badge(label: "SANDBOX", role: .warning)
        k.state.logs.window = .all
        let at = LogFixture.base
        LogFixture.finishSend(k, externalIds: ["1001", "1002", "1003", "1005", "1013"], at: at)
        var answer = [try LogFixture.created("1001", "Zoë Ångström", at: at.addingTimeInterval(372)),
                      try LogFixture.updated("1002", "José García", at: at.addingTimeInterval(373), department: ("Sales", "Engineering")),
                      try LogFixture.skipped("1003", "Björn Søndergaard", at: at.addingTimeInterval(373)),
                      try LogFixture.conflict("1005", "Łukasz Kowalczyk", at: at.addingTimeInterval(374))]
        if all { answer.append(try LogFixture.created("1013", "Jürgen Müller", at: at.addingTimeInterval(375))) }
        k.send(.logsFetched(generation: k.state.logs.generation, .entries(answer, at: at.addingTimeInterval(376))))
        k.send(.jobObserved(.status(JobStatus(code: "Active", lastExecution: "2025-05-01T10:06:14Z")), at: at.addingTimeInterval(376)))
        k.press("6")
        k.send(.tick(at.addingTimeInterval(380)))
        return k
    }

    func testFollowingAnUploadWithAFailureAt80x24() throws {
        let k = try following(width: 80, height: 24, all: false)
        ScreenAssert.equal(k.screen(), Self.waiting80, masks: masks)
    }

    func testAllUsersLoggedWithAnUpdateSelectedAt200x60() throws {
        let k = try following(width: 200, height: 60, all: true)
        k.press("down down")
        ScreenAssert.equal(k.screen(), Self.complete200, masks: masks)
    }

    /// The upload summary (s) at 80×24: the totals, how fresh, one row per upload, the failure with
    /// its reason, and Microsoft's fix for the selected one.
    func testTheUploadSummaryAt80x24() throws {
        let k = try following(width: 80, height: 24, all: false)
        k.state.journalPath = "/tmp/unused-journal.sqlite"
        k.press("s")
        let send = LogsSummaryTests.storedSend(documents: [["1001", "1002", "1003"], ["1005", "1013"]], at: LogFixture.base)
        k.send(.reconciledSendRead(.success(send), at: LogFixture.base.addingTimeInterval(381)))
        ScreenAssert.equal(k.screen(), Self.summary80, masks: masks)
    }

    static let summary80 = """
         1 Connect  2 Users  3 Edit  4 Preview  5 Activity  6 Logs  job Active  SANDBOX
         Upload summary · Enter user in Users · F resend the 1 failed · s entries
         Job Active (read 5 s ago) · The job is running: uploads are processed within …
         Waiting for Entra: 4 of 5 users of the upload have entries (accepted 6 min
         ago). Entra takes 5 to 10 minutes, the sandbox seconds; reading every 5 s.
         Send of 05-01 10:00: 5 sent · 1 created · 1 updated · 0 disabled · 1 skipped ·
         1 failed · 1 not yet seen
         Logs read at 10:06:16 (5 s ago) · only entries after each upload's 202 count
         upload  accepted  sent  created  updated  disabled  skipped  failed  not seen…
         1       10:00:00     3        1        1         0        1       0         0…
         2       10:00:00     2        0        0         0        0       1         1…

        externalId         upload reason
        1005               2      AzureActiveDirectoryConflictEntry: The userPrincipalN…



        ─ 1005 · failed in upload 2 · Enter: user in Users · F resend the failed ───────
         reason  AzureActiveDirectoryConflictEntry: The userPrincipalName
         'lukasz.kowalczyk@contoso.com' is already used by the user with employeeId
         '0417'.
         fix     Make userName unique, or fix the other record's externalId if both
         describe the same person.
         LOGS  f failures  u upload  s summary  / user  t time  …  ?/f1/alt-h help
        """

    static let waiting80 = """
         1 Connect  2 Users  3 Edit  4 Preview  5 Activity  6 Logs  job Active  SANDBOX
         4 of 4 entries · this upload (5 users) · any time
         Job Active (read 4 s ago) · The job is running: uploads are processed within …
         Waiting for Entra: 4 of 5 users of the upload have entries (accepted 6 min
         ago). Entra takes 5 to 10 minutes, the sandbox seconds; reading every 5 s.
        time           action  status  externalId        displayName
        05-01 10:06:14 create  failure 1005              Łukasz Kowalczyk
        05-01 10:06:13 update  success 1002              José García
        05-01 10:06:13 skip    skipped 1003              Björn Søndergaard
        05-01 10:06:12 create  success 1001              Zoë Ångström
        ─ 1005 · create failure · lines 1-12 of 26, J/K scroll · Enter: user in Users ──
         Łukasz Kowalczyk · externalId 1005
         create · failure · 2025-05-01 10:06:14 · 184 ms

         Why it failed
           error        AzureActiveDirectoryConflictEntry
           reason       The userPrincipalName 'lukasz.kowalczyk@contoso.com' is already
                        used by the user with employeeId '0417'.
           what to do   Make userName unique, or fix the other record's externalId if
                        both describe the same person.

         Steps
           success  Import from API
         LOGS  f failures  u upload  s summary  / user  t time  …  ?/f1/alt-h help
        """

    static let complete200 = """
         1 Connect   2 Users   3 Edit   4 Preview   5 Activity   6 Logs                                                                                                                     job Active  SANDBOX
         5 of 5 entries · this upload (5 users) · any time
         All 5 users of the upload have entries (1 failed): following stopped. s sums it up; r reads again.

        time           action  status  externalId          displayName                             ┌ Job API2AAD.0123456789abcdef0123456789abcdef.0b2b8f2c-7b71-4f8a-9a56-6c5d4e3f2a10 ────────────────────────┐
        05-01 10:06:15 create  success 1013                Jürgen Müller                           │ state       Active · The job is running: uploads are processed within minutes.                            │
        05-01 10:06:14 create  failure 1005                Łukasz Kowalczyk                        │ read        4 s ago                                                                                       │
        05-01 10:06:13 update  success 1002                José García                             │ last run    2025-05-01 10:06:14 (6 s ago)                                                                 │
        05-01 10:06:13 skip    skipped 1003                Björn Søndergaard                       │ S start · P pause · R restart (each asks first)                                                           │
        05-01 10:06:12 create  success 1001                Zoë Ångström                            └───────────────────────────────────────────────────────────────────────────────────────────────────────────┘
                                                                                                   ─ 1002 · update success · Enter: user in Users ──────────────────────────────────────────────────────────────
                                                                                                    José García · externalId 1002
                                                                                                    update · success · 2025-05-01 10:06:13 · 184 ms

                                                                                                    Steps
                                                                                                      success  Import from API                Received User 'José García' from the API request (bulkId
                                                                                                                                              b-1002-2).
                                                                                                                                              bulkId: b-1002-2 · externalId: 1002
                                                                                                      success  Match user                     Matched User '1002' to the Entra ID user 'José García'.
                                                                                                      success  Determine if User is in scope  User 'José García' is in scope.
                                                                                                      success  Provision User                 User 'José García' was updated in Microsoft Entra ID.

                                                                                                    Modified properties (old → new)
                                                                                                      department  Sales → Engineering

                                                                                                      entry  e-1002-update
                                                                                                      cycle  c7a1e0f2-3b4d-4c5e-8f9a-0b1c2d3e4f50
































         LOGS  f failures  u upload  s summary  / user  t time  r refresh  enter Users  ?/f1/alt-h help
        """
}
