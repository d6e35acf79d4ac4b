import Emulator
import Foundation
import XCTest
@testable import Provisioning

/// Tokens are reused until five minutes before expiry, or 80 % of a shorter life (issue 10 §5),
/// counted at the emulator's token endpoint over loopback, with the client's clock passed in.
final class TokenRefreshTests: XCTestCase {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func testAnHourTokenIsReusedUntil55Minutes() async throws {
        let loop = try await LoopbackClient.start { $0.tokenLifetimeSeconds = 3600 }
        let tokens = loop.client.tokens
        let first = try await tokens.token(now: t0)
        for offset in [1.0, 600, 1800, 3299.9] {
            let again = try await tokens.token(now: t0 + offset)
            XCTAssertEqual(again, first, "reused at \(offset) s")
        }
        var requests = await loop.emulator.core.statistics.tokenRequests
        XCTAssertEqual(requests, 1)
        let fresh = try await tokens.token(now: t0 + 3300)
        XCTAssertNotEqual(fresh, first, "replaced at 55 min")
        requests = await loop.emulator.core.statistics.tokenRequests
        XCTAssertEqual(requests, 2)
        await loop.stop()
    }

    func testASixtySecondTokenIsReusedUntil48Seconds() async throws {
        let loop = try await LoopbackClient.start { $0.tokenLifetimeSeconds = 60 }
        let tokens = loop.client.tokens
        let first = try await tokens.token(now: t0)
        for offset in [0.5, 10, 30, 47.9] {
            let again = try await tokens.token(now: t0 + offset)
            XCTAssertEqual(again, first, "reused at \(offset) s")
        }
        var requests = await loop.emulator.core.statistics.tokenRequests
        XCTAssertEqual(requests, 1, "a short lifetime no longer means a token per call")
        let second = try await tokens.token(now: t0 + 48)
        XCTAssertNotEqual(second, first)
        // The second token was issued at 48 s: it lives until 96 s, refreshes at 96.
        let third = try await tokens.token(now: t0 + 48 + 47)
        XCTAssertEqual(third, second)
        requests = await loop.emulator.core.statistics.tokenRequests
        XCTAssertEqual(requests, 2)
        await loop.stop()
    }

    func testATokenIsNeverUsedPastItsExpiry() async throws {
        let loop = try await LoopbackClient.start { $0.tokenLifetimeSeconds = 60 }
        let tokens = loop.client.tokens
        await tokens.setRefreshMarginForTests(0)  // keep it to the last second
        let first = try await tokens.token(now: t0)
        let late = try await tokens.token(now: t0 + 59.9)
        XCTAssertEqual(late, first)
        let expired = await tokens.expiresAt
        XCTAssertEqual(expired, t0 + 60)
        for offset in [60.0, 3600] {
            let next = try await tokens.token(now: t0 + offset)
            XCTAssertNotEqual(next, first, "at \(offset) s the first token has expired")
        }
        await loop.stop()
    }

    func testRefreshTimeRule() {
        func after(_ lifetime: Double, refreshIn: Double? = nil) -> Double {
            TokenProvider.refreshTime(issued: t0, lifetime: lifetime, margin: 300, refreshIn: refreshIn).timeIntervalSince(t0)
        }
        XCTAssertEqual(after(3599), 3299)
        XCTAssertEqual(after(3600), 3300)
        XCTAssertEqual(after(1500), 1200, "25 minutes: both rules agree")
        XCTAssertEqual(after(600), 480, "10 minutes: 80 %")
        XCTAssertEqual(after(60), 48)
        XCTAssertEqual(after(0), 0, "a token without life is not reused")
        XCTAssertEqual(after(86399, refreshIn: 43199), 43199, "Entra's refresh_in hint wins when sooner")
    }
}
