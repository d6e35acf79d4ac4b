import App
import AppTesting
import Foundation
import Provisioning
import SCIM
import TerminalUI
import XCTest

/// The Logs screen as `TUI.update` sees it: following an upload, answers of reads, filters, the
/// links with Users, and the job's actions.
final class LogsUpdateTests: XCTestCase {
    private func reads(_ effects: [AppEffect]) -> [LogQuery] {
        effects.compactMap { if case .fetchLogs(_, let query, _) = $0 { return query } else { return nil } }
    }

    private func polls(_ effects: [AppEffect]) -> [Double] {
        effects.compactMap { if case .pollLogsAfter(let seconds, _) = $0 { return seconds } else { return nil } }
    }

    private let base = LogFixture.base

    // MARK: Following an upload

    func testAFinishedSendReadsThenPollsAt5And10And20ThenEvery30sUntil40MinutesAfterThe202() {
        let k = LogFixture.connected()
        let at = base
        LogFixture.finishSend(k, externalIds: ["1001", "1002", "1003"], at: at)
        let generation = k.state.logs.generation
        let first = k.takeEffects()
        XCTAssertTrue(first.contains(.fetchLogs(k.state.connect.request, LogQuery(since: at.addingTimeInterval(-60)), generation: generation)),
                      "read at once, from a minute before the 202 (clock skew): \(first)")
        XCTAssertTrue(first.contains(.observeJob(k.state.connect.request)), "and the job: a stopped one processes nothing")
        XCTAssertEqual(polls(first), [5])
        k.send(.logsFetched(generation: generation, .entries([], at: at)))
        XCTAssertTrue(k.state.logs.uploadOnly, "the list shows this upload")
        k.press("6")
        XCTAssertTrue(k.text.contains("Waiting for Entra: 0 of 3 users of the upload have entries (accepted just now)."), k.text)
        XCTAssertTrue(k.text.contains("5 to 10 minutes"), k.text)

        // Each poll's read answers at the time it was due, as the runner would stamp it.
        var delays: [Double] = []
        var readCount = 0
        var waited = 5.0
        for _ in 0..<200 {
            k.send(.logsPollDue(generation: generation))
            let effects = k.takeEffects()
            readCount += reads(effects).count
            for _ in reads(effects) { k.send(.logsFetched(generation: generation, .entries([], at: at.addingTimeInterval(waited)))) }
            delays += polls(effects)
            waited += polls(effects).first ?? 0
            if polls(effects).isEmpty || k.state.logs.polling == .timedOut { break }
        }
        XCTAssertEqual(Array(delays.prefix(4)), [10, 20, 30, 30])
        XCTAssertEqual(Set(delays.dropFirst(2)), [30])
        XCTAssertEqual(5 + delays.dropLast().reduce(0, +), 2405, "the first answer 40 minutes after the 202 ends it")
        XCTAssertEqual(readCount, delays.count, "one read per poll")
        XCTAssertEqual(k.state.logs.polling, .timedOut)
        XCTAssertTrue(k.text.contains("Accepted 40 min ago, not processed: was the job restarted or paused? r reads again."), k.text)
        XCTAssertEqual(k.state.message?.text, "Accepted 40 min ago, not processed: was the job restarted or paused? r reads again.")
        k.send(.logsPollDue(generation: generation))
        XCTAssertTrue(k.takeEffects().isEmpty, "no more polls once it gave up")
    }

    func testAnswersAreMergedNewestFirstOnceEachAndSetEachUsersStatus() throws {
        let k = LogFixture.connected()
        let at = base
        LogFixture.finishSend(k, externalIds: ["1001", "1002", "1003", "1005"], at: at)
        let generation = k.state.logs.generation
        let answer = [try LogFixture.created("1001", "Zoë Ångström", at: at.addingTimeInterval(10)),
                      try LogFixture.skipped("1003", "Björn Søndergaard", at: at.addingTimeInterval(30)),
                      try LogFixture.conflict("1005", "Łukasz Kowalczyk", at: at.addingTimeInterval(40)),
                      try LogFixture.updated("1002", "José García", at: at.addingTimeInterval(20), department: ("Sales", "Engineering"))]
        k.send(.logsFetched(generation: generation, .entries(answer)))
        k.send(.logsFetched(generation: generation, .entries(answer)))
        XCTAssertEqual(k.state.logs.entries.map(\.id), ["e-1005-fail", "e-1003-skip", "e-1002-update", "e-1001-create"],
                       "newest first, each once though read twice")
        let status = { (ext: String) in LogFixture.recordID(k, ext).flatMap { k.state.sendStatus[$0] } }
        XCTAssertEqual(status("1001"), .provisioned(action: "create"))
        XCTAssertEqual(status("1002"), .provisioned(action: "update"))
        XCTAssertEqual(status("1003"), .provisioned(action: "skip"))
        XCTAssertEqual(status("1005"), .provisioningFailed(reason: LogFixture.conflictReason))
        XCTAssertEqual(["1001", "1002", "1003", "1005"].compactMap { status($0)?.badge }, ["created", "updated", "skipped", "failed"])
        XCTAssertNil(status("1004"), "not in the logs, not touched")
        XCTAssertEqual(k.state.logs.polling, .complete)
        XCTAssertEqual(k.state.message?.text, "Entra processed all 4 users of the upload: 1 failed (Logs, f shows failures)")
    }

