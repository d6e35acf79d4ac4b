import Foundation
import Provisioning
import XCTest

/// Retention drops the payloads of sends finished more than N days ago, keeps their rows and counts,
/// and never touches a send a resume still needs.
final class JournalRetentionTests: XCTestCase {
    private let path = NSTemporaryDirectory() + "journal-\(UUID().uuidString).sqlite"
    private let day = 86_400.0
    private let now = Date(timeIntervalSince1970: 1_800_000_000)

    override func tearDown() { try? FileManager.default.removeItem(atPath: path) }

    private func send(_ journal: SendJournal, at time: Date, finished: Bool) throws -> String {
        let id = try journal.begin(endpoint: "https://e/bulkUpload", documents: [(Array("{\"a\":1}".utf8), ["w1"]), (Array("{\"b\":2}".utf8), ["w2"])], now: time)
        try journal.update(id, document: 0, state: .sending, at: time)
        try journal.update(id, document: 0, state: .accepted, requestId: "r1", at: time)
        if finished {
            try journal.update(id, document: 1, state: .sending, at: time)
            try journal.update(id, document: 1, state: .accepted, requestId: "r2", at: time)
            try journal.finish(id)
        }
        return id
    }

    func testOldFinishedSendsLoseTheirPayloadsOnlyAndKeepTheirCounts() throws {
        let journal = try SendJournal(path: path)
        let old = try send(journal, at: now.addingTimeInterval(-31 * day), finished: true)
        let recent = try send(journal, at: now.addingTimeInterval(-29 * day), finished: true)
        let oldOpen = try send(journal, at: now.addingTimeInterval(-60 * day), finished: false)
        XCTAssertEqual(try journal.prune(keepDays: 30, now: now), 1)
        XCTAssertEqual(try journal.send(old)?.documents.map(\.body), [[], []])
        XCTAssertEqual(try journal.send(old)?.documents.map(\.requestId), ["r1", "r2"], "the rows stay")
        XCTAssertEqual(try journal.send(recent)?.documents.first?.body, Array("{\"a\":1}".utf8))
        XCTAssertEqual(try journal.send(oldOpen)?.documents.last?.body, Array("{\"b\":2}".utf8), "a resumable send keeps its payloads")
        XCTAssertEqual(try journal.prune(keepDays: 30, now: now), 0, "nothing left to prune")
        let listing = try journal.listing()
        XCTAssertEqual(listing.map(\.id), [recent, old, oldOpen], "newest first")
        XCTAssertEqual(listing[1].documents, ["accepted": 2])
        XCTAssertEqual(listing[1].pruned, 2)
        XCTAssertEqual(listing[2].documents, ["accepted": 1, "pending": 1])
        XCTAssertFalse(listing[2].finished)
        XCTAssertEqual(try journal.prune(keepDays: 0, now: now), 1, "keep-days 0 prunes every finished send")
    }
}
