import XCTest
@testable import Provisioning

final class PacingAndRetryTests: XCTestCase {
    func testPacerAllowsFortyPerFiveSecondsAndNoMore() {
        var pacer = RatePacer(limit: 40, window: 5, margin: 0)
        var now = 0.0
        for _ in 0..<40 {
            XCTAssertEqual(pacer.delay(now: now), 0)
            pacer.record(at: now)
            now += 0.01
        }
        XCTAssertEqual(pacer.delay(now: now), 5 - now, accuracy: 1e-9, "the 41st waits for the first to leave the window")
        XCTAssertEqual(pacer.callsInWindow(now: now), 40)
        XCTAssertEqual(pacer.delay(now: 5.001), 0)
    }

    func testPacedScheduleNeverExceedsTheLimitInAnyWindow() {
        var pacer = RatePacer(limit: 40, window: 5, margin: 0.05)
        var now = 0.0, times: [Double] = []
        for _ in 0..<200 {
            now += pacer.delay(now: now)
            pacer.record(at: now)
            times.append(now)
            now += 0.003
        }
        for (i, t) in times.enumerated() {
            XCTAssertLessThanOrEqual(times[i...].prefix { $0 < t + 5 }.count, 40)
        }
    }

    func testRetryDecisions() {
        let p = RetryPolicy()
        XCTAssertEqual(p.decide(status: 202, retryAfter: nil, body: "", transportError: nil, attempt: 0, jitter: 0.5), .accepted)
        XCTAssertEqual(p.decide(status: 429, retryAfter: "7", body: "", transportError: nil, attempt: 0, jitter: 0.5),
                       .retry(after: 7, reason: "429 throttled: Retry-After 7.0 s"))
        guard case .retry(let wait, _) = p.decide(status: 429, retryAfter: nil, body: "", transportError: nil, attempt: 3, jitter: 0.5) else {
            return XCTFail("429 without Retry-After must back off")
        }
        XCTAssertEqual(wait, 4, "8 s ceiling × 0.5 jitter")
        XCTAssertEqual(p.decide(status: 400, retryAfter: nil, body: "Invalid Data Format", transportError: nil, attempt: 0, jitter: 0),
                       .fail(reason: "400 Bad Request"))
        let bucket = #"{"error":{"message":"The bucket that stores the ingested data is full"}}"#
        guard case .retry(let minutes, let reason) = p.decide(status: 500, retryAfter: nil, body: bucket, transportError: nil, attempt: 1, jitter: 0) else {
            return XCTFail("bucket full must wait")
        }
        XCTAssertEqual(minutes, 120)
        XCTAssertTrue(reason.contains("bucket full"))
        guard case .fail = p.decide(status: 500, retryAfter: nil, body: bucket, transportError: nil, attempt: 4, jitter: 0) else {
            return XCTFail("bucket full retries are bounded")
        }
        guard case .retry = p.decide(status: nil, retryAfter: nil, body: "", transportError: "connection reset", attempt: 0, jitter: 0.1) else {
            return XCTFail("a dropped connection is retried")
        }
        guard case .fail = p.decide(status: 503, retryAfter: nil, body: "", transportError: nil, attempt: 5, jitter: 0.1) else {
            return XCTFail("transient retries are bounded")
        }
    }
}
