import Emulator
import Foundation
import Provisioning
import XCTest

/// Over real loopback: the emulator issues a token with fewer roles, and the preflight names the
/// missing permission before the call that needs it fails with 403.
final class PermissionPreflightLoopbackTests: XCTestCase {
    func testAnUploadOnlyTokenIsToldItCannotReadLogsBeforeTheLogsCallFails() async throws {
        let loop = try await LoopbackClient.start { $0.tenants[0].apps[0].permissions = ["SynchronizationData-User.Upload"] }
        let report = try await loop.client.permissionReport(PlannedCall.everything)
        let exchangesBefore = await loop.recorder.all().filter { $0.purpose != .token }.count
        XCTAssertEqual(exchangesBefore, 0, "the preflight makes no Graph call")
        XCTAssertEqual(report.claims?.roles, ["SynchronizationData-User.Upload"])
        XCTAssertEqual(report.claims?.tenantId, SandboxIds.tenant)
        XCTAssertEqual(report.claims?.appId, SandboxIds.clientId)
        XCTAssertEqual(report.outcome.missing.map(\.call), [.logs, .jobRead, .jobControl, .schemaRead, .schemaWrite, .checkExpressions])

        // What the preflight said is what Graph then does.
        do {
            _ = try await loop.client.provisioningLogs(LogQuery())
            XCTFail("the logs call should be refused")
        } catch {
            XCTAssertTrue("\(error)".contains("403") || "\(error)".lowercased().contains("forbidden") || "\(error)".contains("AuditLog.Read.All"), "\(error)")
        }
        await loop.stop()
    }

    func testTheSandboxAppHasEverythingItNeeds() async throws {
        let loop = try await LoopbackClient.start()
        let report = try await loop.client.permissionReport(PlannedCall.everything)
        XCTAssertEqual(report.outcome.missing, [])
        guard case .checked(let checks) = report.outcome else { return XCTFail("\(report.outcome)") }
        XCTAssertEqual(checks.count, PlannedCall.allCases.count)
        await loop.stop()
    }

    func testAQuarantinedJobsHealthIsReadFromGraphsStatus() async throws {
        let loop = try await LoopbackClient.start {
            $0.tenants[0].servicePrincipals[0].jobs[0].state = "Quarantine"
            $0.tenants[0].servicePrincipals[0].jobs[0].quarantineReason = "EncounteredQuarantineException"
        }
        let status = try await loop.client.jobStatus()
        await loop.stop()
        let since = try XCTUnwrap(status.health.quarantineSince, "seriesBegan is read")
        XCTAssertEqual(status.health.nextAttempt, since.addingTimeInterval(2400), "40 minutes after it began")
        XCTAssertEqual(status.health.seriesCount, 1)
        XCTAssertEqual(status.health.quarantineCode, "QuarantineException")
        XCTAssertNotNil(status.health.troubleshootingUrl)
        XCTAssertNil(status.health.lastSuccessfulExecution)

        // Ages from a `now` derived from the answer, never from the wall clock.
        let lines = JobHealth(status, jobId: loop.client.settings.endpoint.jobId, now: since.addingTimeInterval(3 * 3600)).lines.map(\.rendered)
        XCTAssertTrue(lines[0].hasPrefix("quarantine: EncounteredQuarantineException: "), lines[0])
        XCTAssertTrue(lines[0].contains("no notification email is set"), lines[0])
        XCTAssertTrue(lines.contains { $0.hasPrefix("what to do: In the Entra admin center, open the app's Provisioning > Settings, set a Notification Email") }, "\(lines)")
        XCTAssertTrue(lines.contains { $0.hasPrefix("quarantined since: ") && $0.hasSuffix("(3 h ago)") }, "\(lines)")
        XCTAssertTrue(lines.contains { $0.hasPrefix("next attempt: ") && $0.hasSuffix("(2 h ago)") }, "\(lines)")
        XCTAssertTrue(lines.contains("last successful run: none yet"), "\(lines)")
    }
}
