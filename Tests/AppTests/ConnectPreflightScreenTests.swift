import App
import AppTesting
import Foundation
import Provisioning
import SCIM
import TerminalUI
import TerminalUITesting
import XCTest

/// The Connect screen's test shows the token's permissions per call and the job's health, with
/// ages from the state's clock (issue 12 §5).
final class ConnectPreflightScreenTests: XCTestCase {
    private let masks = [#"127\.0\.0\.1:\d+"#]
    private let now = Date(timeIntervalSince1970: 1_764_936_000)  // 2025-12-05 12:00 UTC

    private func connectScreen(width: Int, height: Int) -> Keys {
        var state = Fixture.state(width: width, height: height)
        state.badge = Badge(label: "SANDBOX", role: .warning)
        state.connect = ConnectState(draft: Fixture.sandboxConnection, secret: "abc")
        let k = Keys(state)
        k.send(.clockAdvanced(now))
        k.press("1")
        return k
    }

    private func token(_ roles: [String]) -> String {
        let claims: JSONValue = ["roles": .array(roles.map { .string($0) }), "tid": "8c1b3d9e-5a4f-4e2b-9c7d-0f6a2b1e3d4c",
                                 "appid": "3f2e1d0c-9b8a-4765-a432-10fedcba9876", "exp": 1_764_939_600]
        return Base64URL.encode(Array(#"{"alg":"RS256"}"#.utf8)) + "." + Base64URL.encode(JSONWriter.compact.bytes(claims)) + ".sig"
    }

    private var quarantined: JobStatus {
        var job = JobStatus(code: "Quarantine", quarantineReason: "EncounteredQuarantineException",
                            quarantineMessage: "The provisioning service could not complete a cycle.")
        job.health = JobStatusTimes(lastSuccessfulExecution: now.addingTimeInterval(-3 * 3600), quarantineSince: now.addingTimeInterval(-20 * 60),
                                    nextAttempt: now.addingTimeInterval(20 * 60), seriesCount: 1, quarantineCode: "QuarantineException")
        return job
    }

    private func report(roles: [String], job: JobStatus) -> ConnectionReport {
        ConnectionReport(jobState: job.code, advice: job.advice, tokenExpiry: "13:00", processesUploads: job.processesUploads,
                         permissions: PermissionReport(token: token(roles), calls: PlannedCall.everything), job: job,
                         jobId: "API2AAD.0123456789abcdef0123456789abcdef.0b2b8f2c-7b71-4f8a-9a56-6c5d4e3f2a10")
    }

    func testAMissingLogsPermissionAndAQuarantineAt100x30() {
        let k = connectScreen(width: 100, height: 30)
        k.send(.connectionTested(generation: 0, .connected(report(roles: ["SynchronizationData-User.Upload", "Synchronization.ReadWrite.All"],
                                                                  job: quarantined))))
        ScreenAssert.equal(k.screen(), Self.missingLogs100, masks: masks)
    }

    func testTheAgesMoveWithTheClock() {
        let k = connectScreen(width: 100, height: 30)
        k.send(.connectionTested(generation: 0, .connected(report(roles: PlannedCall.everything.flatMap { [$0.acceptedRoles[0]] }, job: quarantined))))
        XCTAssertTrue(k.text.contains("next attempt: 2025-12-05 12:20 UTC (in 20 min)"), k.text)
        k.send(.clockAdvanced(now.addingTimeInterval(3600)))
        XCTAssertTrue(k.text.contains("next attempt: 2025-12-05 12:20 UTC (40 min ago)"), k.text)
        XCTAssertTrue(k.text.contains("✓ Permissions: all 7 calls allowed (upload, logs, job, schema, expression checks)"), k.text)
        XCTAssertFalse(k.text.contains("missing"), k.text)
    }

    func testTheStatusLineCountsTheMissingPermissions() {
        let k = connectScreen(width: 100, height: 30)
        var active = JobStatus(code: "Active")
        active.health = JobStatusTimes()
        k.send(.connectionTested(generation: 0, .connected(report(roles: ["SynchronizationData-User.Upload"], job: active))))
        XCTAssertEqual(k.state.message?.text, "connected: job Active; 6 permissions missing (see Test)")
        XCTAssertEqual(k.state.message?.level, .warning, "an Active job with missing permissions is not all green")
        k.send(.connectionTested(generation: 0, .connected(report(roles: ["SynchronizationData-User.Upload", "AuditLog.Read.All",
                                                                            "Synchronization.ReadWrite.All"], job: active))))
        XCTAssertEqual(k.state.message?.text, "connected: job Active")
    }

    func testAnOpaqueTokenIsNotAnAlarm() {
        let k = connectScreen(width: 100, height: 30)
        var active = JobStatus(code: "Active")
        active.health.lastSuccessfulExecution = now.addingTimeInterval(-120)
        let report = ConnectionReport(jobState: "Active", advice: active.advice, tokenExpiry: "13:00", processesUploads: true,
                                      permissions: PermissionReport(token: "EwBwA8l6BAAU-opaque", calls: PlannedCall.everything),
                                      job: active, jobId: "API2AAD.x.y")
        k.send(.connectionTested(generation: 0, .connected(report)))
        XCTAssertTrue(k.text.contains("Permissions: cannot tell (the access token is not a JWT); the first call will say"), k.text)
        XCTAssertTrue(k.text.contains("last successful run: 2025-12-05 11:58 UTC (2 min ago)"), k.text)
        XCTAssertFalse(k.text.contains("✗"), k.text)
    }

    func testAJobReadRefusedStillShowsWhichPermissionIsMissing() {
        let k = connectScreen(width: 100, height: 30)
        k.send(.connectionTested(generation: 0, .failed(ConnectionProblem(
            headline: "Graph refused reading the provisioning job (403)", explanation: "The app lacks Synchronization.Read.All.",
            fix: "Grant it and give admin consent.",
            permissions: PermissionReport(token: token(["SynchronizationData-User.Upload"]), calls: PlannedCall.everything)))))
        XCTAssertTrue(k.text.contains("✗ read the job: missing Synchronization.Read.All"), k.text)
    }

    static let missingLogs100 = """
         1 Connect   2 Users   3 Edit   4 Preview   5 Activity   6 Logs             job Quarantine  SANDBOX

         Profile (config.toml)
         Profile         ‹ none (ctrl-s saves this connection as one) ›
         Label           shown on every screen, e.g. PROD
         Label colour    ‹ blue ›

         Application
         Cloud           ‹ Global (also GCC) ›

         Endpoint        ✓ cloud             Global (also GCC) via http://###
                           version           v1.0
                           service principal 0b2b8f2c-7b71-4f8a-9a56-6c5d4e3f2a10
                           job               API2AAD.0123456789abcdef0123456789abcdef.0b2b8f2c-7b71-4f8a-9…

         Test            ✓ Signed in (token valid until 13:00). Job state: Quarantine
                         ✓ Permissions: 6 of 7 calls allowed
                         ✗ read provisioning logs: missing AuditLog.Read.All (or ProvisioningLog.Read.All)
                         quarantine: EncounteredQuarantineException: The provisioning service hit an error
                         it could not get past; for an API-driven app the usual cause is that no
                         notification email is set.
                         error: QuarantineException: The provisioning service could not complete a cycle.
                         what to do: In the Entra admin center, open the app's Provisioning > Settings, set
                         a Notification Email and save; then restart the job (scimterm job restart; allow
                         about 40 minutes).
                         quarantined since: 2025-12-05 11:40 UTC (20 min ago)
                         next attempt: 2025-12-05 12:20 UTC (in 20 min)
                         last successful run: 2025-12-05 09:00 UTC (3 h ago)
                         steady state: not reached yet
         CONNECT  connected: job Quarantine; 1 permission missing (see Test)
        """
}
