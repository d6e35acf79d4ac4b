import Emulator
import Foundation
import SCIM
import XCTest

/// The tenant's rolling 24-hour bulkUpload quota (ENTRA.md §3), at injected instants.
final class DailyQuotaTests: XCTestCase {
    private let t0 = CoreDriver.t0

    private func message(_ r: EmulatorResponse) -> String {
        (try? JSONParser.parse(r.body))?.objectValue?.object("error")?.string("message") ?? ""
    }

    func testTheFourthCallOfThreeIsRefusedUntilTheFirstIs24HoursOld() async throws {
        let d = CoreDriver { $0.dailyQuota = 3 }
        for offset in [0.0, 10, 20] {
            let r = try await d.upload(EmulatorHarness.bulk(1, prefix: "q\(Int(offset))"), at: t0 + offset)
            XCTAssertEqual(r.status, 202, "call at +\(offset) s")
        }
        let refused = try await d.upload(EmulatorHarness.bulk(1), at: t0 + 30)
        XCTAssertEqual(refused.status, 429)
        XCTAssertEqual((try JSONParser.parse(refused.body)).objectValue?.object("error")?.string("code"), "TooManyRequests")
        XCTAssertTrue(message(refused).hasPrefix("Daily quota exceeded:"), message(refused))
        XCTAssertTrue(message(refused).contains("3 bulkUpload calls in the last 24 hours (limit 3)"), message(refused))
        XCTAssertEqual(refused.header("Retry-After"), String(86_400 - 30), "seconds until the first call is 24 h old")

        // Refused calls do not count: the tenant still has made 3.
        let again = try await d.upload(EmulatorHarness.bulk(1), at: t0 + 3_600.5)
        XCTAssertEqual(again.status, 429)
        XCTAssertEqual(again.header("Retry-After"), String(86_400 - 3_600), "82,799.5 s rounded up")
        XCTAssertTrue(message(again).contains("has made 3 bulkUpload calls"), message(again))

        // The window rolls: the first call leaves it at exactly 24 h, the second 10 s later.
        let rolled = try await d.upload(EmulatorHarness.bulk(1, prefix: "r"), at: t0 + 86_400)
        XCTAssertEqual(rolled.status, 202)
        let tooSoon = try await d.upload(EmulatorHarness.bulk(1), at: t0 + 86_401)
        XCTAssertEqual(tooSoon.status, 429)
        XCTAssertEqual(tooSoon.header("Retry-After"), "9")
        let stats = await d.core.statistics
        XCTAssertEqual(stats.accepted, 4)
        XCTAssertEqual(stats.quotaRefused, 3)
    }

    func testEveryAdmittedCallCountsWhateverItsOutcome() async throws {
        let d = CoreDriver { $0.dailyQuota = 2 }
        let bad = try await d.upload(#"{"schemas":["x"],"Operations":[]}"#, at: t0)
        XCTAssertEqual(bad.status, 400)
        let good = try await d.upload(EmulatorHarness.bulk(1), at: t0 + 1)
        XCTAssertEqual(good.status, 202)
        let over = try await d.upload(EmulatorHarness.bulk(1), at: t0 + 2)
        XCTAssertEqual(over.status, 429, "the 400 spent a call of the quota")
        XCTAssertEqual(over.header("Retry-After"), String(86_400 - 2))
    }

    func testTheRateLimitIsCheckedFirstAndItsRefusalsDoNotSpendTheQuota() async throws {
        let d = CoreDriver { $0.dailyQuota = 3; $0.rateLimit = 1 }
        let first = try await d.upload(EmulatorHarness.bulk(1), at: t0)
        let throttled = try await d.upload(EmulatorHarness.bulk(1), at: t0 + 1)
        XCTAssertEqual([first.status, throttled.status], [202, 429])
        XCTAssertFalse(message(throttled).hasPrefix("Daily quota exceeded"), "a rate-limit 429 is not the quota")
        XCTAssertEqual(throttled.header("Retry-After"), "4")
        for second in [10.0, 20] {
            let r = try await d.upload(EmulatorHarness.bulk(1), at: t0 + second)
            XCTAssertEqual(r.status, 202, "+\(second) s: the throttled call did not spend the quota")
        }
        let spent = try await d.upload(EmulatorHarness.bulk(1), at: t0 + 30)
        XCTAssertTrue(message(spent).hasPrefix("Daily quota exceeded:"), message(spent))
    }

    func testTheQuotaIsPerTenantAndZeroTurnsItOff() async throws {
        let off = CoreDriver { $0.dailyQuota = 0 }
        for i in 0..<5 {
            let status = try await off.upload(EmulatorHarness.bulk(1), at: t0 + Double(i)).status
            XCTAssertEqual(status, 202)
        }
        XCTAssertEqual(EmulatorConfig.sandbox().dailyQuota, 2000, "the sandbox has a P1/P2 tenant's quota")
    }

    func testSettingsFromTOMLAndValidation() throws {
        let path = NSTemporaryDirectory() + "emulator-\(UUID().uuidString).toml"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("daily_quota = 6000\nflow_null_values = true\n".utf8).write(to: URL(fileURLWithPath: path))
        let c = try EmulatorConfig.load(path: path)
        XCTAssertEqual(c.dailyQuota, 6000)
        XCTAssertTrue(c.flowNullValues)
        XCTAssertFalse(EmulatorConfig.sandbox().flowNullValues, "partial updates by default")
        let job = "[[tenants]]\nid = \"t\"\n[[tenants.service_principals]]\nid = \"s\"\n[[tenants.service_principals.jobs]]\nid = \"j\"\nstate = \"Quarantine\"\n"
        try Data((job + "quarantine_reason = \"QuarantineOnDemand\"\n").utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try EmulatorConfig.load(path: path)) {
            XCTAssertTrue("\($0)".contains("QuarantinedOnDemand"), "the error lists Graph's values: \($0)")
        }
    }
}
