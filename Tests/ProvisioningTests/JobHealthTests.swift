import Foundation
import Provisioning
import XCTest

/// The job's health in plain words, every age from an explicit `now`.
final class JobHealthTests: XCTestCase {
    private let now = Date(timeIntervalSince1970: 1_764_936_000)  // 2025-12-05 12:00 UTC
    private let apiJob = "API2AAD.4f0f5f0d1c2b4a6e8d9c0b1a2f3e4d5c.1d2c3b4a-5e6f-4a8b-9c0d-1e2f3a4b5c6d"

    private func quarantined(_ reason: String, message: String? = nil) -> JobStatus {
        var status = JobStatus(code: "Quarantine", quarantineReason: reason, quarantineMessage: message)
        status.health = JobStatusTimes(lastSuccessfulExecution: now.addingTimeInterval(-3 * 3600 - 120),
                                       steadyStateLastAchieved: now.addingTimeInterval(-26 * 3600),
                                       quarantineSince: now.addingTimeInterval(-45 * 60),
                                       nextAttempt: now.addingTimeInterval(35 * 60), seriesCount: 3, quarantineCode: "QuarantineException")
        return status
    }

    func testAQuarantinedAPIDrivenJobPointsAtTheNotificationEmailWithAgesFromNow() {
        let health = JobHealth(quarantined("EncounteredQuarantineException", message: "The provisioning service could not complete a cycle."),
                               jobId: apiJob, now: now)
        XCTAssertEqual(health.lines.map(\.rendered), [
            "quarantine: EncounteredQuarantineException: The provisioning service hit an error it could not get past; "
                + "for an API-driven app the usual cause is that no notification email is set.",
            "error: QuarantineException: The provisioning service could not complete a cycle.",
            "what to do: In the Entra admin center, open the app's Provisioning > Settings, set a Notification Email and save; "
                + "then restart the job (scimterm job restart; allow about 40 minutes).",
            "quarantined since: 2025-12-05 11:15 UTC (45 min ago); still there after 2 re-evaluations",
            "next attempt: 2025-12-05 12:35 UTC (in 35 min)",
            "last successful run: 2025-12-05 08:58 UTC (3 h ago)",
            "steady state: last reached 2025-12-04 10:00 UTC (26 h ago)",
        ])
        XCTAssertEqual(health.lines.first?.tone, .bad)
    }

    func testTheSameStatusReadsOlderLater() {
        let later = JobHealth(quarantined("EncounteredQuarantineException"), jobId: apiJob, now: now.addingTimeInterval(3 * 86_400))
        XCTAssertTrue(later.lines.contains { $0.rendered == "next attempt: 2025-12-05 12:35 UTC (2 d ago)" }, "\(later.lines)")
    }

    func testEscrowThresholdSendsToTheLogs() {
        let lines = JobHealth(quarantined("EncounteredEscrowProportionThreshold"), jobId: apiJob, now: now).lines.map(\.rendered)
        XCTAssertTrue(lines[0].contains("Too many of the job's recent provisioning attempts failed"), lines[0])
        XCTAssertTrue(lines.contains { $0.hasPrefix("what to do: Read the failures in the provisioning logs (scimterm logs --failures)") }, "\(lines)")
    }

    func testQuarantineOnDemandIsSaidToBeDeliberateInBothSpellings() {
        for reason in ["QuarantineOnDemand", "QuarantinedOnDemand"] {
            let first = JobHealth(quarantined(reason), jobId: apiJob, now: now).lines[0].rendered
            XCTAssertEqual(first, "quarantine: \(reason): The job was put in quarantine on purpose (by Microsoft or an administrator), not by a failure.")
        }
    }

    func testANonAPIJobsQuarantineExceptionDoesNotBlameTheEmail() {
        let first = JobHealth(quarantined("EncounteredQuarantineException"), jobId: "scim.abc.def", now: now).lines[0].rendered
        XCTAssertFalse(first.contains("notification email"), first)
    }

    func testAHealthyJobShowsItsRunsAndANewOneSaysNoneYet() {
        var active = JobStatus(code: "Active")
        active.health = JobStatusTimes(lastSuccessfulExecution: now.addingTimeInterval(-90), steadyStateLastAchieved: now.addingTimeInterval(-90))
        XCTAssertEqual(JobHealth(active, jobId: apiJob, now: now).lines.map(\.rendered),
                       ["last successful run: 2025-12-05 11:58 UTC (90 s ago)", "steady state: last reached 2025-12-05 11:58 UTC (90 s ago)"])
        XCTAssertEqual(JobHealth(JobStatus(code: "NotRun"), jobId: apiJob, now: now).lines.map(\.rendered),
                       ["last successful run: none yet", "steady state: not reached yet"])
    }

    func testRelativeTimes() {
        XCTAssertEqual(JobHealth.relative(now, now: now), "just now")
        XCTAssertEqual(JobHealth.relative(now.addingTimeInterval(-12), now: now), "12 s ago")
        XCTAssertEqual(JobHealth.relative(now.addingTimeInterval(-3 * 3600), now: now), "3 h ago")
        XCTAssertEqual(JobHealth.relative(now.addingTimeInterval(25 * 60), now: now), "in 25 min")
        XCTAssertEqual(JobHealth.relative(now.addingTimeInterval(-5 * 86_400), now: now), "5 d ago")
    }
}
