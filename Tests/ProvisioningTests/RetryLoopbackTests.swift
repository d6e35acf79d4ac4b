import Emulator
import Foundation
import Provisioning
import XCTest

/// Retries within a time budget, over loopback against the emulator's injected faults, with an
/// injected clock: nothing here sleeps for real.
final class RetryLoopbackTests: XCTestCase {
    private func uploader(_ loop: LoopbackClient, clock: ManualClock, journal: SendJournal? = nil,
                          policy: RetryPolicy = RetryPolicy()) -> BulkUploader {
        BulkUploader(client: loop.client, policy: policy, pacer: .unlimited, journal: journal,
                     sleep: { clock.sleep($0) }, now: { clock.now() })
    }

    func testAtATwentyPercentFaultRateEveryDocumentIsAcceptedExactlyOnce() async throws {
        let loop = try await LoopbackClient.start { c in
            c.faults = FaultConfig(seed: 20_260_611, internalErrorRate: 0.07, unavailableRate: 0.07, dropConnectionRate: 0.06)
        }
        let clock = ManualClock()
        let summary = await uploader(loop, clock: clock).send(LoopbackClient.documents(800, perDocument: 2))
        XCTAssertEqual(summary.acceptedDocuments, 400, summary.stopped?.description ?? summary.failures.map { $0.reason ?? "" }.joined(separator: "; "))
        XCTAssertNil(summary.stopped)
        XCTAssertEqual(summary.pending, [])
        let stats = await loop.emulator.core.statistics
        XCTAssertGreaterThan(stats.injectedFaults, 60, "about 20 % of some 500 calls must have failed for this test to mean anything")
        XCTAssertEqual(stats.accepted, 400, "each document accepted exactly once")
        XCTAssertEqual(summary.calls, stats.bulkUploads, "every attempt reached the emulator")
        XCTAssertGreaterThan(summary.outcomes.map(\.attempts).max() ?? 0, 2, "some documents needed several retries")
        await loop.stop()
    }

    func testAServiceThatKeepsFailingIsRetriedForTheBudgetThenTheSendStops() async throws {
        let loop = try await LoopbackClient.start { c in c.faults = FaultConfig(seed: 7, unavailableRate: 1) }
        let journalPath = NSTemporaryDirectory() + "journal-\(UUID().uuidString).sqlite"
        let journal = try SendJournal(path: journalPath)
        let clock = ManualClock()
        let started = clock.now()
        let summary = await uploader(loop, clock: clock, journal: journal, policy: RetryPolicy(budget: 600))
            .send(LoopbackClient.documents(6, perDocument: 2))
        guard case .retryBudgetSpent(let reason) = summary.stopped else { return XCTFail("\(String(describing: summary.stopped))") }
        XCTAssertTrue(reason.contains("503"), reason)
        XCTAssertEqual(clock.now() - started, 600, accuracy: 1, "retried until the budget, no longer")
        XCTAssertGreaterThan(summary.calls, 8, "backoff grows to the 60 s cap: more than a handful of attempts in 10 minutes")
        XCTAssertLessThan(clock.slept.max() ?? 0, 60.001, "no wait beyond the cap")
        XCTAssertEqual(summary.pending, [0, 1, 2], "the document being tried and every later one stay pending")
        XCTAssertTrue(summary.outcomes.isEmpty)
        let stored = try XCTUnwrap(try journal.latestUnfinished(endpoint: loop.client.settings.endpoint.bulkUploadURL))
        XCTAssertEqual(stored.documents.map(\.state), [.pending, .pending, .pending])
        try? FileManager.default.removeItem(atPath: journalPath)
        await loop.stop()
    }

    func testABucketFullJobGetsMinutesLongWaitsWithinTheBudget() async throws {
        let loop = try await LoopbackClient.start { c in
            c.bucketCapacity = 1
            c.tenants[0].servicePrincipals[0].jobs[0].state = "Paused"
        }
        let clock = ManualClock()
        let summary = await uploader(loop, clock: clock, policy: RetryPolicy(budget: 600)).send(LoopbackClient.documents(3, perDocument: 1))
        XCTAssertEqual(summary.acceptedDocuments, 1, "the paused job's bucket holds one upload")
        guard case .retryBudgetSpent(let reason) = summary.stopped else { return XCTFail("\(String(describing: summary.stopped))") }
        XCTAssertTrue(reason.contains("bucket full"), reason)
        XCTAssertEqual(Array(clock.slept.prefix(3)).map { ($0 / 60).rounded(.down) }, [1, 2, 4], "60 s, 120 s, 240 s (plus jitter)")
        XCTAssertEqual(summary.pending, [1, 2])
        await loop.stop()
    }
}
