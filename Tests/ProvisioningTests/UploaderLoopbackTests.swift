import Emulator
import Foundation
import Provisioning
import XCTest

final class UploaderLoopbackTests: XCTestCase {
    func testPacedSendStaysUnderTheLimitWithNo429() async throws {
        let loop = try await LoopbackClient.start { c in
            c.rateLimit = 40
            c.rateWindowSeconds = 5
        }
        let uploader = BulkUploader(client: loop.client, pacer: RatePacer(limit: 40, window: 5))
        let summary = await uploader.send(LoopbackClient.documents(120, perDocument: 2))
        XCTAssertEqual(summary.acceptedDocuments, 60)
        XCTAssertEqual(summary.acceptedRecords, 120)
        let stats = await loop.emulator.core.statistics
        XCTAssertEqual(stats.throttled, 0, "pacing must avoid every 429")
        XCTAssertEqual(stats.accepted, 60)
        await loop.stop()
    }

    func testFaultInjectedSendEndsWithEveryRecordExactlyOnce() async throws {
        let loop = try await LoopbackClient.start { c in
            c.faults = FaultConfig(seed: 42, internalErrorRate: 0.07, unavailableRate: 0.07, dropConnectionRate: 0.06)
        }
        let journalPath = NSTemporaryDirectory() + "journal-\(UUID().uuidString).sqlite"
        let uploader = BulkUploader(client: loop.client, policy: .fast(scale: 0.005), pacer: .unlimited,
                                    journal: try SendJournal(path: journalPath))
        let summary = await uploader.send(LoopbackClient.documents(500, perDocument: 10))
        XCTAssertEqual(summary.acceptedDocuments, 50, summary.failures.map { $0.reason ?? "" }.joined(separator: "; "))
        let stats = await loop.emulator.core.statistics
        XCTAssertGreaterThan(stats.injectedFaults, 5, "the seed must inject faults for this test to mean anything")
        XCTAssertEqual(stats.accepted, 50, "each document accepted exactly once")
        await loop.emulator.core.processDue(now: Date().addingTimeInterval(1))
        let users = await loop.emulator.core.userCount()
        XCTAssertEqual(users, 500)
        let logs = await loop.emulator.core.logCount()
        XCTAssertEqual(logs, 500, "no record processed twice")
        let retries = await loop.recorder.all().filter { $0.attempt > 0 }
        XCTAssertFalse(retries.isEmpty)
        try? FileManager.default.removeItem(atPath: journalPath)
        await loop.stop()
    }

    func testBadRequestIsNeverRetriedAndItsReasonShown() async throws {
        let loop = try await LoopbackClient.start()
        let bad = BulkUploader.Document(body: Array(#"{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"operations":[]}"#.utf8), externalIds: ["x"])
        let summary = await BulkUploader(client: loop.client, pacer: .unlimited).send([bad])
        XCTAssertEqual(summary.failures.count, 1)
        XCTAssertEqual(summary.failures.first?.attempts, 1)
        XCTAssertTrue(summary.failures.first?.reason?.contains("400 Bad Request: Invalid Data Format") ?? false, summary.failures.first?.reason ?? "")
        await loop.stop()
    }

    func testCancelledSendResumesWithOnlyWhatWasNotAccepted() async throws {
        let loop = try await LoopbackClient.start()
        let journalPath = NSTemporaryDirectory() + "journal-\(UUID().uuidString).sqlite"
        let journal = try SendJournal(path: journalPath)
        let counter = AcceptCounter()
        let uploader = BulkUploader(client: loop.client, pacer: .unlimited, journal: journal)
        let task = Task { await uploader.send(LoopbackClient.documents(100, perDocument: 5), events: { event in
            if case .accepted = event, counter.increment() == 7 { withUnsafeCurrentTask { $0?.cancel() } }
        }) }
        let first = await task.value
        XCTAssertTrue(first.cancelled)
        XCTAssertEqual(first.acceptedDocuments, 7)
        let stored = try XCTUnwrap(try journal.latestUnfinished(endpoint: loop.client.settings.endpoint.bulkUploadURL))
        XCTAssertEqual(stored.documents.filter { $0.state == .accepted }.count, 7)
        let second = await uploader.resume(stored)
        XCTAssertFalse(second.cancelled)
        XCTAssertEqual(second.acceptedDocuments, 20)
        let stats = await loop.emulator.core.statistics
        XCTAssertEqual(stats.accepted, 20, "nothing sent twice")
        XCTAssertNil(try journal.latestUnfinished(endpoint: loop.client.settings.endpoint.bulkUploadURL))
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: journalPath)), as: UTF8.self)
        XCTAssertFalse(text.contains(LoopbackClient.secret), "no secret in the journal")
        XCTAssertFalse(text.contains("eyJ"), "no token in the journal")
        try? FileManager.default.removeItem(atPath: journalPath)
        await loop.stop()
    }
}

final class AcceptCounter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
