@testable import App
import AppTesting
import Foundation
import Provisioning
import SCIM
import TerminalUI
import XCTest

/// `LogsUpdate` on its own: a `LogsState`, the context and the inputs in; the next state, the users'
/// statuses and the requests to the App out. No `AppState`, no terminal, the clock fixed.
final class LogsUpdatePureTests: XCTestCase {
    private let base = LogFixture.base
    private let zone = TimeZone(identifier: "UTC") ?? .current

    private func context(at time: Date? = nil) -> ScreenContext {
        ScreenContext(theme: .builtinDefault, size: Size(width: 100, height: 30), clock: time ?? base, timeZone: zone)
    }

    private let connect = ConnectState(draft: Fixture.sandboxConnection, secret: "abc")
    private var connected: LogsInputs { LogsInputs(connection: LogsConnection(connect), shown: true, journalPath: "/tmp/journal.sqlite") }
    private var unconnected: LogsInputs { LogsInputs(connection: LogsConnection(ConnectState(draft: Fixture.sandboxConnection)), shown: true) }

    private func reads(_ requests: [ScreenEffect]) -> [LogQuery] {
        requests.compactMap { if case .run(.fetchLogs(_, let query, _)) = $0 { return query } else { return nil } }
    }

    private func following(_ externalIds: [String]) throws -> (LogsState, LogsUpload) {
        var logs = LogsState()
        let upload = try XCTUnwrap(LogsUpload(sendId: "s1", batches: [LogsUpload.Batch(externalIds: externalIds, acceptedAt: base)]))
        _ = LogsUpdate.follow(&logs, upload, context(), connected)
        return (logs, upload)
    }

    func testFollowingAnUploadReadsFromAMinuteBeforeIts202PollsIn5sAndReadsTheJob() throws {
        var logs = LogsState()
        let upload = try XCTUnwrap(LogsUpload(sendId: "s1", batches: [LogsUpload.Batch(externalIds: ["1001", "1002"], acceptedAt: base)]))
        let requests = LogsUpdate.follow(&logs, upload, context(), connected)
        XCTAssertEqual(logs.generation, 1, "a new follow: older answers become stale")
        XCTAssertEqual(logs.polling, .waiting(polls: 0, elapsed: 0))
        XCTAssertTrue(logs.uploadOnly)
        XCTAssertEqual(requests, [.run(.fetchLogs(connect.request, LogQuery(since: base.addingTimeInterval(-60)), generation: 1)),
                                  .run(.pollLogsAfter(seconds: 5, generation: 1)),
                                  .run(.observeJob(connect.request))])
    }

    func testWithoutAConnectionAFollowReadsNothingAndSaysWhatIsMissing() throws {
        var logs = LogsState()
        let upload = try XCTUnwrap(LogsUpload(sendId: "s1", batches: [LogsUpload.Batch(externalIds: ["1001"], acceptedAt: base)]))
        let requests = LogsUpdate.follow(&logs, upload, context(), unconnected)
        XCTAssertEqual(logs.polling, .idle)
        XCTAssertEqual(requests, [.message(StatusMessage("cannot read the provisioning logs: Fill in the client secret. (Connect, 1)", .warning))])
    }

    func testAStaleAnswerOrPollChangesNothingNotEvenTheUsersStatuses() throws {
        var (logs, _) = try following(["1001"])
        let store = RecordStore([Fixture.user("1001", "zoe@contoso.com")])
        var statuses: [Int: RecordSendStatus] = [:]
        let before = logs
        let answer = LogsFetchResult.entries([try LogFixture.created("1001", "Zoë", at: base.addingTimeInterval(5))], at: base)
        XCTAssertEqual(LogsUpdate.fetched(&logs, answer, generation: 0, context(), connected, store: store, statuses: &statuses), [])
        XCTAssertEqual(LogsUpdate.pollDue(&logs, generation: 0, context(), connected), [])
        XCTAssertEqual(logs, before)
        XCTAssertEqual(statuses, [:])
    }