    func testPollingStopsOnceEveryUserHasAnEntryAndOlderEntriesDoNotCount() throws {
        let k = LogFixture.connected()
        let at = base
        LogFixture.finishSend(k, externalIds: ["1001", "1002"], at: at)
        let generation = k.state.logs.generation
        _ = k.takeEffects()
        let yesterday = try LogFixture.created("1002", "José García", at: at.addingTimeInterval(-86_000), id: "e-1002-old")
        k.send(.logsFetched(generation: generation, .entries([try LogFixture.created("1001", "Zoë Ångström", at: at.addingTimeInterval(5)), yesterday])))
        XCTAssertEqual(k.state.logs.polling, .waiting(polls: 0, elapsed: 0), "1002's only entry is older than the send")
        XCTAssertEqual(LogFixture.recordID(k, "1002").flatMap { k.state.sendStatus[$0] }, .accepted, "an old entry says nothing of this send")
        k.press("6")
        XCTAssertTrue(k.text.contains("1 of 2 users of the upload have entries"), k.text)

        k.send(.logsPollDue(generation: generation))
        XCTAssertEqual(reads(k.effects).count, 1)
        XCTAssertEqual(polls(k.takeEffects()), [10])
        k.send(.logsFetched(generation: generation, .entries([try LogFixture.created("1002", "José García", at: at.addingTimeInterval(50))])))
        XCTAssertEqual(k.state.logs.polling, .complete)
        XCTAssertEqual(LogFixture.recordID(k, "1002").flatMap { k.state.sendStatus[$0] }, .provisioned(action: "create"))
        XCTAssertTrue(k.text.contains("All 2 users of the upload have entries: following stopped."), k.text)
        k.send(.logsPollDue(generation: generation))
        XCTAssertTrue(k.takeEffects().isEmpty, "the poll already scheduled does nothing")
    }

    func testAnswersAndPollsOfAnOlderGenerationAreIgnored() throws {
        let k = LogFixture.connected()
        let at = base
        LogFixture.finishSend(k, externalIds: ["1001"], at: at)
        let old = k.state.logs.generation
        LogFixture.finishSend(k, externalIds: ["1002"], at: at.addingTimeInterval(1))
        XCTAssertGreaterThan(k.state.logs.generation, old)
        _ = k.takeEffects()
        k.send(.logsFetched(generation: old, .entries([try LogFixture.created("1001", "Zoë Ångström", at: at)])))
        XCTAssertTrue(k.state.logs.entries.isEmpty)
        k.send(.logsPollDue(generation: old))
        XCTAssertTrue(k.takeEffects().isEmpty)
        k.send(.logsFetched(generation: k.state.logs.generation, .failed("Graph answered 403 Authorization_RequestDenied")))
        k.press("6")
        XCTAssertTrue(k.text.contains("Could not read the logs: Graph answered 403 Authorization_RequestDenied. r tries again."), k.text)
    }

    func testWithoutACompleteConnectionNothingIsReadAndTheScreenSaysWhatIsMissing() {
        let k = Keys(Fixture.state())
        LogFixture.finishSend(k, externalIds: ["1001"], at: base)
        XCTAssertTrue(reads(k.effects).isEmpty)
        k.press("6 r")
        XCTAssertTrue(reads(k.effects).isEmpty)
        XCTAssertTrue(k.text.contains("Cannot read the logs yet: Fill in the client secret. (Connect, 1)"), k.text)
    }

