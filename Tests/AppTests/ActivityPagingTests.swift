import AppTesting
import Foundation
import Provisioning
import SCIM
import TerminalUI
import XCTest
@testable import App

/// 5,000 exchanges through the real recorder, store and effect runner: the Activity state holds a
/// window, the rest are paged in on scroll, searched and exported from the store.
final class ActivityPagingTests: XCTestCase {
    private let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    private var dir = ""

    override func setUp() {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("scimterm-paging-\(UUID().uuidString)").path
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: dir)
    }

    private final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
        func set() { lock.lock(); value = true; lock.unlock() }
    }

    /// A loop on the Activity screen whose session writes to a store in `dir`, with `count`
    /// exchanges recorded; the most the state held at any step.
    private func recorded(_ count: Int) throws -> (AppLoop, HeadlessTerminal, Int) {
        let store = try ExchangeStore(path: dir + "/activity.sqlite", now: t0)
        let session = ProvisioningSession(activity: store)
        let services = AppServices(testConnection: { _ in .failed(ConnectionProblem(headline: "", explanation: "", fix: "")) },
                                   loadFile: { _, _ in LoadedFile(records: [], summary: "") }, session: session)
        let terminal = HeadlessTerminal(width: 100, height: 30)
        let loop = AppLoop(state: Fixture.state(width: 100, height: 30), terminal: terminal, services: services, now: { [t0] in t0 })
        terminal.type("5")
        loop.runUntilIdle()
        let done = Flag()
        let recorder = session.recorder, start = t0
        Task.detached {
            await Recording.record(count, into: recorder, at: start)
            done.set()
        }
        var most = 0
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline, !(done.isSet && loop.state.activity.total == count) {
            loop.step(timeoutMilliseconds: 5)
            most = max(most, loop.state.activity.loaded.count)
        }
        XCTAssertTrue(loop.runUntilIdle())
        return (loop, terminal, max(most, loop.state.activity.loaded.count))
    }

    func testTheStateHoldsAWindowAndScrollingToTheTopPagesInTheFirst() throws {
        let (loop, terminal, most) = try recorded(5_000)
        let activity = loop.state.activity
        XCTAssertEqual(activity.total, 5_000)
        XCTAssertLessThanOrEqual(most, ActivityState.window + ActivityState.tail, "never more than the window in memory")
        XCTAssertEqual(activity.selected?.id, 5_000, "following the newest")
        XCTAssertTrue(terminal.screenText.contains("5000 exchanges · following the newest"), terminal.screenText)

        terminal.send(.home)
        XCTAssertTrue(loop.runUntilIdle())
        XCTAssertEqual(loop.state.activity.selected?.id, 1, terminal.screenText)
        XCTAssertTrue(terminal.screenText.contains("#1 token · 202 Accepted · request-id req-1"), terminal.screenText)
        XCTAssertTrue(terminal.screenText.contains("bulkUpload #1 "), "the rows below #1 came with it:\n\(terminal.screenText)")
        XCTAssertTrue(terminal.screenText.contains("paused on #1"), terminal.screenText)
        XCTAssertLessThanOrEqual(loop.state.activity.loaded.count, ActivityState.window + ActivityState.tail)
        XCTAssertNil(loop.state.activity.loaded[2_500], "the middle of the session stays on disk")
    }

    func testSearchFindsAnExchangeFarOutsideTheWindow() throws {
        let (loop, terminal, _) = try recorded(5_000)
        XCTAssertNil(loop.state.activity.loaded[17])
        terminal.type("/user17@")
        terminal.send(.enter)
        XCTAssertTrue(loop.runUntilIdle())
        XCTAssertEqual(loop.state.activity.rows.count, 1, terminal.screenText)
        XCTAssertEqual(loop.state.activity.selected?.id, 17)
        XCTAssertTrue(terminal.screenText.contains("#17 bulkUpload #16 · 202 Accepted"), terminal.screenText)
        XCTAssertTrue(terminal.screenText.contains("1 contain \"user17@\""), terminal.screenText)
        XCTAssertFalse(terminal.screenText.contains("searching"), terminal.screenText)
    }

    func testHARExportStreamsEveryExchangeFromTheStoreWithoutASecret() throws {
        let (loop, terminal, _) = try recorded(5_000)
        let har = dir + "/exports/all.har"
        terminal.type("h")
        XCTAssertTrue(loop.runUntilIdle())
        XCTAssertTrue(terminal.screenText.contains("Write all 5000 exchanges"), terminal.screenText)
        terminal.send(.ctrl("u"))
        terminal.type(har)
        terminal.send(.enter)
        XCTAssertTrue(loop.runUntilIdle(timeoutSeconds: 60))
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: har)))
        let entries = try JSONParser.parse(bytes).objectValue?["log"]?.objectValue?["entries"]?.arrayValue
        XCTAssertEqual(entries?.count, 5_000)
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertTrue(text.contains("user1@contoso.com") && text.contains("user5000@contoso.com"))
        XCTAssertFalse(text.contains("SECRETTOKEN") || text.contains("Hunter2"), "tokens and passwords were redacted when recorded")
        XCTAssertLessThanOrEqual(loop.state.activity.loaded.count, ActivityState.window + ActivityState.tail)
    }

    private static func pages(_ effects: [AppEffect]) -> [[Int]] {
        effects.compactMap { if case .activity(.page(let ids)) = $0 { return ids } else { return nil } }
    }

    func testAnIdTheStoreDoesNotHaveIsAskedOnceAndShownAsAPlaceholder() {
        let k = Keys(Fixture.state(width: 100, height: 30))
        k.press("5")
        for id in 1...300 { k.send(.exchangeRecorded(ActivityTests.exchange(id))) }
        XCTAssertEqual(Self.pages(k.effects), [], "the newest are in memory as they arrive")
        XCTAssertNil(k.state.activity.loaded[1], "the oldest left the window")
        k.press("home")
        XCTAssertEqual(Self.pages(k.effects).last?.first, 1)
        XCTAssertTrue(k.text.contains("#1 …"), k.text)
        let asked = k.effects.count
        k.send(.activity(.pageLoaded([])))
        k.press("down")
        XCTAssertEqual(Self.pages(Array(k.effects[asked...])), [], "not asked again while it stays in the window")
        k.send(.activity(.pageLoaded([ActivityTests.exchange(1), ActivityTests.exchange(2)].map(ExchangeSummary.init))))
        XCTAssertEqual(k.state.activity.selected?.id, 2)
        XCTAssertTrue(k.text.contains("#2 bulkUpload #2 · 202 Accepted"), k.text)
    }

    func testANewSessionStartsEmpty() throws {
        _ = try recorded(300)
        let again = try ExchangeStore(path: dir + "/activity.sqlite", now: t0.addingTimeInterval(60))
        XCTAssertEqual(try again.count(), 0)
        XCTAssertEqual(try again.search("contoso").ids, [])
        let terminal = HeadlessTerminal(width: 100, height: 30)
        let session = ProvisioningSession(activity: again)
        let loop = AppLoop(state: Fixture.state(width: 100, height: 30), terminal: terminal,
                           services: AppServices(testConnection: { _ in .failed(ConnectionProblem(headline: "", explanation: "", fix: "")) },
                                                 loadFile: { _, _ in LoadedFile(records: [], summary: "") }, session: session),
                           now: { [t0] in t0 })
        terminal.type("5")
        XCTAssertTrue(loop.runUntilIdle())
        XCTAssertEqual(loop.state.activity.total, 0)
        XCTAssertTrue(terminal.screenText.contains("No requests yet"), terminal.screenText)
    }
}

/// What the client records for a send: a token call, then bulkUploads with a bearer token and a
/// password in the body (both redacted on the way in).
private enum Recording {
    static func record(_ count: Int, into recorder: ExchangeRecorder, at t0: Date) async {
        for i in 1...count {
            let body = #"{"Operations":[{"data":{"userName":"user\#(i)@contoso.com","password":"Hunter2-\#(i)"}}]}"#
            await recorder.record(
                purpose: i == 1 ? .token : .bulkUpload(document: i - 2),
                request: TransportRequest(method: "POST", url: "https://graph.microsoft.com/v1.0/x/bulkUpload",
                                          headers: [HTTPHeader("Authorization", "Bearer eyJ0eXAiSECRETTOKEN\(i)"),
                                                    HTTPHeader("Content-Type", "application/scim+json")],
                                          body: Array(body.utf8)),
                response: TransportResponse(status: 202, headers: [HTTPHeader("request-id", "req-\(i)")], body: []),
                failure: nil, startedAt: t0.addingTimeInterval(Double(i)), duration: 0.12, attempt: 0)
        }
    }
}