    func testAnAnswerCoveringTheUploadEndsTheFollowAndSetsTheUsersStatus() throws {
        var (logs, _) = try following(["1001"])
        let store = RecordStore([Fixture.user("1001", "zoe@contoso.com"), Fixture.user("1002", "jose@contoso.com")])
        var statuses: [Int: RecordSendStatus] = [:]
        let at = base.addingTimeInterval(8)
        let answer = LogsFetchResult.entries([try LogFixture.created("1001", "Zoë", at: base.addingTimeInterval(5))], at: at)
        let requests = LogsUpdate.fetched(&logs, answer, generation: 1, context(at: at), connected, store: store, statuses: &statuses)
        XCTAssertEqual(logs.entries.map(\.id), ["e-1001-create"])
        XCTAssertEqual(logs.lastRead, at)
        XCTAssertEqual(logs.pendingReads, 0)
        XCTAssertEqual(logs.polling, .complete)
        XCTAssertEqual(requests, [.message(StatusMessage("Entra processed all 1 user of the upload, none failed", .success))])
        XCTAssertEqual(statuses, [store.entries[0].id: .provisioned(action: "create")], "only the user the entry names")
    }

    func testAPollPastFortyMinutesWithUsersMissingStopsAndSaysSo() throws {
        var (logs, _) = try following(["1001"])
        var statuses: [Int: RecordSendStatus] = [:]
        _ = LogsUpdate.fetched(&logs, .entries([], at: base), generation: 1, context(), connected, store: RecordStore([]), statuses: &statuses)
        let late = context(at: base.addingTimeInterval(40 * 60))
        let requests = LogsUpdate.pollDue(&logs, generation: 1, late, connected)
        XCTAssertEqual(logs.polling, .timedOut)
        XCTAssertEqual(requests, [.message(StatusMessage("Accepted 40 min ago, not processed: was the job restarted or paused? r reads again.", .warning))])
    }

    func testThePromptTakesKeysOnlyWhileOpenAndEnterReadsOnceTheClockTicks() {
        var logs = LogsState()
        XCTAssertFalse(LogsUpdate.key(&logs, .character("1"), context(), connected).handled, "no prompt: the bindings have the key")
        XCTAssertEqual(LogsUpdate.update(&logs, .user, context(), connected), [])
        for c in "1001" { XCTAssertTrue(LogsUpdate.key(&logs, .character(c), context(), connected).handled) }
        XCTAssertEqual(logs.filterField?.text, "1001")
        let (handled, requests) = LogsUpdate.key(&logs, .enter, context(), connected)
        XCTAssertTrue(handled)
        XCTAssertNil(logs.filterField)
        XCTAssertEqual(logs.externalId, "1001")
        XCTAssertTrue(logs.readOnTick, "the read needs the time: it waits for the screen's first tick")
        XCTAssertEqual(requests, [.run(.tickAfter(milliseconds: 0))])

        let tick = LogsUpdate.ticked(&logs, context(), connected)
        XCTAssertEqual(reads(tick), [LogQuery(externalId: "1001", since: base.addingTimeInterval(-86_400))])
        XCTAssertTrue(tick.contains(.run(.tickAfter(milliseconds: 1000))), "and the clock ticks on every second")
    }

    func testTicksStopWhenTheScreenIsNotShown() {
        var logs = LogsState()
        _ = LogsUpdate.opened(&logs, context(), connected)
        XCTAssertNotNil(logs.clockDue)
        var hidden = connected
        hidden.shown = false
        XCTAssertEqual(LogsUpdate.ticked(&logs, context(), hidden), [])
        XCTAssertNil(logs.clockDue)
        XCTAssertEqual(LogsUpdate.opened(&logs, context(), hidden), [], "opening a screen that is not shown does nothing")
    }

