import Emulator
import Foundation
import Provisioning
import XCTest

/// A send that cannot go on stops cleanly: no retries burnt, no further request, the journal
/// resumable with the current document and the rest pending.
final class SendStopLoopbackTests: XCTestCase {
    private func journal() throws -> SendJournal {
        try SendJournal(path: NSTemporaryDirectory() + "journal-\(UUID().uuidString).sqlite")
    }

    func testTheDailyQuotaStopsTheSendWithAResumeTimeAndCountsOnlyCountedCalls() async throws {
        let loop = try await LoopbackClient.start { c in c.dailyQuota = 5 }
        let journal = try journal()
        let clock = ManualClock()
        let calls = Collected<Date>()
        var uploader = BulkUploader(client: loop.client, pacer: .unlimited, journal: journal, sleep: { clock.sleep($0) }, now: { clock.now() })
        uploader.onCall = { calls.append($0) }
        let summary = await uploader.send(LoopbackClient.documents(8, perDocument: 1))
        XCTAssertEqual(summary.acceptedDocuments, 5)
        guard case .dailyQuota(let resumeAfter, let message) = summary.stopped else { return XCTFail("\(String(describing: summary.stopped))") }
        XCTAssertTrue(message.hasPrefix("Daily quota exceeded"), message)
        let resume = try XCTUnwrap(resumeAfter, "the emulator sends Retry-After")
        XCTAssertGreaterThan(resume.timeIntervalSince(clock.date), 86_000, "the oldest of the 5 calls leaves the window in about 24 h")
        XCTAssertEqual(summary.pending, [5, 6, 7])
        XCTAssertTrue(summary.failures.isEmpty, "nothing is marked failed")
        XCTAssertEqual(summary.calls, 6, "one refused call, no retry")
        XCTAssertTrue(clock.slept.isEmpty, "no retry wait")
        let stats = await loop.emulator.core.statistics
        XCTAssertEqual(stats.bulkUploads, 6, "no request after the quota answer")
        XCTAssertEqual(calls.all, Array(repeating: clock.date, count: 5), "the refused call is not counted")
        let stored = try XCTUnwrap(try journal.latestUnfinished(endpoint: loop.client.settings.endpoint.bulkUploadURL))
        XCTAssertEqual(stored.documents.map(\.state), [.accepted, .accepted, .accepted, .accepted, .accepted, .pending, .pending, .pending])
        try? FileManager.default.removeItem(atPath: journal.path)
        await loop.stop()
    }

    func testACallAllowanceIsNeverExceededAndRetriesCount() async throws {
        let loop = try await LoopbackClient.start { c in
            c.faults = FaultConfig(seed: 3, dropConnectionRate: 0.3)
        }
        let journal = try journal()
        let clock = ManualClock()
        var uploader = BulkUploader(client: loop.client, pacer: .unlimited, journal: journal, sleep: { clock.sleep($0) }, now: { clock.now() })
        uploader.callAllowance = 7
        let summary = await uploader.send(LoopbackClient.documents(20, perDocument: 1))
        XCTAssertEqual(summary.stopped, .allowanceSpent(calls: 7))
        XCTAssertEqual(summary.calls, 7)
        let stats = await loop.emulator.core.statistics
        XCTAssertEqual(stats.bulkUploads, 7, "at most the allowance reaches Entra")
        XCTAssertGreaterThan(stats.injectedFaults, 0, "the seed must drop some calls, so retries eat into the allowance")
        XCTAssertEqual(summary.acceptedDocuments, 7 - stats.injectedFaults)
        XCTAssertEqual(summary.pending.first, summary.acceptedDocuments)
        XCTAssertEqual(summary.pending.count, 20 - summary.acceptedDocuments)
        let resumed = await BulkUploader(client: loop.client, pacer: .unlimited, journal: journal, sleep: { clock.sleep($0) }, now: { clock.now() })
            .resume(try XCTUnwrap(try journal.latestUnfinished(endpoint: loop.client.settings.endpoint.bulkUploadURL)))
        XCTAssertEqual(resumed.acceptedDocuments, 20, "a resume sends only what the allowance left")
        let after = await loop.emulator.core.statistics
        XCTAssertEqual(after.accepted, 20, "nothing accepted twice")
        try? FileManager.default.removeItem(atPath: journal.path)
        await loop.stop()
    }

    func testAMissingUploadPermissionStopsAtTheFirstAnswerAndNamesIt() async throws {
        let loop = try await LoopbackClient.start { c in c.tenants[0].apps[0].permissions = ["AuditLog.Read.All"] }
        let journal = try journal()
        let summary = await BulkUploader(client: loop.client, pacer: .unlimited, journal: journal).send(LoopbackClient.documents(4, perDocument: 1))
        guard case .cannotHeal(let reason) = summary.stopped else { return XCTFail("\(String(describing: summary.stopped))") }
        XCTAssertTrue(reason.contains("403"), reason)
        XCTAssertTrue(reason.contains("SynchronizationData-User.Upload"), reason)
        XCTAssertEqual(summary.calls, 1)
        XCTAssertEqual(summary.pending, [0, 1, 2, 3], "fix the permission, then resume: nothing was refused for its content")
        let stats = await loop.emulator.core.statistics
        XCTAssertEqual(stats.bulkUploads, 1)
        try? FileManager.default.removeItem(atPath: journal.path)
        await loop.stop()
    }

    func testAMissingLogsPermissionNamesTheLogsPermission() async throws {
        let loop = try await LoopbackClient.start { c in c.tenants[0].apps[0].permissions = ["SynchronizationData-User.Upload"] }
        do {
            _ = try await loop.client.provisioningLogs(LogQuery())
            XCTFail("the logs need AuditLog.Read.All")
        } catch {
            guard case .graph(let failure) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(failure.status, 403)
            XCTAssertTrue(failure.description.contains("AuditLog.Read.All"), failure.description)
            XCTAssertFalse(failure.description.contains("SynchronizationData-User.Upload"), failure.description)
        }
        await loop.stop()
    }

    func testAWrongJobIdStopsAtOnce() async throws {
        let loop = try await LoopbackClient.start()
        var settings = loop.client.settings
        settings.endpoint = try ProvisioningEndpoint(parsing: loop.emulator.endpoint.replacingOccurrences(of: "API2AAD.4f0f", with: "API2AAD.0000"))
        let client = GraphClient(settings: settings, tokens: loop.client.tokens, transport: loop.client.transport, recorder: loop.recorder)
        let summary = await BulkUploader(client: client, pacer: .unlimited).send(LoopbackClient.documents(3, perDocument: 1))
        guard case .cannotHeal(let reason) = summary.stopped else { return XCTFail("\(String(describing: summary.stopped))") }
        XCTAssertTrue(reason.contains("404"), reason)
        XCTAssertEqual(summary.calls, 1)
        await loop.stop()
    }
}
