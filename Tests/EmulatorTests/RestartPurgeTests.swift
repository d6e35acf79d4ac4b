import Emulator
import Foundation
import Provisioning
import SCIM
import XCTest

/// A restart purges every upload still waiting (ENTRA.md §5); a pause keeps them.
final class RestartPurgeTests: XCTestCase {
    private func pausedHarness() async throws -> EmulatorHarness {
        try await EmulatorHarness(config: EmulatorHarness.config { $0.tenants[0].servicePrincipals[0].jobs[0].state = "Paused" })
    }

    private func control(_ h: EmulatorHarness, _ verb: String, token: String) async throws {
        let url = h.endpoint.replacingOccurrences(of: "/bulkUpload", with: "/\(verb)")
        let r = try await h.request("POST", url, token: token, contentType: "application/json", body: #"{"criteria":{"resetScope":"Full"}}"#)
        XCTAssertEqual(r.status, 204, verb)
    }

    private func logEntries(_ h: EmulatorHarness, token: String) async throws -> [JSONValue] {
        let r = try await h.request("GET", "\(h.base)/v1.0/auditLogs/provisioning?$top=1000", token: token, contentType: nil)
        XCTAssertEqual(r.status, 200)
        return r.json?["value"]?.arrayValue ?? []
    }

    func testRestartPurgesWhatAPausedJobHeld() async throws {
        let h = try await pausedHarness()
        let token = try await h.token()
        for doc in 0..<3 {
            let r = try await h.request("POST", h.endpoint, token: token, body: EmulatorHarness.bulk(4, prefix: "d\(doc)-"))
            XCTAssertEqual(r.status, 202)
        }
        let held = await h.running.core.pendingUploads()
        XCTAssertEqual(held, 3)
        try await control(h, "restart", token: token)
        try await control(h, "start", token: token)
        await h.running.core.processDue(now: Date().addingTimeInterval(60))
        let logs = try await logEntries(h, token: token)
        XCTAssertEqual(logs.count, 0, "purged uploads never reach the logs")
        let users = await h.running.core.userCount()
        XCTAssertEqual(users, 0, "nor the directory")
        let pending = await h.running.core.pendingUploads()
        XCTAssertEqual(pending, 0)
        let purged = await h.running.core.purgedOperations()
        XCTAssertEqual(purged, 12)
        let stats = await h.running.core.statistics
        XCTAssertEqual(stats.purgedUploads, 3)

        // After the restart the job works again: a new upload is processed.
        let after = try await h.request("POST", h.endpoint, token: token, body: EmulatorHarness.bulk(2, prefix: "new-"))
        XCTAssertEqual(after.status, 202)
        await h.running.core.processDue(now: Date().addingTimeInterval(60))
        let processed = await h.running.core.userCount()
        XCTAssertEqual(processed, 2)
        await h.stop()
    }

    func testPauseKeepsTheQueueAndStartProcessesIt() async throws {
        let h = try await pausedHarness()
        let token = try await h.token()
        let r = try await h.request("POST", h.endpoint, token: token, body: EmulatorHarness.bulk(5))
        XCTAssertEqual(r.status, 202)
        try await control(h, "pause", token: token)
        await h.running.core.processDue(now: Date().addingTimeInterval(60))
        let whilePaused = await h.running.core.userCount()
        XCTAssertEqual(whilePaused, 0)
        try await control(h, "start", token: token)
        await h.running.core.processDue(now: Date().addingTimeInterval(60))
        let users = await h.running.core.userCount()
        XCTAssertEqual(users, 5)
        let logs = try await logEntries(h, token: token)
        XCTAssertEqual(logs.count, 5)
        let purged = await h.running.core.purgedOperations()
        XCTAssertEqual(purged, 0)
        await h.stop()
    }

    func testRestartOfOneJobLeavesAnotherJobsQueue() async throws {
        let other = "API2AAD.00000000000000000000000000000001.11111111-2222-3333-4444-555555555555"
        let d = CoreDriver { c in
            c.tenants[0].servicePrincipals[0].jobs[0].state = "Paused"
            c.tenants[0].servicePrincipals[0].jobs.append(.init(id: other, state: "Paused"))
        }
        let t = CoreDriver.t0
        _ = try await d.upload(EmulatorHarness.bulk(2, prefix: "a"), at: t)
        let token = try await d.token(at: t)
        let otherPath = CoreDriver.bulkUploadPath.replacingOccurrences(of: SandboxIds.job, with: other)
        let r = await d.core.handle(EmulatorRequest(method: "POST", path: otherPath,
                                                    headers: [("Authorization", "Bearer \(token)"), ("Content-Type", "application/scim+json")],
                                                    body: Array(EmulatorHarness.bulk(3, prefix: "b").utf8)), now: t)
        XCTAssertEqual(r.status, 202)
        _ = try await d.job("restart", at: t + 1)
        let pending = await d.core.pendingUploads()
        XCTAssertEqual(pending, 1, "the other job's upload stays queued")
        let purged = await d.core.purgedOperations()
        XCTAssertEqual(purged, 2)
    }
}