    func testOpeningTheScreenReadsTheJobAtOnceAndTheLogsAtTheFirstTickWithItsTime() {
        let k = LogFixture.connected()
        k.press("6")
        var effects = k.takeEffects()
        XCTAssertEqual(reads(effects).count, 0, "the time window needs the time: the first tick brings it")
        XCTAssertTrue(effects.contains(.observeJob(k.state.connect.request)))
        XCTAssertTrue(effects.contains(.tickAfter(milliseconds: 0)))
        k.send(.tick(base))
        effects = k.takeEffects()
        XCTAssertEqual(reads(effects).map(\.since), [base.addingTimeInterval(-86_400)])
        XCTAssertEqual(effects.filter { $0 == .tickAfter(milliseconds: 1000) }.count, 1, "the screen ticks every second")
        k.press("down")
        XCTAssertTrue(reads(k.takeEffects()).isEmpty, "a read in flight is not repeated")
        k.send(.logsFetched(generation: k.state.logs.generation, .entries([], at: base)))
        k.press("down up")
        XCTAssertTrue(k.takeEffects().isEmpty, "moving never reads")
        XCTAssertTrue(k.text.contains("No entries in the last 24 h. t widens the time window."), k.text)
        XCTAssertTrue(k.text.contains("Read at 10:00:00 (just now)."), k.text)
        k.send(.tick(base.addingTimeInterval(12)))
        XCTAssertTrue(k.text.contains("Read at 10:00:00 (12 s ago)."), "the age moves with the clock:\n\(k.text)")
    }

    // MARK: Filters

    /// On the Logs screen with four entries of the last minutes and one of two hours ago.
    private func withEntries() throws -> Keys {
        let k = LogFixture.connected()
        k.press("6")
        XCTAssertTrue(k.takeEffects().contains(.observeJob(k.state.connect.request)), "opening reads the job too")
        k.send(.tick(base))
        let query = try XCTUnwrap(reads(k.takeEffects()).first)
        XCTAssertNil(query.externalId)
        XCTAssertFalse(query.failuresOnly)
        XCTAssertEqual(query.since, base.addingTimeInterval(-86_400), "the last 24 h")
        let now = base
        k.send(.logsFetched(generation: k.state.logs.generation, .entries([
            try LogFixture.conflict("1005", "Łukasz Kowalczyk", at: now.addingTimeInterval(-40)),
            try LogFixture.skipped("1003", "Björn Søndergaard", at: now.addingTimeInterval(-30)),
            try LogFixture.updated("1002", "José García", at: now.addingTimeInterval(-20), department: ("Sales", "Engineering")),
            try LogFixture.created("1001", "Zoë Ångström", at: now.addingTimeInterval(-10)),
            try LogFixture.created("1013", "Jürgen Müller", at: now.addingTimeInterval(-7200)),
        ], at: now)))
        return k
    }

    private func shown(_ k: Keys) -> [String] { k.state.logs.rows.map { k.state.logs.entries[$0].log.externalId } }

    func testFailuresOnlyAndTheUserPromptNarrowWithoutReadingAgain() throws {
        let k = try withEntries()
        XCTAssertEqual(shown(k), ["1001", "1002", "1003", "1005", "1013"])
        k.press("f")
        XCTAssertEqual(shown(k), ["1005"])
        XCTAssertTrue(reads(k.takeEffects()).isEmpty, "a narrower filter needs no read")
        XCTAssertTrue(k.text.contains("failures only"), k.text)
        k.press("f /")
        k.type("100")
        XCTAssertEqual(shown(k), ["1001", "1002", "1003", "1005"], "narrows as it is typed")
        k.type("2")
        XCTAssertEqual(shown(k), ["1002"])
        k.press("enter")
        XCTAssertEqual(k.state.logs.externalId, "1002")
        XCTAssertTrue(reads(k.takeEffects()).isEmpty)
        XCTAssertTrue(k.text.contains("externalId 1002"), k.text)
        k.press("esc")
        XCTAssertEqual(shown(k).count, 5, "Esc clears the filters")
        XCTAssertNil(k.state.logs.externalId)
    }

