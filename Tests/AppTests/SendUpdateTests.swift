import App
import AppTesting
import Foundation
import Provisioning
import SCIM
import TerminalUI
import XCTest

/// Sending as `TUI.update` sees it: the confirmation, the documents, progress, cancel, the end.
final class SendUpdateTests: XCTestCase {
    private func connected(_ records: [UserRecord]? = nil, width: Int = 100, height: Int = 30) -> Keys {
        var state = Fixture.connected(width: width, height: height)
        if let records { state = TUI.update(state, .fileLoaded(path: "test", LoadedFile(records: records, summary: ""))).0 }
        let k = Keys(Fixture.validated(state))
        k.send(.connectionTested(generation: 0, .connected(ConnectionReport(jobState: "Active", advice: "", tokenExpiry: "12:00", processesUploads: true))))
        return k
    }

    private func sent(_ k: Keys) -> [SendDocument]? {
        for effect in k.effects.reversed() { if case .send(_, let documents, _) = effect { return documents } }
        return nil
    }

    func testTheConfirmationNamesTenantCloudJobStateAndCounts() {
        let k = connected()
        k.press("f5")
        let screen = k.text
        XCTAssertTrue(screen.contains("Send to Entra"), screen)
        XCTAssertTrue(screen.contains("Tenant  8c1b3d9e-5a4f-4e2b-9c7d-0f6a2b1e3d4c"), screen)
        XCTAssertTrue(screen.contains("Cloud   Global"), screen)
        XCTAssertTrue(screen.contains("Job     reading the job's state from Entra…"), "never the connection test's cached state:\n" + screen)
        XCTAssertTrue(k.effects.contains { if case .observeJob = $0 { return true } else { return false } })
        let read = Date(timeIntervalSince1970: 1_800_000_000)
        k.send(.jobObserved(.status(JobStatus(code: "Active")), at: read))
        XCTAssertTrue(k.text.contains("Job     Active (read just now): uploads are processed"), k.text)
        k.send(.tick(read.addingTimeInterval(12)))
        XCTAssertTrue(k.text.contains("Job     Active (read 12 s ago): uploads are processed"), k.text)
        XCTAssertTrue(screen.contains("API2AAD.0123456789abcdef0123456789abcdef.0b2b8f2c-7b71-4f8a-9a56-6c5d4e3f2a10"), screen)
        XCTAssertTrue(screen.contains("25 users: 1 request of at most 50 operations"), screen)
        XCTAssertTrue(screen.contains("[ Send all 25 ]"), screen)
        XCTAssertNil(sent(k), "nothing goes before the operator answers")
        k.press("enter")
        let documents = sent(k) ?? []
        XCTAssertEqual(documents.count, 1)
        XCTAssertEqual(documents.first?.recordIDs.count, 25)
        XCTAssertEqual(k.state.screen, .activity)
        XCTAssertEqual(k.state.sendStatus.values.filter { $0 == .queued }.count, 25)
    }

    func testTheConfirmationShowsThePausedStateItReadsNotTheOneCachedAtConnect() {
        let k = connected()
        k.press("f5")
        k.send(.jobObserved(.status(JobStatus(code: "Paused")), at: Date(timeIntervalSince1970: 1_800_000_000)))
        XCTAssertTrue(k.text.contains("Job     Paused (read just now): uploads wait until the job runs"), k.text)
        XCTAssertEqual(k.state.logs.job?.code, "Paused", "the Logs panel shows the same fresh answer")
    }

    func testTheConfirmationPlansTheDailyQuota() {
        let k = connected()
        k.state.journalPath = "/nonexistent/journal.sqlite"
        k.state.sendCheck.dailyQuota = 10
        k.press("f5")
        XCTAssertTrue(k.effects.contains { if case .readQuotaCalls = $0 { return true } else { return false } })
        XCTAssertTrue(k.text.contains("Daily quota: counting this machine's calls…"), k.text)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let recent = (0..<10).map { now.addingTimeInterval(Double(-3600 * 23 + $0)) }
        k.send(.quotaCallsRead(tenant: k.state.connect.request.tenant, .success(recent), at: now))
        XCTAssertTrue(k.text.contains("⚠ Daily quota: 1 bulkUpload call needed; 10 of 10 used in the last 24 h"), k.text)
        XCTAssertTrue(k.text.contains("0 can go now, the other 1 after"), k.text)
    }

