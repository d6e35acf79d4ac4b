import Emulator
import Foundation
import SCIM
import XCTest

/// The job's `synchronizationStatus`: runs, steady state, and quarantine as Graph's
/// synchronizationQuarantine, all dated by the requests' `now`.
final class JobStatusTests: XCTestCase {
    private let t0 = CoreDriver.t0

    private func status(_ d: CoreDriver, at now: Date) async throws -> JSONObject {
        let r = try await d.job(nil, at: now)
        XCTAssertEqual(r.status, 200)
        return try XCTUnwrap(try JSONParser.parse(r.body).objectValue?.object("status"))
    }

    func testAQuarantineFromTheConfigurationIsReevaluatedAndLiftedByRestart() async throws {
        let d = CoreDriver { c in
            c.tenants[0].servicePrincipals[0].jobs[0].state = "Quarantine"
            c.tenants[0].servicePrincipals[0].jobs[0].quarantineReason = "TooManyDeletes"
        }
        let s = try await status(d, at: t0 + 3_600)
        XCTAssertEqual(s.string("code"), "Quarantine")
        let q = try XCTUnwrap(s.object("quarantine"))
        XCTAssertEqual(q.string("reason"), "TooManyDeletes")
        XCTAssertEqual(q.string("seriesBegan"), GraphTime.string(t0))
        XCTAssertEqual(q.string("currentBegan"), GraphTime.string(t0 + 2_400), "re-evaluated after 40 min")
        XCTAssertEqual(q["seriesCount"]?.numberValue?.intValue, 2)
        XCTAssertEqual(q.string("nextAttempt"), GraphTime.string(t0 + 2_400 + 4_800), "then after 80 min")
        XCTAssertEqual(q.object("error")?.string("code"), "TooManyDeletes")
        XCTAssertNotNil(q.object("error")?.string("message"))
        XCTAssertEqual(q.object("error")?["tenantActionable"], .bool(true))
        XCTAssertNotNil(s.string("troubleshootingUrl"))
        XCTAssertEqual(s["lastExecution"], .null)

        _ = try await d.job("restart", at: t0 + 4_000)
        let lifted = try await status(d, at: t0 + 4_001)
        XCTAssertEqual(lifted.string("code"), "Active")
        XCTAssertEqual(lifted["quarantine"], .null)
        XCTAssertEqual(lifted["troubleshootingUrl"], .null)
    }

    func testRunsAndSteadyStateFollowProcessedUploads() async throws {
        let d = CoreDriver()
        let fresh = try await status(d, at: t0)
        for key in ["lastExecution", "lastSuccessfulExecution", "lastSuccessfulExecutionWithExports", "steadyStateLastAchievedTime"] {
            XCTAssertEqual(fresh[key], .null, key)
        }
        try await d.send([#"{"externalId":"a","userName":"a@contoso.com","active":true}"#], at: t0 + 10)
        let ok = try await status(d, at: t0 + 20)
        XCTAssertEqual(ok.object("lastExecution")?.string("timeEnded"), GraphTime.string(t0 + 10))
        XCTAssertEqual(ok.object("lastExecution")?.string("state"), "Succeeded")
        XCTAssertEqual(ok.object("lastSuccessfulExecution")?.string("timeEnded"), GraphTime.string(t0 + 10))
        XCTAssertEqual(ok.object("lastSuccessfulExecutionWithExports")?["countExported"]?.numberValue?.intValue, 1)
        XCTAssertEqual(ok.string("steadyStateLastAchievedTime"), GraphTime.string(t0 + 10))

        try await d.send([#"{"externalId":"a","userName":"a@contoso.com","active":true}"#], at: t0 + 30)
        let unchanged = try await status(d, at: t0 + 40)
        XCTAssertEqual(unchanged.object("lastSuccessfulExecution")?.string("timeEnded"), GraphTime.string(t0 + 30))
        XCTAssertEqual(unchanged.object("lastSuccessfulExecutionWithExports")?.string("timeEnded"), GraphTime.string(t0 + 10),
                       "a run that only skipped exported nothing")

        try await d.send([#"{"externalId":"","userName":"b@contoso.com","active":true}"#], at: t0 + 50)
        let failed = try await status(d, at: t0 + 60)
        XCTAssertEqual(failed.object("lastExecution")?.string("state"), "EntryLevelErrors")
        XCTAssertEqual(failed.object("lastExecution")?["countEscrowed"]?.numberValue?.intValue, 1)
        XCTAssertEqual(failed.object("lastSuccessfulExecution")?.string("timeEnded"), GraphTime.string(t0 + 30))
        XCTAssertEqual(failed.string("steadyStateLastAchievedTime"), GraphTime.string(t0 + 30))
    }
}
