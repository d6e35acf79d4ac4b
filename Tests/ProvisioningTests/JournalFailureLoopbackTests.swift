import Emulator
import Foundation
@testable import Provisioning
import XCTest

/// A journal that cannot record the send stops it, with the reason: never a silent fallback to an
/// unjournaled send, never a document sent after its journal row could not be written.
final class JournalFailureLoopbackTests: XCTestCase {
    private func journal() throws -> SendJournal {
        try SendJournal(path: NSTemporaryDirectory() + "journal-\(UUID().uuidString).sqlite")
    }

    /// SQLite refuses the write the way a full disk or a read-only file would (root ignores file modes,
    /// so a trigger is the failure every test runner sees).
    private static func refuse(_ journal: SendJournal, _ event: String, on table: String) throws {
        try journal.db.write { db in
            try db.execute(sql: "CREATE TRIGGER refuse_\(table) BEFORE \(event) ON \(table) BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END")
        }
    }

    func testAJournalThatCannotRecordTheSendStopsItBeforeTheFirstRequest() async throws {
        let loop = try await LoopbackClient.start()
        let journal = try journal()
        try Self.refuse(journal, "INSERT", on: "send")
        let started = Collected<String>()
        let summary = await BulkUploader(client: loop.client, pacer: .unlimited, journal: journal)
            .send(LoopbackClient.documents(3, perDocument: 1), started: { started.append($0) })
        guard case .journal(let reason) = summary.stopped else { return XCTFail("\(String(describing: summary.stopped))") }
        XCTAssertTrue(reason.contains(journal.path), reason)
        XCTAssertTrue(reason.contains("disk I/O error"), reason)
        XCTAssertTrue(summary.stopped?.description.contains("send journal cannot be written") ?? false)
        XCTAssertEqual(summary.calls, 0)
        XCTAssertEqual(summary.pending, [0, 1, 2])
        XCTAssertTrue(started.all.isEmpty, "no send id is handed out for a send that never started")
        let stats = await loop.emulator.core.statistics
        XCTAssertEqual(stats.bulkUploads, 0, "nothing goes unjournaled")
        try? FileManager.default.removeItem(atPath: journal.path)
        await loop.stop()
    }

    func testAJournalWriteFailingMidSendStopsAfterTheDocumentInFlight() async throws {
        let loop = try await LoopbackClient.start()
        let journal = try journal()
        let uploader = BulkUploader(client: loop.client, pacer: .unlimited, journal: journal)
        let summary = await uploader.send(LoopbackClient.documents(4, perDocument: 1), events: { event in
            // The second document is on its way when the journal starts refusing writes.
            if case .sending(document: 1, attempt: 0) = event { try? Self.refuse(journal, "UPDATE", on: "document") }
        })
        guard case .journal(let reason) = summary.stopped else { return XCTFail("\(String(describing: summary.stopped))") }
        XCTAssertTrue(reason.contains("document 2"), reason)
        XCTAssertEqual(summary.acceptedDocuments, 1, "only the first document's answer is journaled")
        XCTAssertEqual(summary.pending, [1, 2, 3], "document 2 never went: a resume sends it")
        let stats = await loop.emulator.core.statistics
        XCTAssertEqual(stats.bulkUploads, 1, "the document whose `sending` row failed never goes")
        let stored = try XCTUnwrap(try journal.latestUnfinished(endpoint: loop.client.settings.endpoint.bulkUploadURL))
        XCTAssertEqual(stored.documents.map(\.state), [.accepted, .pending, .pending, .pending])
        try? FileManager.default.removeItem(atPath: journal.path)
        await loop.stop()
    }

    func testAnAnswerTheJournalCannotRecordStopsTheSendAndIsStillReported() async throws {
        let loop = try await LoopbackClient.start()
        let journal = try journal()
        let uploader = BulkUploader(client: loop.client, pacer: .unlimited, journal: journal)
        let summary = await uploader.send(LoopbackClient.documents(3, perDocument: 1), events: { event in
            // The `sending` row is written; the 202 that follows cannot be.
            if case .sending(document: 0, attempt: 0) = event {
                try? Self.refuseAfterSending(journal)
            }
        })
        guard case .journal(let reason) = summary.stopped else { return XCTFail("\(String(describing: summary.stopped))") }
        XCTAssertTrue(reason.contains("document 1 was accepted"), reason)
        XCTAssertEqual(summary.acceptedDocuments, 1, "the 202 arrived: the summary says so even though the journal could not")
        XCTAssertEqual(summary.pending, [1, 2])
        let stats = await loop.emulator.core.statistics
        XCTAssertEqual(stats.bulkUploads, 1, "nothing more goes once the journal cannot keep up")
        let stored = try XCTUnwrap(try journal.latestUnfinished(endpoint: loop.client.settings.endpoint.bulkUploadURL))
        XCTAssertEqual(stored.documents.first?.state, .sending, "what a resume reports as possibly accepted")
        try? FileManager.default.removeItem(atPath: journal.path)
        await loop.stop()
    }

    /// Refuses only the move out of `sending`, so the `sending` row itself still goes in.
    private static func refuseAfterSending(_ journal: SendJournal) throws {
        try journal.db.write { db in
            try db.execute(sql: """
                CREATE TRIGGER refuse_answer BEFORE UPDATE ON document WHEN NEW.state != 'sending'
                BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END
                """)
        }
    }
}