    func testTheTimeWindowCyclesAndReadsOnlyWhenItWidens() throws {
        let k = try withEntries()
        k.press("/").type("1013").press("enter")
        _ = k.takeEffects()
        k.press("t")
        XCTAssertEqual(k.state.logs.window, .week)
        let wider = reads(k.takeEffects())
        XCTAssertEqual(wider.count, 1)
        XCTAssertEqual(wider.first?.externalId, "1013", "the user filter goes into $filter")
        XCTAssertEqual(wider.first?.since, base.addingTimeInterval(-7 * 86_400))
        k.press("t")
        XCTAssertEqual(k.state.logs.window, .all)
        XCTAssertNil(reads(k.takeEffects()).first?.since)
        k.press("t")
        XCTAssertEqual(k.state.logs.window, .hour)
        XCTAssertTrue(reads(k.takeEffects()).isEmpty, "narrower: filtered here")
        XCTAssertEqual(shown(k), [], "1013's entry is two hours old")
        XCTAssertTrue(k.text.contains("No entry passes the filters"), k.text)
        k.press("esc")
        XCTAssertEqual(shown(k), ["1001", "1002", "1003", "1005"])
    }

    func testThisUploadTogglesAndSaysSoWhenThereIsNone() throws {
        let k = try withEntries()
        k.press("u")
        XCTAssertEqual(k.state.message?.text, "no upload to follow yet: after a send (F5) this shows only its users")
        LogFixture.finishSend(k, externalIds: ["1002", "1003"], at: base.addingTimeInterval(-35))
        XCTAssertEqual(shown(k), ["1002", "1003"])
        k.press("u")
        XCTAssertEqual(shown(k).count, 5)
        k.press("u")
        XCTAssertEqual(shown(k), ["1002", "1003"])
    }

    // MARK: Users, both ways

    func testEnterShowsTheEntrysUserInUsersClearingAFilterThatHidesThem() throws {
        let k = try withEntries()
        k.press("2 /").type("eng").press("enter")
        let oneThousandOne = try XCTUnwrap(LogFixture.recordID(k, "1001"))
        XCTAssertNotEqual(k.state.users.selectedID(store: k.state.store), oneThousandOne)
        k.press("6 home enter")
        XCTAssertEqual(k.state.screen, .users)
        XCTAssertEqual(k.state.users.query, "", "the filter hid 1001 (Executive)")
        XCTAssertEqual(k.state.users.selectedID(store: k.state.store), oneThousandOne)
        XCTAssertEqual(k.state.message?.text, "1001 (zoe.angstrom@contoso.com): create success in the log entry; l shows their logs again")
    }

    func testEnterOnAnEntryOfNoWorkspaceUserSaysSo() throws {
        let k = LogFixture.connected()
        k.press("6 r")
        k.send(.logsFetched(generation: k.state.logs.generation, .entries([try LogFixture.created("9999", "Nobody", at: base)])))
        k.press("enter")
        XCTAssertEqual(k.state.screen, .logs)
        XCTAssertEqual(k.state.message?.text, "no user in the workspace has externalId 9999")
    }

    func testLOnUsersOpensTheLogsOfThatUser() throws {
        let k = LogFixture.connected()
        k.press("down down l")
        XCTAssertEqual(k.state.screen, .logs)
        XCTAssertEqual(k.state.logs.externalId, "1003")
        XCTAssertTrue(k.takeEffects().contains(.observeJob(k.state.connect.request)))
        k.send(.tick(base))
        XCTAssertEqual(reads(k.takeEffects()).map(\.externalId), ["1003"], "sourceIdentity/id eq '1003'")
        k.send(.logsFetched(generation: k.state.logs.generation, .entries([
            try LogFixture.skipped("1003", "Björn Søndergaard", at: base),
            try LogFixture.created("1001", "Zoë Ångström", at: base),
        ], at: base)))
        XCTAssertEqual(shown(k), ["1003"])
        XCTAssertTrue(k.text.contains("externalId 1003"), k.text)
        XCTAssertTrue(k.text.contains("skipped  Provision User                 User 'Björn Søndergaard' already has the values sent;"), k.text)
    }

    func testAFailureShowsMicrosoftsReasonAndRecommendedAction() throws {
        let k = LogFixture.connected(width: 120, height: 40)
        k.press("6 r")
        k.send(.logsFetched(generation: k.state.logs.generation, .entries([try LogFixture.conflict("1005", "Łukasz Kowalczyk", at: base)])))
        let text = k.text
        XCTAssertTrue(text.contains("Why it failed"), text)
        XCTAssertTrue(text.contains("error        AzureActiveDirectoryConflictEntry"), text)
        XCTAssertTrue(text.contains("reason       The userPrincipalName 'lukasz.kowalczyk@contoso.com' is already used by the user with"), text)
        XCTAssertTrue(text.contains("what to do   Make userName unique, or fix the other record's externalId if both describe the same"), text)
        XCTAssertTrue(text.contains("failure  Provision User"), text)
    }

