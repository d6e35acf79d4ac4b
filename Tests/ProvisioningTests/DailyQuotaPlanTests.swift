import Foundation
import Provisioning
import XCTest

/// The daily tenant quota (ENTRA.md §3) planned before a send, from this machine's journaled calls.
final class DailyQuotaPlanTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let hour: TimeInterval = 3600

    func testASendThatFitsSaysWhatIsLeft() {
        let recent = (0..<100).map { now.addingTimeInterval(-Double($0) * 60) }
        let plan = DailyQuotaPlan(needed: 40, recent: recent, quota: 2000, now: now)
        XCTAssertTrue(plan.fits)
        XCTAssertEqual(plan.used, 100)
        XCTAssertEqual(plan.now, 40)
        XCTAssertEqual(plan.left, 1900)
        XCTAssertEqual(plan.summary(clock: { _ in "T" }),
                       "40 bulkUpload calls needed; 100 of 2000 used in the last 24 h by scimterm here; 1860 left after this send")
    }

    func testCallsOlderThanTheWindowDoNotCount() {
        let recent = [now.addingTimeInterval(-25 * hour), now.addingTimeInterval(-24 * hour - 1), now.addingTimeInterval(-hour)]
        XCTAssertEqual(DailyQuotaPlan(needed: 1, recent: recent, quota: 2000, now: now).used, 1)
    }

    func testWhatDoesNotFitGoesWhenTheOldestCallsLeaveTheWindow() {
        // 1,990 calls made 20 h ago and 10 made 1 h ago: 2,000 used.
        let recent = Array(repeating: now.addingTimeInterval(-20 * hour), count: 1990) + Array(repeating: now.addingTimeInterval(-hour), count: 10)
        let plan = DailyQuotaPlan(needed: 50, recent: recent, quota: 2000, now: now)
        XCTAssertFalse(plan.fits)
        XCTAssertEqual(plan.now, 0)
        XCTAssertEqual(plan.restAfter, now.addingTimeInterval(4 * hour), "the 20-hour-old calls leave the window in 4 h")
        XCTAssertTrue(plan.summary(clock: { _ in "T" }).hasSuffix("0 can go now, the other 50 after T"))
    }

    func testAHundredThousandUsersIsAWholeDayOnP1() {
        let fresh = DailyQuotaPlan(needed: 2000, recent: [], quota: 2000, now: now)
        XCTAssertTrue(fresh.fits)
        XCTAssertEqual(fresh.left, 2000)
        let twice = DailyQuotaPlan(needed: 4000, recent: [], quota: 2000, now: now)
        XCTAssertEqual(twice.now, 2000)
        XCTAssertEqual(twice.restAfter, now.addingTimeInterval(24 * hour), "the second half goes when the first leaves the window")
        let thrice = DailyQuotaPlan(needed: 5000, recent: [], quota: 2000, now: now)
        XCTAssertEqual(thrice.restAfter, now.addingTimeInterval(48 * hour))
    }

    func testSomeGoNowAndTheRestLater() {
        let recent = (0..<1980).map { now.addingTimeInterval(-23 * hour + Double($0)) }
        let plan = DailyQuotaPlan(needed: 50, recent: recent, quota: 2000, now: now)
        XCTAssertEqual(plan.now, 20)
        XCTAssertEqual(plan.restAfter, recent[29].addingTimeInterval(24 * hour), "30 more slots: the 30th oldest call frees the last")
    }

    func testAQuotaOfZeroTurnsThePlanOff() {
        let plan = DailyQuotaPlan(needed: 5000, recent: [now], quota: 0, now: now)
        XCTAssertTrue(plan.fits)
        XCTAssertNil(plan.quota)
        XCTAssertEqual(plan.now, 5000)
    }

    func testTheJournalCountsCallsPerTenantOverTheLast24Hours() throws {
        let path = NSTemporaryDirectory() + "journal-\(UUID().uuidString).sqlite"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let journal = try SendJournal(path: path)
        try journal.recordCall(tenant: "Contoso.onmicrosoft.com", at: now.addingTimeInterval(-30 * hour))
        try journal.recordCall(tenant: "contoso.onmicrosoft.com", at: now.addingTimeInterval(-2 * hour))
        try journal.recordCall(tenant: "CONTOSO.onmicrosoft.com", at: now.addingTimeInterval(-hour))
        try journal.recordCall(tenant: "fabrikam.onmicrosoft.com", at: now.addingTimeInterval(-hour))
        XCTAssertEqual(try journal.calls(tenant: "contoso.onmicrosoft.com", now: now),
                       [now.addingTimeInterval(-2 * hour), now.addingTimeInterval(-hour)])
        XCTAssertEqual(try SendJournal(path: path).calls(tenant: "fabrikam.onmicrosoft.com", now: now).count, 1, "kept across processes")
    }
}
