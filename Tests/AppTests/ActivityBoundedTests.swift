import AppTesting
import Foundation
import Provisioning
import TerminalUI
import XCTest
@testable import App

/// Exchanges recorded much faster than the loop takes them: what waits for the loop and what the
/// Activity state holds stay bounded (summaries of a window, the bodies of a few), while the store
/// gets every one.
final class ActivityBoundedTests: XCTestCase {
    private let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    private var dir = ""

    override func setUp() {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("scimterm-bounded-\(UUID().uuidString)").path
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: dir)
    }

    private func loop(store: ExchangeStore) -> (AppLoop, HeadlessTerminal, ExchangeRecorder) {
        let session = ProvisioningSession(activity: store)
        let services = AppServices(testConnection: { _ in .failed(ConnectionProblem(headline: "", explanation: "", fix: "")) },
                                   loadFile: { _, _ in LoadedFile(records: [], summary: "") }, session: session)
        let terminal = HeadlessTerminal(width: 100, height: 30)
        let loop = AppLoop(state: Fixture.state(width: 100, height: 30), terminal: terminal, services: services, now: { [t0] in t0 })
        terminal.type("5")
        loop.runUntilIdle()
        return (loop, terminal, session.recorder)
    }

    /// `count` bulkUploads of a 50-operation body each, recorded while the loop does not run.
    private func record(_ count: Int, into recorder: ExchangeRecorder) {
        let done = expectation(description: "recorded")
        Task.detached { [t0] in
            let operations = (0..<50).map { #"{"method":"POST","bulkId":"b\#($0)","path":"/Users","data":{"userName":"u\#($0)@contoso.com"}}"# }
            let body = Array((#"{"Operations":["# + operations.joined(separator: ",") + "]}").utf8)
            for i in 1...count {
                await recorder.record(purpose: .bulkUpload(document: i - 1),
                                      request: TransportRequest(method: "POST", url: "https://graph.microsoft.com/v1.0/x/bulkUpload",
                                                                headers: [HTTPHeader("Content-Type", "application/scim+json")], body: body),
                                      response: TransportResponse(status: 202, headers: [HTTPHeader("request-id", "req-\(i)")], body: []),
                                      failure: nil, startedAt: t0.addingTimeInterval(Double(i)), duration: 0.1, attempt: 0)
            }
            done.fulfill()
        }
        wait(for: [done], timeout: 120)
    }

    func testExchangesRecordedWhileTheLoopSleepsWakeItOnceAndLeaveAWindow() throws {
        let store = try ExchangeStore(path: dir + "/activity.sqlite", now: t0)
        let (loop, terminal, recorder) = loop(store: store)
        record(1_000, into: recorder)

        let waiting = loop.inbox.drain()
        XCTAssertEqual(waiting.count, 1, "one wake-up for 1,000 exchanges, not one action each")
        guard case .activity(.recordedWaiting)? = waiting.first else { return XCTFail("\(waiting)") }
        for action in waiting { loop.dispatch(action) }
        XCTAssertTrue(loop.runUntilIdle())

        let activity = loop.state.activity
        XCTAssertEqual(activity.total, 1_000)
        XCTAssertEqual(try store.count(), 1_000, "every exchange is in the store")
        XCTAssertLessThanOrEqual(activity.loaded.count, ActivityState.window + ActivityState.tail)
        XCTAssertLessThanOrEqual(activity.whole.count, ActivityState.wholeKept, "bodies of a few exchanges at most")
        XCTAssertEqual(activity.selectedExchange?.id, 1_000, "the selected one was read whole, off the loop")
        XCTAssertTrue(terminal.screenText.contains("#1000 bulkUpload #1000 · 202 Accepted · request-id req-1000"), terminal.screenText)
        XCTAssertTrue(terminal.screenText.contains("1000 exchanges · following the newest"), terminal.screenText)
    }

    func testWhileTheLoopKeepsUpTheStateNeverHoldsMoreThanItsWindow() throws {
        let store = try ExchangeStore(path: dir + "/activity.sqlite", now: t0)
        let (loop, terminal, recorder) = loop(store: store)
        final class Flag: @unchecked Sendable {
            private let lock = NSLock()
            private var value = false
            var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
            func set() { lock.lock(); value = true; lock.unlock() }
        }
        let done = Flag()
        Task.detached { [t0] in
            for i in 1...2_000 {
                await recorder.record(purpose: .bulkUpload(document: i - 1),
                                      request: TransportRequest(method: "POST", url: "https://graph.microsoft.com/v1.0/x/bulkUpload",
                                                                headers: [], body: Array(repeating: 0x41, count: 20_000)),
                                      response: TransportResponse(status: 202, headers: [], body: []),
                                      failure: nil, startedAt: t0, duration: 0.1, attempt: 0)
            }
            done.set()
        }
        var mostLoaded = 0, mostBodyBytes = 0
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline, !(done.isSet && loop.state.activity.total == 2_000) {
            loop.step(timeoutMilliseconds: 5)
            mostLoaded = max(mostLoaded, loop.state.activity.loaded.count)
            mostBodyBytes = max(mostBodyBytes, loop.state.activity.whole.reduce(0) { $0 + $1.request.body.count })
        }
        XCTAssertTrue(loop.runUntilIdle())
        XCTAssertEqual(loop.state.activity.total, 2_000, terminal.screenText)
        XCTAssertLessThanOrEqual(mostLoaded, ActivityState.window + ActivityState.tail)
        XCTAssertLessThanOrEqual(mostBodyBytes, ActivityState.wholeKept * 20_000, "never more than a few bodies")
        XCTAssertEqual(loop.state.activity.selectedExchange?.request.body.count, 20_000, "the selected one's body was read for its detail")
    }
}
