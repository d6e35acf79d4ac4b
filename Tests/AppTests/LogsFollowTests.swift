import App
import AppTesting
import Foundation
import Provisioning
import SCIM
import TerminalUI
import XCTest

/// Following an upload tells the truth: only entries newer than each document's 202 count, a
/// stopped job makes the upload "queued" (with the state's age), and an upload nobody processed is
/// said to be so after `notProcessedAfter`. Every time comes from the actions, never the wall clock.
final class LogsFollowTests: XCTestCase {
    private let base = LogFixture.base

    private func reads(_ effects: [AppEffect]) -> [LogQuery] {
        effects.compactMap { if case .fetchLogs(_, let query, _) = $0 { return query } else { return nil } }
    }

    /// The screen's lines trimmed and joined by spaces: a wrapped sentence reads whole again.
    private func prose(_ k: Keys) -> String {
        k.screen().map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    private func status(_ k: Keys, _ externalId: String) -> RecordSendStatus? {
        LogFixture.recordID(k, externalId).flatMap { k.state.sendStatus[$0] }
    }

    /// Two documents, 1001+1002 accepted at base+1, 1003 at base+31: the send as its events tell it.
    private func sentInTwoDocuments() -> Keys {
        let k = LogFixture.connected()
        let ids = { (ext: [String]) in ext.compactMap { LogFixture.recordID(k, $0) } }
        k.state.send = SendProgress(title: "test", documents: [
            SendDocument(bytes: [], recordIDs: ids(["1001", "1002"]), externalIds: ["1001", "1002"]),
            SendDocument(bytes: [], recordIDs: ids(["1003"]), externalIds: ["1003"]),
        ], startedAt: base)
        k.send(.sendEvent(.started(sendId: "send-2")))
        k.send(.sendEvent(.sending(document: 0, attempt: 1, at: base.addingTimeInterval(1))))
        k.send(.sendEvent(.accepted(document: 0, requestId: "r0")))
        k.send(.sendEvent(.sending(document: 1, attempt: 1, at: base.addingTimeInterval(31))))
        k.send(.sendEvent(.accepted(document: 1, requestId: "r1")))
        k.send(.sendFinished(SendResult(sendId: "send-2", cancelled: false, accepted: 2, failed: 0)))
        return k
    }

    func testEachUserCountsOnlyEntriesNewerThanItsDocuments202() throws {
        let k = sentInTwoDocuments()
        let effects = k.takeEffects()
        XCTAssertEqual(reads(effects).map(\.since), [base.addingTimeInterval(1 - 60)], "Graph is asked from a minute before the first 202")
        let upload = try XCTUnwrap(k.state.logs.upload)
        XCTAssertEqual(upload.acceptedAt, ["1001": base.addingTimeInterval(1), "1002": base.addingTimeInterval(1), "1003": base.addingTimeInterval(31)])

        // 1003's entry at base+20 is an earlier upload's: its document was accepted at base+31.
        k.send(.logsFetched(generation: k.state.logs.generation, .entries([
            try LogFixture.created("1001", "Zoë Ångström", at: base.addingTimeInterval(20)),
            try LogFixture.created("1003", "Björn Søndergaard", at: base.addingTimeInterval(20), id: "e-1003-earlier"),
            try LogFixture.created("1002", "José García", at: base.addingTimeInterval(-5), id: "e-1002-earlier"),
        ], at: base.addingTimeInterval(40))))
        XCTAssertEqual(k.state.logs.rows.count, 1, "only 1001's entry is an outcome of this upload")
        XCTAssertEqual(status(k, "1001"), .provisioned(action: "create"))
        XCTAssertEqual(status(k, "1002"), .accepted, "an entry older than the 202 says nothing about this send")
        XCTAssertEqual(status(k, "1003"), .accepted)
        k.press("6")
        XCTAssertEqual(k.state.logs.rows.map { k.state.logs.entries[$0].log.externalId }, ["1001"], "this upload's list shows only its outcomes")
        XCTAssertTrue(k.text.contains("1 of 3 users of the upload have entries"), k.text)

        // The same second as the 202 counts: Graph writes whole seconds.
        k.send(.logsFetched(generation: k.state.logs.generation, .entries([
            try LogFixture.created("1003", "Björn Søndergaard", at: base.addingTimeInterval(31)),
            try LogFixture.updated("1002", "José García", at: base.addingTimeInterval(45), department: ("Sales", "Engineering")),
        ], at: base.addingTimeInterval(50))))
        XCTAssertEqual(k.state.logs.polling, .complete)
        XCTAssertEqual(status(k, "1002"), .provisioned(action: "update"))
    }

    /// Accepted a hair after a whole second (as `Date()` gives it), logged in that second: a fraction
    /// taken in one epoch and subtracted in the other once lost such entries (a quarter of seconds).
    func testAnEntryOfTheSameSecondAsTheAcceptanceCountsWhateverTheFraction() throws {
        let accepted = Date(timeIntervalSinceReferenceDate: 818_128_751.002_500_176)
        let upload = try XCTUnwrap(LogsUpload(sendId: "s", batches: [LogsUpload.Batch(externalIds: ["1001"], acceptedAt: accepted)]))
        let same = LogEntry(try LogFixture.created("1001", "Zoë Ångström", at: Date(timeIntervalSinceReferenceDate: 818_128_751)))
        let before = LogEntry(try LogFixture.created("1001", "Zoë Ångström", at: Date(timeIntervalSinceReferenceDate: 818_128_750)))
        XCTAssertTrue(upload.isOutcome(same))
        XCTAssertFalse(upload.isOutcome(before))
    }

    func testAPausedJobMakesTheUploadQueuedAndEachEmptyRoundReadsTheJobAgain() throws {
        let k = LogFixture.connected()
        LogFixture.finishSend(k, externalIds: ["1001", "1002"], at: base)
        let generation = k.state.logs.generation
        XCTAssertTrue(k.takeEffects().contains(.observeJob(k.state.connect.request)), "the follow reads the job when it starts")
        k.send(.jobObserved(.status(JobStatus(code: "Paused")), at: base.addingTimeInterval(1)))
        // Yesterday's entry of 1001 is not this upload's outcome, whatever the job does.
        k.send(.logsFetched(generation: generation, .entries([try LogFixture.created("1001", "Zoë Ångström", at: base.addingTimeInterval(-86_000))],
                                                             at: base.addingTimeInterval(2))))
        XCTAssertTrue(k.takeEffects().contains(.observeJob(k.state.connect.request)), "a round that found nothing reads the job again")
        k.send(.jobObserved(.status(JobStatus(code: "Paused")), at: base.addingTimeInterval(3)))
        k.press("6")
        k.send(.tick(base.addingTimeInterval(15)))
        XCTAssertTrue(prose(k).contains("Upload queued: the job is Paused, nothing will be processed until it is started (S starts it). 0 of 2 users of the upload have entries; job state read 12 s ago."), k.text)
        XCTAssertFalse(k.text.contains("create  success 1001"), "nothing is reported as created:\n\(k.text)")
        XCTAssertEqual(status(k, "1001"), .accepted)

        // Hours later the job is still paused: the follow stops, and still says why.
        k.send(.logsPollDue(generation: generation))
        k.send(.logsFetched(generation: generation, .entries([], at: base.addingTimeInterval(41 * 60))))
        XCTAssertEqual(k.state.logs.polling, .timedOut)
        k.send(.jobObserved(.status(JobStatus(code: "Paused")), at: base.addingTimeInterval(41 * 60)))
        XCTAssertTrue(prose(k).contains("Upload queued: the job is Paused, nothing will be processed until it is started (S starts it). 2 users still without an entry; job state read"), k.text)
    }

    func testQuarantineAndNotRunAreNamedToo() {
        for (job, text) in [
            (JobStatus(code: "Quarantine", quarantineReason: "EncounteredQuarantineException"),
             "Upload queued: the job is in Quarantine (EncounteredQuarantineException), nothing will be processed until it leaves quarantine"),
            (JobStatus(code: "NotRun"), "Upload queued: the job is NotRun, nothing will be processed until it is started (S starts it)."),
            (JobStatus(code: "NotConfigured"), "Upload queued: the job is NotConfigured, nothing will be processed until its setup is finished"),
        ] {
            let k = LogFixture.connected(width: 160, height: 30)
            LogFixture.finishSend(k, externalIds: ["1001"], at: base)
            k.send(.jobObserved(.status(job), at: base.addingTimeInterval(2)))
            k.press("6")
            XCTAssertTrue(prose(k).contains(text), "\(job.code):\n\(prose(k))")
        }
    }

    func testAnUploadNotProcessedWithin40MinutesOfIts202IsSaidToBe() throws {
        let k = LogFixture.connected()
        k.state.logs.notProcessedAfter = 40 * 60
        LogFixture.finishSend(k, externalIds: ["1001", "1002"], at: base)
        let generation = k.state.logs.generation
        k.send(.jobObserved(.status(JobStatus(code: "Active")), at: base))
        k.send(.logsFetched(generation: generation, .entries([try LogFixture.created("1001", "Zoë Ångström", at: base.addingTimeInterval(300))],
                                                             at: base.addingTimeInterval(39 * 60))))
        XCTAssertTrue(k.state.logs.polling.isWaiting, "39 minutes: still within the delay and its margin")
        k.send(.logsFetched(generation: generation, .entries([], at: base.addingTimeInterval(40 * 60 + 30))))
        XCTAssertEqual(k.state.logs.polling, .timedOut)
        k.press("6")
        XCTAssertTrue(prose(k).contains("Accepted 40 min ago, not processed (1 of 2 users): was the job restarted or paused?"), k.text)

        // Starting the job counts the wait afresh.
        k.send(.jobActionFinished(.start, error: nil))
        XCTAssertEqual(k.state.logs.polling, .waiting(polls: 0, elapsed: 0))
        k.send(.logsFetched(generation: generation, .entries([], at: base.addingTimeInterval(60 * 60))))
        XCTAssertTrue(k.state.logs.polling.isWaiting, "40 minutes from the start, not from the 202")
    }

    func testARestartDuringAFollowSaysTheQueuedUsersMayNeedSendingAgain() {
        let k = LogFixture.connected()
        LogFixture.finishSend(k, externalIds: ["1001", "1002", "1003"], at: base)
        k.send(.jobActionFinished(.restart, error: nil))
        XCTAssertEqual(k.state.message?.text,
                       "the job was restarted: Entra discards uploads still waiting to be processed, so the 3 users of the upload without an entry may need to be sent again")
    }

    func testTheScreensTicksDoNotMultiplyAndStopWhenItIsLeft() {
        let k = LogFixture.connected()
        k.press("6")
        XCTAssertEqual(k.takeEffects().filter { if case .tickAfter = $0 { return true } else { return false } }, [.tickAfter(milliseconds: 0)])
        k.send(.tick(base))
        XCTAssertTrue(k.takeEffects().contains(.tickAfter(milliseconds: 1000)))
        // A tick of another timer (a send's, every 250 ms) before the screen's own does not re-arm it.
        k.send(.tick(base.addingTimeInterval(0.25)))
        XCTAssertFalse(k.takeEffects().contains(.tickAfter(milliseconds: 1000)))
        k.send(.tick(base.addingTimeInterval(1)))
        XCTAssertTrue(k.takeEffects().contains(.tickAfter(milliseconds: 1000)), "its own tick does")
        k.press("2")
        _ = k.takeEffects()
        k.send(.tick(base.addingTimeInterval(2)))
        XCTAssertFalse(k.takeEffects().contains(.tickAfter(milliseconds: 1000)), "off the screen, no more ticks")
        k.press("6")
        XCTAssertTrue(k.takeEffects().contains(.tickAfter(milliseconds: 0)), "back on it, they start again")
    }
}
