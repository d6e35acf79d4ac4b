import Emulator
import Foundation
import Provisioning
import XCTest

/// A job restart purges every upload still pending processing (ENTRA.md §5): the journal must learn
/// which accepted documents that was, and send them again, oldest first.
final class RestartPurgeLoopbackTests: XCTestCase {
    func testAcceptedButUnprocessedUploadsArePurgedByRestartAndResentOnResume() async throws {
        let loop = try await LoopbackClient.start()
        let path = NSTemporaryDirectory() + "journal-\(UUID().uuidString).sqlite"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let journal = try SendJournal(path: path)
        let endpoint = loop.client.settings.endpoint.bulkUploadURL
        let uploader = BulkUploader(client: loop.client, pacer: .unlimited, journal: journal)

        // Processed while the job runs: the logs show it, so a restart takes nothing of it.
        let first = await uploader.send(LoopbackClient.documents(5, perDocument: 5, prefix: "a"))
        XCTAssertEqual(first.acceptedDocuments, 1)
        _ = try await loop.client.provisioningLogs(LogQuery())  // the emulator processes what is due on a read
        try await loop.client.jobAction(.pause)
        let second = await uploader.send(LoopbackClient.documents(15, perDocument: 5, prefix: "b"))
        XCTAssertEqual(second.acceptedDocuments, 3)

        let impact = await RestartImpact.read(journal: journal, client: loop.client, now: Date())
        XCTAssertNil(impact.logsProblem)
        XCTAssertEqual(impact.pending.count, 3, "only the uploads the paused job never processed")
        XCTAssertEqual(impact.users, 15)
        XCTAssertTrue(impact.warning.contains("Entra will discard 3 accepted documents (15 users)"), impact.warning)

        try await loop.client.jobAction(.restart)
        let resendId = try XCTUnwrap(try journal.purge(impact.pending, endpoint: endpoint, restartedAt: Date()))
        _ = try await loop.client.provisioningLogs(LogQuery())
        let before = await loop.emulator.core.userCount()
        XCTAssertEqual(before, 5, "the restart discarded the queued uploads: nothing of b* reached the directory")

        let purged = try XCTUnwrap(try journal.send(second.sendId))
        XCTAssertEqual(purged.documents.map(\.state), [.purged, .purged, .purged])
        XCTAssertTrue(purged.documents[0].reason?.contains("purged by the job restart") == true)
        let stored = try XCTUnwrap(try journal.latestUnfinished(endpoint: endpoint))
        XCTAssertEqual(stored.id, resendId, "send --resume picks the purged documents up")
        XCTAssertEqual(stored.documents.flatMap(\.externalIds), (0..<15).map { "b\($0)" }, "in the order first accepted")

        let resent = await uploader.resume(stored)
        XCTAssertEqual(resent.acceptedDocuments, 3)
        _ = try await loop.client.provisioningLogs(LogQuery())
        let after = await loop.emulator.core.userCount()
        XCTAssertEqual(after, 20, "every record reached Entra once the purged uploads went again")
        XCTAssertNil(try journal.latestUnfinished(endpoint: endpoint), "nothing left to resume")
        await loop.stop()
    }

    func testWhenTheLogsCannotBeReadEveryUnseenUploadCounts() async throws {
        let loop = try await LoopbackClient.start { config in
            config.tenants[0].apps[0].permissions = ["SynchronizationData-User.Upload", "Synchronization.ReadWrite.All"]
        }
        let path = NSTemporaryDirectory() + "journal-\(UUID().uuidString).sqlite"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let journal = try SendJournal(path: path)
        _ = await BulkUploader(client: loop.client, pacer: .unlimited, journal: journal).send(LoopbackClient.documents(4, perDocument: 2))
        let impact = await RestartImpact.read(journal: journal, client: loop.client, now: Date())
        XCTAssertEqual(impact.pending.count, 2)
        XCTAssertNotNil(impact.logsProblem, "a 403 on the logs is said, not taken as 'nothing pending'")
        XCTAssertTrue(impact.warning.contains("The logs could not be read"), impact.warning)
        await loop.stop()
    }

    func testADocumentCountsAsProcessedOnlyWhenEachUserHasAnEntryNewerThanIts202() {
        let accepted = Date(timeIntervalSince1970: 1_800_000_000)
        let doc = SendJournal.AcceptedDocument(sendId: "s", index: 0, externalIds: ["1", "2"], acceptedAt: accepted)
        let old = accepted.addingTimeInterval(-3600)
        XCTAssertTrue(RestartImpact.processed([doc], entries: [("1", old), ("2", old)]).isEmpty, "older entries belong to earlier uploads")
        XCTAssertTrue(RestartImpact.processed([doc], entries: [("1", accepted.addingTimeInterval(60))]).isEmpty, "one user is not the document")
        XCTAssertTrue(RestartImpact.processed([doc], entries: [("1", accepted.addingTimeInterval(60)), ("2", accepted.addingTimeInterval(-30))]).isEmpty,
                      "an entry 30 s before the 202 is an earlier upload's, however close")
        XCTAssertEqual(RestartImpact.processed([doc], entries: [("1", accepted.addingTimeInterval(60)), ("2", accepted.addingTimeInterval(-0.5)),
                                                                ("2", accepted.addingTimeInterval(-600))]), [doc],
                       "activityDateTime has whole seconds: an entry of this upload may read up to a second early")
    }
}