    func testJAndKScrollTheDetailWithinItsLines() throws {
        let k = LogFixture.connected(width: 80, height: 24)
        k.press("6 r")
        k.send(.logsFetched(generation: k.state.logs.generation, .entries([try LogFixture.conflict("1005", "Łukasz Kowalczyk", at: base)])))
        XCTAssertTrue(k.text.contains("Why it failed"), k.text)
        k.press("J J J J J J J J")
        XCTAssertFalse(k.text.contains("Why it failed"), k.text)
        XCTAssertTrue(k.text.contains("cycle  c7a1e0f2-3b4d-4c5e-8f9a-0b1c2d3e4f50"), "the last line, and no further:\n\(k.text)")
        let bottom = k.state.logs.detailTop
        k.press("J")
        XCTAssertEqual(k.state.logs.detailTop, bottom)
        k.press("K K K K K K K K")
        XCTAssertEqual(k.state.logs.detailTop, 0)
    }

    // MARK: The job

    func testJobActionsAskFirstNamingJobAndTenantThenActAndReadTheJobAgain() {
        let k = LogFixture.connected()
        k.press("6 r")
        k.send(.jobObserved(.status(JobStatus(code: "Paused")), at: base))
        _ = k.takeEffects()
        k.press("S")
        guard case .dialog(let dialog, .jobAction(.start))? = k.state.overlay else { return XCTFail("no confirmation: \(String(describing: k.state.overlay))") }
        XCTAssertEqual(dialog.buttons, ["Start", "Cancel"])
        XCTAssertEqual(dialog.selectedButton, 1, "Cancel by default: it changes the tenant")
        XCTAssertTrue(dialog.message.contains("job API2AAD.0123456789abcdef0123456789abcdef.0b2b8f2c-7b71-4f8a-9a56-6c5d4e3f2a10"), dialog.message)
        XCTAssertTrue(dialog.message.contains("tenant 8c1b3d9e-5a4f-4e2b-9c7d-0f6a2b1e3d4c"), dialog.message)
        XCTAssertTrue(dialog.message.contains("Its state now: Paused."), dialog.message)
        k.press("enter")
        XCTAssertNil(k.state.overlay)
        let cancelled = k.takeEffects()
        XCTAssertTrue(cancelled.isEmpty, "Cancel does nothing: \(cancelled)")

        k.press("S left enter")
        XCTAssertEqual(k.takeEffects(), [.jobAction(k.state.connect.request, .start)])
        XCTAssertTrue(k.text.contains("starting…"), k.text)
        k.send(.jobActionFinished(.start, error: nil))
        XCTAssertEqual(k.takeEffects(), [.observeJob(k.state.connect.request)])
        XCTAssertEqual(k.state.message?.text, "the job was started: uploads are processed again")

        k.press("P left enter")
        XCTAssertEqual(k.takeEffects(), [.jobAction(k.state.connect.request, .pause)])
        k.send(.jobActionFinished(.pause, error: "Graph answered 403 Authorization_RequestDenied"))
        XCTAssertEqual(k.state.message?.text, "could not pause the job: Graph answered 403 Authorization_RequestDenied")
        XCTAssertTrue(k.takeEffects().isEmpty)
    }

    func testTheJobLineShowsStateMeaningLastRunAndQuarantine() {
        let k = LogFixture.connected(width: 200, height: 60)
        k.press("6")
        k.send(.jobObserved(.status(JobStatus(code: "Quarantine", quarantineReason: "EncounteredQuarantineException",
                                              quarantineMessage: "Too many failures", lastExecution: "2025-05-01T10:40:00Z")),
                            at: base.addingTimeInterval(45 * 60)))
        k.send(.tick(base.addingTimeInterval(45 * 60 + 7)))
        let text = k.text
        XCTAssertTrue(text.contains("state       Quarantine · The job is in quarantine (EncounteredQuarantineException): uploads are accepted"), text)
        XCTAssertTrue(text.contains("read        7 s ago"), "the state says how old it is:\n\(text)")
        XCTAssertTrue(text.contains("last run    2025-05-01 10:40:00 (5 min ago)"), text)
        XCTAssertTrue(text.contains("quarantine  EncounteredQuarantineException: Too many failures"), text)
        k.send(.jobObserved(.failed("Graph answered 404 Request_ResourceNotFound"), at: base))
        XCTAssertTrue(k.text.contains("Quarantine"), "the last known state stays")
    }
}
