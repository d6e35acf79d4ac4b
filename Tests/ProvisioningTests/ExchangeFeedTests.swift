import Foundation
@testable import Provisioning
import XCTest

/// The channel from the recorder to the TUI's loop: bounded whatever the pace, one wake-up per
/// burst, summaries only (the store keeps every exchange whole).
final class ExchangeFeedTests: XCTestCase {
    private let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var n = 0
        var value: Int { lock.lock(); defer { lock.unlock() }; return n }
        func bump() { lock.lock(); n += 1; lock.unlock() }
    }

    private func summary(_ id: Int) -> ExchangeSummary {
        ExchangeSummary(id: id, purpose: .bulkUpload(document: id - 1), startedAt: t0, method: "POST", path: "/x", status: 202,
                        failed: false, durationMilliseconds: 1, attempt: 0, requestBytes: 10, responseBytes: 0, requestId: nil)
    }

    func testABurstWakesTheListenerOnceAndKeepsOnlyTheNewest() {
        let feed = ExchangeFeed(capacity: 100)
        let told = Counter()
        feed.onReady { told.bump() }
        for id in 1...10_000 { feed.push(summary(id)) }
        XCTAssertEqual(told.value, 1, "one wake-up for the whole burst")
        let taken = feed.take()
        XCTAssertEqual(taken.map(\.id), Array(9_901...10_000), "the newest capacity, oldest first")
        XCTAssertEqual(feed.take(), [], "taking empties it")
        feed.push(summary(10_001))
        XCTAssertEqual(told.value, 2, "the next one after a take wakes the listener again")
    }

    func testAListenerArrivingLateIsToldAtOnce() {
        let feed = ExchangeFeed(capacity: 4)
        feed.push(summary(1))
        let told = Counter()
        feed.onReady { told.bump() }
        XCTAssertEqual(told.value, 1)
        XCTAssertEqual(feed.take().map(\.id), [1])
    }

    func testTheRecorderFeedsSummariesOfWhatTheStoreHoldsWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scimterm-feed-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try ExchangeStore(path: folder + "/activity.sqlite", now: t0)
        let recorder = ExchangeRecorder(retention: .recent(2), store: store)
        let done = expectation(description: "recorded")
        Task.detached { [t0] in
            await ExchangeStoreTests.record(600, into: recorder, at: t0)
            done.fulfill()
        }
        wait(for: [done], timeout: 120)
        let taken = recorder.feed.take()
        XCTAssertEqual(taken.count, recorder.feed.capacity, "bounded: the listener never took any")
        XCTAssertEqual(taken.last?.id, 600)
        XCTAssertEqual(try store.count(), 600, "every exchange reached the store")
        let whole = try store.exchanges(ids: taken.map(\.id))
        XCTAssertEqual(whole.map(ExchangeSummary.init), taken, "the feed's summary is the stored exchange's")
        XCTAssertEqual(try store.summaries(ids: taken.map(\.id)), taken, "and the store summarises without reading bodies")
        let first = try XCTUnwrap(whole.first)
        XCTAssertEqual(taken.first?.requestBytes, first.request.body.count)
        XCTAssertEqual(taken.first?.requestId, first.requestId)
    }
}
