import Emulator
import Foundation
import XCTest

final class EmulatorConfigTests: XCTestCase {
    private func load(_ toml: String) throws -> EmulatorConfig {
        let path = NSTemporaryDirectory() + "emulator-\(UUID().uuidString).toml"
        try Data(toml.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try EmulatorConfig.load(path: path)
    }

    func testReadsEverySetting() throws {
        let c = try load("""
            rate_limit = 0
            processing_delay_seconds = 0.5
            [faults]
            seed = 9
            internal_error_rate = 0.2
            [[tenants]]
            id = "t1"
            domains = ["contoso.onmicrosoft.com"]
              [[tenants.apps]]
              client_id = "c1"
              secrets = ["s"]
              expired_secrets = ["old"]
              permissions = ["AuditLog.Read.All"]
              [[tenants.service_principals]]
              id = "sp1"
                [[tenants.service_principals.jobs]]
                id = "API2AAD.x.y"
                state = "Quarantine"
                quarantine_reason = "TooManyDeletes"
            """)
        XCTAssertEqual(c.rateLimit, 0)
        XCTAssertEqual(c.processingDelaySeconds, 0.5)
        XCTAssertEqual(c.faults.seed, 9)
        XCTAssertEqual(c.faults.internalErrorRate, 0.2)
        XCTAssertEqual(c.tenants.map(\.id), ["t1"])
        XCTAssertEqual(c.tenants[0].apps[0].secrets, [.init(value: "s"), .init(value: "old", expired: true)])
        XCTAssertEqual(c.tenants[0].apps[0].permissions, ["AuditLog.Read.All"])
        XCTAssertEqual(c.tenants[0].servicePrincipals[0].jobs[0].state, "Quarantine")
    }

    func testErrorsNameTheKeyOrLine() {
        XCTAssertThrowsError(try load("rate_limt = 3")) { XCTAssertTrue("\($0)".contains("unknown key 'rate_limt'"), "\($0)") }
        XCTAssertThrowsError(try load("rate_limit = \n")) { XCTAssertTrue("\($0)".contains(":1:"), "\($0)") }
        XCTAssertThrowsError(try load("[[tenants]]\nid = \"t\"\n[[tenants.service_principals]]\nid = \"s\"\n[[tenants.service_principals.jobs]]\nid = \"j\"\nstate = \"Running\"")) {
            XCTAssertTrue("\($0)".contains("not one of"), "\($0)")
        }
    }

    func testFaultsAreRepeatableForASeed() async throws {
        func statuses() async throws -> [Int] {
            let h = try await EmulatorHarness(config: EmulatorHarness.config { $0.faults = FaultConfig(seed: 3, internalErrorRate: 0.3, unavailableRate: 0.2) })
            let token = try await h.token()
            var out: [Int] = []
            for _ in 0..<20 { out.append(try await h.request("POST", h.endpoint, token: token, body: EmulatorHarness.bulk(1)).status) }
            await h.stop()
            return out
        }
        let first = try await statuses(), second = try await statuses()
        XCTAssertEqual(first, second)
        XCTAssertTrue(first.contains(500) && first.contains(503) && first.contains(202), "\(first)")
    }
}