    func testAProfileLabelNamesTheTargetInTheTitle() {
        let k = connected()
        k.state.badge = Badge(label: "PROD", role: .error)
        k.press("f5")
        XCTAssertTrue(k.text.contains("Send to PROD"), k.text)
    }

    func testMarkedUsersAndTheBatchSizeDecideTheDocuments() {
        let k = connected()
        k.state.batchSize = 2
        k.press("space space space")
        k.press("f5")
        XCTAssertTrue(k.text.contains("[ Send 3 marked ]"), k.text)
        XCTAssertTrue(k.text.contains("3 marked users: 2 requests of at most 2 operations"), k.text)
        k.press("enter")
        let documents = sent(k) ?? []
        XCTAssertEqual(documents.map(\.recordIDs.count), [2, 1])
        XCTAssertEqual(documents.flatMap(\.externalIds), ["1001", "1002", "1003"])
        let body = try? JSONParser.parse(documents[0].bytes)
        XCTAssertEqual(body?.objectValue?["Operations"]?.arrayValue?.count, 2, "the bytes are the BulkRequest itself")
    }

    func testThePreviewedDocumentCanBeSentAlone() {
        let k = connected()
        k.state.batchSize = 10
        k.press("4 ]")
        k.press("f5")
        XCTAssertTrue(k.text.contains("[ Send document 2 ]  [ Send all 25 ]"), k.text)
        k.press("enter")
        let documents = sent(k) ?? []
        XCTAssertEqual(documents.count, 1)
        XCTAssertEqual(documents.first?.externalIds, (1011...1020).map(String.init), "exactly the previewed document's users")
        XCTAssertEqual(documents.first?.bytes, k.state.preview?.documents[1].bytes(), "the very bytes the preview shows")
    }

    func testErrorsMakeCancelTheDefaultAndSendingTakesSendAnyway() {
        var records = TUIApp.sampleUsers()
        records[0].externalId = ""
        let k = connected(records)
        k.press("f5")
        XCTAssertTrue(k.text.contains("[ Send anyway: all 25 ]"), k.text)
        XCTAssertTrue(k.text.contains("1 user with errors Entra will reject"), k.text)
        k.press("enter")
        XCTAssertNil(sent(k), "Enter on the default (Cancel) sends nothing")
        k.press("f5 left enter")
        XCTAssertEqual(sent(k)?.first?.recordIDs.count, 25, "send anyway sends the bad record as it is")
    }

    func testNotConnectedSaysWhatIsMissing() {
        var state = Fixture.state()
        state.connect = ConnectState(draft: ConnectionDraft(), secret: "")
        let k = Keys(state)
        k.press("f5")
        XCTAssertNil(k.state.overlay)
        XCTAssertEqual(k.state.screen, .connect)
        XCTAssertTrue(k.state.message?.text.hasPrefix("connect first") ?? false, k.state.message?.text ?? "")
    }