    func testCommandsThatNeedWhatIsNotThereSayWhy() {
        var logs = LogsState()
        XCTAssertEqual(LogsUpdate.update(&logs, .upload, context(), connected),
                       [.message(StatusMessage("no upload to follow yet: after a send (F5) this shows only its users"))])
        XCTAssertEqual(LogsUpdate.update(&logs, .clear, context(), connected),
                       [.message(StatusMessage("no filter to clear (t changes the time window)"))])
        XCTAssertEqual(LogsUpdate.update(&logs, .job(.start), context(), unconnected),
                       [.message(StatusMessage("cannot start the job: Fill in the client secret. (Connect, 1)", .warning))])
        var statuses: [Int: RecordSendStatus] = [:]
        XCTAssertEqual(LogsUpdate.forgetImport(&logs, statuses: &statuses, context(), connected),
                       [.message(StatusMessage("no imported log download to forget"))])
    }

    func testARestartIsAskedWithWhatItDiscardsAndAfterwardsThePendingAreJournaledAsPurged() throws {
        var logs = LogsState()
        var restart = RestartCheck()
        let requests = LogsUpdate.askRestart(&logs, restart: &restart, context(), connected)
        XCTAssertTrue(restart.reading)
        XCTAssertEqual(requests.first, .run(.readRestartImpact(connect.request, journalPath: "/tmp/journal.sqlite")))
        guard case .overlay(.dialog(let dialog, .jobAction(.restart))?)? = requests.last, requests.count == 2 else {
            return XCTFail("the restart's confirmation: \(requests)")
        }
        XCTAssertTrue(dialog.message.hasSuffix("\n\nReading the provisioning logs to see which accepted uploads a restart would discard…"), dialog.message)

        let document = SendJournal.AcceptedDocument(sendId: "s1", index: 0, externalIds: ["1001"], acceptedAt: base)
        restart = RestartCheck()
        restart.impact = RestartImpact(pending: [document], logsProblem: nil, readAt: base)
        let impact = try XCTUnwrap(restart.impact)
        let done = LogsUpdate.jobActionFinished(&logs, .restart, error: nil, restart: &restart, context(), connected)
        XCTAssertEqual(done, [.message(StatusMessage("the job was restarted", .success)), .run(.observeJob(connect.request)),
                              .run(.purgeAfterRestart(connect.request, impact, journalPath: "/tmp/journal.sqlite"))])
        XCTAssertEqual(restart, RestartCheck(), "purged once")
    }

    func testEnterSelectsTheEntrysUserClearingAUsersFilterThatHidesThemOrSaysThereIsNone() throws {
        let store = RecordStore([Fixture.user("1001", "zoe@contoso.com"), Fixture.user("1002", "jose@contoso.com")])
        let lookup = UsersLookup()
        var users = UsersState()
        users.refresh(store: store)
        users.filter("jose", store: store, viewport: 10, severity: lookup.severityLookup)
        var logs = LogsState()
        var statuses: [Int: RecordSendStatus] = [:]
        XCTAssertEqual(LogsUpdate.jumpToUser(logs, users: &users, store: store, lookup: lookup, context()),
                       [.message(StatusMessage("no entry selected"))])

        _ = LogsUpdate.showUser(&logs, externalId: "1001", context(), connected)
        _ = LogsUpdate.fetched(&logs, .entries([try LogFixture.created("1001", "Zoë", at: base)], at: base), generation: 0,
                               context(), connected, store: store, statuses: &statuses)
        let requests = LogsUpdate.jumpToUser(logs, users: &users, store: store, lookup: lookup, context())
        XCTAssertEqual(users.query, "", "the filter that hid the user is cleared")
        XCTAssertEqual(users.selectedID(store: store), store.entries[0].id)
        XCTAssertEqual(requests, [.switchTo(.users),
                                  .message(StatusMessage("1001 (zoe@contoso.com): create success in the log entry; l shows their logs again"))])

        let other = RecordStore([Fixture.user("2002", "kim@contoso.com")])
        XCTAssertEqual(LogsUpdate.jumpToUser(logs, users: &users, store: other, lookup: lookup, context()),
                       [.message(StatusMessage("no user in the workspace has externalId 1001", .warning))])
    }
}
