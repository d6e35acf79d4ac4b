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

    private func decide(_ status: Int, retryAfter: String? = nil, body: String = "", attempt: Int = 0, elapsed: Double = 0,
                        jitter: Double = 0.5, policy: RetryPolicy = RetryPolicy()) -> RetryPolicy.Outcome {
        policy.decide(.response(status: status, retryAfter: retryAfter, body: body), attempt: attempt, elapsed: elapsed, jitter: jitter)
    }

    private func graphBody(_ message: String) -> String {
        #"{"error":{"code":"TooManyRequests","message":"\#(message)"}}"#
    }

    func testRetryDecisions() {
        XCTAssertEqual(decide(202), .accepted)
        XCTAssertEqual(decide(429, retryAfter: "7"), .retry(after: 7, reason: "429 throttled: Retry-After 7.0 s"))
        XCTAssertEqual(decide(429, attempt: 3), .retry(after: 4, reason: "429 throttled (no Retry-After): backing off"),
                       "8 s ceiling × 0.5 jitter")
        XCTAssertEqual(decide(400, body: #"{"error":{"code":"BadRequest","message":"Invalid Data Format"}}"#),
                       .fail(reason: "400 Bad Request: Invalid Data Format"))
        let bucket = #"{"error":{"message":"The bucket that stores the ingested data is full"}}"#
        guard case .retry(let minutes, let reason) = decide(500, body: bucket, attempt: 1, jitter: 0) else {
            return XCTFail("bucket full must wait")
        }
        XCTAssertEqual(minutes, 120)
        XCTAssertTrue(reason.contains("bucket full"))
        guard case .retry = RetryPolicy().decide(.error(.transport(TransportError(.dropped, "reset"))), attempt: 0, elapsed: 0, jitter: 0.1) else {
            return XCTFail("a dropped connection is retried")
        }
    }

    func testBackoffIsExponentialWithFullJitterAndCapped() {
        let p = RetryPolicy()
        XCTAssertEqual(p.backoff(0, 0.999), 0.999, accuracy: 1e-9)
        XCTAssertEqual(p.backoff(5, 1), 32)
        XCTAssertEqual(p.backoff(12, 1), 60, "capped at maxDelay")
        XCTAssertEqual(p.backoff(12, 0.25), 15, "full jitter spreads the whole range")
        XCTAssertEqual(p.backoff(12, 0), 0.5, "a floor so jitter near 0 does not hammer")
    }

    func testRetriesLastForTheBudgetNotACount() {
        var p = RetryPolicy(budget: 600)
        p.maxDelay = 60
        guard case .retry = decide(503, attempt: 40, elapsed: 590) else { return XCTFail("40 retries are fine within the budget") }
        XCTAssertEqual(decide(503, attempt: 9, elapsed: 598, jitter: 1), .retry(after: 2, reason: "503 Service Unavailable"),
                       "the last wait ends at the budget")
        guard case .stop(.budgetSpent(let why)) = decide(503, attempt: 9, elapsed: 600.5) else {
            return XCTFail("after the budget the send stops")
        }
        XCTAssertTrue(why.contains("10 attempts"), why)
        let bucket = #"{"error":{"message":"The bucket that stores the ingested data is full"}}"#
        XCTAssertEqual(decide(500, body: bucket, attempt: 3, elapsed: 420, jitter: 0),
                       .retry(after: 180, reason: "500 bucket full: the job's queue is full (is the job paused, quarantined or never started?)"),
                       "minutes-long waits, clipped to the budget")
    }

    func testWhatCannotHealStopsAtTheFirstAnswer() {
        for status in [401, 403, 404] {
            guard case .stop(.cannotHeal) = decide(status) else { return XCTFail("\(status) must stop the send") }
        }
        guard case .stop(.cannotHeal(let forbidden)) = decide(403, body: #"{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges"}}"#) else {
            return XCTFail("403")
        }
        XCTAssertTrue(forbidden.contains("SynchronizationData-User.Upload"), forbidden)
        let unhealable: [TransportError] = [
            TransportError(.tls(host: "graph.microsoft.com", issuer: "CN=Proxy CA", detail: "certificate verification failed"), "x"),
            TransportError(.dns(host: "login.contoso.invalid"), "x"),
            TransportError(.refused(host: "127.0.0.1", port: 1), "x"),
        ]
        for e in unhealable {
            guard case .stop(.cannotHeal) = RetryPolicy().decide(.error(.transport(e)), attempt: 0, elapsed: 0, jitter: 0) else {
                return XCTFail("\(e.kind) must not be retried")
            }
        }
        guard case .retry = RetryPolicy().decide(.error(.transport(TransportError(.timeout, "slow"))), attempt: 0, elapsed: 0, jitter: 0) else {
            return XCTFail("a timeout heals")
        }
    }

    func testDailyQuotaAndLongRetryAfterStopInsteadOfRetrying() {
        let quota = graphBody("Daily quota exceeded: this tenant has made 2000 bulkUpload calls in the last 24 hours (limit 2000)")
        XCTAssertEqual(decide(429, retryAfter: "5", body: quota),
                       .stop(.dailyQuota(retryAfter: 5, message: "Daily quota exceeded: this tenant has made 2000 bulkUpload calls in the last 24 hours (limit 2000)")),
                       "the wording stops even with a short Retry-After")
        XCTAssertEqual(decide(429, body: graphBody("DAILY QUOTA EXCEEDED")), .stop(.dailyQuota(retryAfter: nil, message: "DAILY QUOTA EXCEEDED")))
        guard case .stop(.dailyQuota(let wait, _)) = decide(429, retryAfter: "3600", body: graphBody("Too many requests")) else {
            return XCTFail("a Retry-After longer than maxWaitInSend stops the send")
        }
        XCTAssertEqual(wait, 3600)
        XCTAssertEqual(decide(429, retryAfter: "60", body: graphBody("Too many requests")), .retry(after: 60, reason: "429 throttled: Retry-After 60 s"))
    }

    func testForbiddenNamesThePermissionOfTheCallThatFailed() {
        let response = TransportResponse(status: 403, headers: [], body: Array(#"{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges to complete the operation."}}"#.utf8))
        let expected: [(HTTPExchange.Purpose, String, String)] = [
            (.bulkUpload(document: 3), "SynchronizationData-User.Upload", "uploading"),
            (.provisioningLogs, "AuditLog.Read.All (or ProvisioningLog.Read.All)", "reading the provisioning logs"),
            (.job, "Synchronization.Read.All", "reading the provisioning job"),
            (.jobAction("restart"), "Synchronization.ReadWrite.All", "restarting the provisioning job"),
        ]
        for (purpose, permission, activity) in expected {
            let text = GraphFailure.parse(response, purpose: purpose).description
            XCTAssertTrue(text.contains(permission), text)
            XCTAssertTrue(text.contains(activity), text)
        }
        XCTAssertFalse(GraphFailure.parse(response, purpose: .provisioningLogs).description.contains("SynchronizationData-User.Upload"),
                       "the logs' 403 must not blame the upload permission")
    }
}