    func testProgressEventsUpdateDocumentsRecordsAndTheEnd() throws {
        let k = connected()
        k.state.batchSize = 10
        k.press("f5 enter")
        let documents = try XCTUnwrap(sent(k))
        XCTAssertEqual(documents.count, 3)
        let t0 = Date()
        k.send(.sendEvent(.started(sendId: "s1")))
        k.send(.sendEvent(.sending(document: 0, attempt: 0, at: t0)))
        XCTAssertEqual(k.state.sendStatus[documents[0].recordIDs[0]], .sending)
        k.send(.sendEvent(.accepted(document: 0, requestId: "r-1")))
        k.send(.sendEvent(.sending(document: 1, attempt: 0, at: t0)))
        k.send(.sendEvent(.waiting(seconds: 3, reason: "429 Too Many Requests, Retry-After 3", at: t0)))
        k.send(.tick(t0.addingTimeInterval(1)))
        var screen = k.text
        XCTAssertTrue(screen.contains("waiting 2 s: 429 Too Many Requests, Retry-After 3"), screen)
        XCTAssertTrue(screen.contains("rate 2/40 per 5 s · 1 retry"), screen)
        XCTAssertTrue(screen.contains("1/3 accepted"), screen)
        k.send(.sendEvent(.sending(document: 1, attempt: 1, at: t0.addingTimeInterval(3))))
        k.send(.sendEvent(.accepted(document: 1, requestId: "r-2")))
        k.send(.sendEvent(.sending(document: 2, attempt: 0, at: t0.addingTimeInterval(3))))
        k.send(.sendEvent(.failed(document: 2, reason: "400 Bad Request: Invalid Data Format")))
        k.send(.sendFinished(SendResult(sendId: "s1", cancelled: false, accepted: 2, failed: 1)))
        XCTAssertEqual(k.state.sendStatus[documents[0].recordIDs[0]], .accepted)
        XCTAssertEqual(k.state.sendStatus[documents[2].recordIDs[0]], .failed("400 Bad Request: Invalid Data Format"))
        XCTAssertFalse(k.state.unsent.contains(documents[0].recordIDs[0]))
        XCTAssertEqual(k.state.message?.level, .warning)
        // The finished send folds to one line; r opens its full report.
        k.press("r")
        screen = k.text
        XCTAssertTrue(screen.contains("✓✓✗"), screen)
        XCTAssertTrue(screen.contains("✗ done with failures: document 3 failed: 400 Bad Request"), screen)
        k.press("2")
        XCTAssertTrue(k.text.contains("sent"), "the Users table shows the status:\n\(k.text)")
        k.press("end")
        XCTAssertTrue(k.text.contains("failed"), k.text)
        XCTAssertTrue(k.text.contains("send failed: 400 Bad Request: Invalid Data Format"), "the panel says why:\n\(k.text)")
    }

    func testEscCancelsOnceAndTheRestIsOfferedAsCancelled() {
        let k = connected()
        k.press("f5 enter")
        k.press("escape")
        XCTAssertEqual(k.effects.last, .cancelSend)
        let count = k.effects.count
        k.press("escape")
        XCTAssertEqual(k.effects.count, count, "a second Esc does not cancel twice")
        XCTAssertTrue(k.text.contains("cancelling after the request in flight"), k.text)
        k.send(.sendFinished(SendResult(sendId: "s1", cancelled: true, accepted: 0, failed: 0)))
        XCTAssertTrue(k.state.message?.text.hasPrefix("cancelled") ?? false)
        XCTAssertTrue(k.state.sendStatus.isEmpty, "nothing left queued")
    }

    func testAnInterruptedSendIsOfferedForResumeAtStart() throws {
        let k = connected()
        k.state.journalPath = "/tmp/journal.sqlite"
        let found = ResumableSend(sendId: "s9", created: Date(), documents: [["1001"], ["1002", "1003"]], accepted: [true, false])
        k.send(.resumableSendFound(found))
        XCTAssertTrue(k.text.contains("1 of 2 requests"), k.text)
        XCTAssertTrue(k.text.contains("1 (2 users) were not"), k.text)
        k.press("enter")
        guard case .resumeSend(_, "s9", "/tmp/journal.sqlite")? = k.effects.first(where: { if case .resumeSend = $0 { return true } else { return false } }) else {
            return XCTFail("no resume: \(k.effects)")
        }
        XCTAssertEqual(k.state.send?.acceptedDocuments, 1, "what was accepted shows as done")
        XCTAssertEqual(k.state.screen, .activity)
    }

    func testForgettingAnInterruptedSendMarksItInTheJournal() {
        let k = connected()
        k.state.journalPath = "/tmp/journal.sqlite"
        k.send(.resumableSendFound(ResumableSend(sendId: "s9", created: Date(), documents: [["1"]], accepted: [false])))
        k.press("right right enter")
        XCTAssertEqual(k.effects.last, .forgetSend(sendId: "s9", journalPath: "/tmp/journal.sqlite"))
    }
}
