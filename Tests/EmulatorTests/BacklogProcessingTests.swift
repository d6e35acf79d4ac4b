import Emulator
import Foundation
import SCIM
import XCTest

/// Processing is O(n) in the directory and gives the actor up between slices, so a large backlog
/// neither takes quadratic time nor silences the other endpoints.
final class BacklogProcessingTests: XCTestCase {
    private let t0 = CoreDriver.t0

    /// Queues `documents` uploads of 50 users each, numbered from 0. Nothing processes them until
    /// `processDue` (or a logs request) is called, so this builds a backlog.
    private func queue(_ d: CoreDriver, documents: Int) async throws {
        let token = try await d.token(at: t0)
        for doc in 0..<documents {
            let r = await d.core.handle(EmulatorRequest(method: "POST", path: CoreDriver.bulkUploadPath,
                                                        headers: [("Authorization", "Bearer \(token)"), ("Content-Type", "application/scim+json")],
                                                        body: Array(EmulatorHarness.bulk(50, prefix: "w\(doc)-").utf8)), now: t0)
            XCTAssertEqual(r.status, 202)
        }
    }

    func test20000UsersAreAllProcessed() async throws {
        let d = CoreDriver()
        try await queue(d, documents: 400)
        await d.core.processDue(now: t0 + 1)
        let count = await d.core.userCount()
        XCTAssertEqual(count, 20_000)
        for doc in 0..<400 {
            for i in 0..<50 {
                let exists = await d.core.userExists(externalId: "w\(doc)-\(i)")
                if !exists { XCTFail("w\(doc)-\(i) missing"); return }
            }
        }
        let stats = await d.core.statistics
        XCTAssertEqual(stats.processedOperations, 20_000)
        let logs = await d.core.logCount()
        XCTAssertEqual(logs, 20_000)
        let failures = try await d.logs(at: t0 + 2).filter { $0.object("provisioningStatusInfo")?.string("status") != "success" }
        XCTAssertEqual(failures.count, 0, "no userName clash among distinct users")
    }

    func testLogsAndJobCallsAnswerWhileABacklogIsProcessed() async throws {
        let d = CoreDriver()
        try await queue(d, documents: 200)
        let core = d.core
        let start = t0 + 1
        let processing = Task { await core.processDue(now: start) }
        // Each of these calls needs the actor: it only gets it between two slices.
        var seen = await core.userCount()
        while seen == 0 {
            await Task.yield()
            seen = await core.userCount()
        }
        XCTAssertLessThan(seen, 10_000, "the first answer came before the backlog was done")
        let logs = try await d.logs(at: t0 + 1)
        XCTAssertFalse(logs.isEmpty)
        let job = try await d.job(nil, at: t0 + 1)
        XCTAssertEqual(job.status, 200)
        let pending = await core.pendingUploads()
        XCTAssertGreaterThan(pending, 0, "answered while uploads were still queued")
        await processing.value
        let done = await core.userCount()
        XCTAssertEqual(done, 10_000)
    }

    func testARestartDuringProcessingPurgesTheRestAndNothingComesBack() async throws {
        let d = CoreDriver()
        try await queue(d, documents: 200)
        let core = d.core
        let start = t0 + 1
        let processing = Task { await core.processDue(now: start) }
        while await core.userCount() == 0 { await Task.yield() }
        let restart = try await d.job("restart", at: t0 + 1)
        XCTAssertEqual(restart.status, 204)
        await processing.value
        await core.processDue(now: t0 + 100)
        let users = await core.userCount()
        let purged = await core.purgedOperations()
        XCTAssertGreaterThan(purged, 0)
        XCTAssertLessThan(users, 10_000)
        XCTAssertEqual(users + purged, 10_000, "each operation was either processed or purged, once")
        let logs = await core.logCount()
        XCTAssertEqual(logs, users)
    }
}
