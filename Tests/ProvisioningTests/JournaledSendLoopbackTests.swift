import Emulator
import Foundation
import Provisioning
import XCTest

/// A send journaled document by document as it is built, sent back out of the journal a window at
/// a time: interrupted and resumed, every user arrives exactly once.
final class JournaledSendLoopbackTests: XCTestCase {
    func testInterruptedStreamedSendResumesLosingAndRepeatingNothing() async throws {
        let loop = try await LoopbackClient.start()
        let journalPath = NSTemporaryDirectory() + "journal-\(UUID().uuidString).sqlite"
        defer { try? FileManager.default.removeItem(atPath: journalPath) }
        let endpoint = loop.client.settings.endpoint.bulkUploadURL
        let documents = LoopbackClient.documents(100, perDocument: 5)
        let built = AcceptCounter()
        let sendId = try SendJournal(path: journalPath).beginStreaming(
            endpoint: endpoint, documents: documents.lazy.map { d in _ = built.increment(); return (body: d.body, externalIds: d.externalIds) })
        XCTAssertEqual(built.increment(), 21, "each document built once, when the journal takes it")
        let journal = try SendJournal(path: journalPath)
        XCTAssertEqual(try journal.documentCount(sendId), 20, "every document journaled before the first request")
        XCTAssertEqual(try journal.send(sendId)?.documents.map(\.body), documents.map(\.body))

        let counter = AcceptCounter()
        let first = await Task {
            await BulkUploader(client: loop.client, pacer: .unlimited, journal: journal).send(journaled: sendId, window: 3) { event in
                if case .accepted = event, counter.increment() == 7 { withUnsafeCurrentTask { $0?.cancel() } }
            }
        }.value
        XCTAssertTrue(first.cancelled)
        XCTAssertEqual(first.acceptedDocuments, 7)
        XCTAssertEqual(first.pending, Array(7..<20), "the rest waits in the journal")
        let acceptedBefore = await loop.emulator.core.statistics.accepted
        XCTAssertEqual(acceptedBefore, 7)

        // A new process: a fresh journal handle and uploader find the send and send only the rest.
        let reopened = try SendJournal(path: journalPath)
        let stored = try XCTUnwrap(try reopened.latestUnfinished(endpoint: endpoint))
        XCTAssertEqual(stored.id, sendId)
        XCTAssertEqual(stored.documents.count, 20)
        let second = await BulkUploader(client: loop.client, pacer: .unlimited, journal: reopened).send(journaled: sendId, window: 3)
        XCTAssertFalse(second.cancelled)
        XCTAssertNil(second.stopped)
        XCTAssertEqual(second.outcomes.map(\.document), Array(7..<20))
        XCTAssertEqual(second.acceptedRecords, 65)
        XCTAssertEqual(second.pending, [])
        let stats = await loop.emulator.core.statistics
        XCTAssertEqual(stats.accepted, 20, "nothing sent twice")
        await loop.emulator.core.processDue(now: Date().addingTimeInterval(1))
        let users = await loop.emulator.core.userCount()
        XCTAssertEqual(users, 100, "nothing lost")
        let logs = await loop.emulator.core.logCount()
        XCTAssertEqual(logs, 100, "no record processed twice")
        XCTAssertNil(try reopened.latestUnfinished(endpoint: endpoint), "the send is finished")
        await loop.stop()
    }

    func testAStopLeavesTheUnsentDocumentsPendingInOrder() async throws {
        let loop = try await LoopbackClient.start()
        let journalPath = NSTemporaryDirectory() + "journal-\(UUID().uuidString).sqlite"
        defer { try? FileManager.default.removeItem(atPath: journalPath) }
        let journal = try SendJournal(path: journalPath)
        let documents = LoopbackClient.documents(30, perDocument: 3)
        let sendId = try journal.beginStreaming(endpoint: loop.client.settings.endpoint.bulkUploadURL,
                                                documents: documents.map { (body: $0.body, externalIds: $0.externalIds) })
        let summary = await BulkUploader(client: loop.client, pacer: .unlimited, journal: journal, callAllowance: 4)
            .send(journaled: sendId, window: 2)
        XCTAssertEqual(summary.stopped, .allowanceSpent(calls: 4))
        XCTAssertEqual(summary.acceptedDocuments, 4)
        XCTAssertEqual(summary.pending, Array(4..<10))
        XCTAssertEqual(summary.calls, 4)
        await loop.stop()
    }
}
