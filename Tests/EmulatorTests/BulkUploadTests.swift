import Emulator
import Foundation
import Provisioning
import SCIM
import XCTest

final class BulkUploadTests: XCTestCase {
    func testAcceptedWithDocumentedHeaders() async throws {
        let h = try await EmulatorHarness()
        let token = try await h.token()
        let r = try await h.request("POST", h.endpoint, token: token, body: EmulatorHarness.bulk(2))
        XCTAssertEqual(r.status, 202)
        XCTAssertTrue(r.body.isEmpty)
        XCTAssertNotNil(r.header("request-id"))
        XCTAssertNotNil(r.header("client-request-id"))
        XCTAssertEqual(r.header("location"), "\(h.base)/v1.0/auditLogs/provisioning/?$filter=jobid%20eq%20'\(SandboxIds.job)'")
        await h.running.core.processDue(now: Date().addingTimeInterval(1))
        let users = await h.running.core.userCount()
        XCTAssertEqual(users, 2)
        await h.stop()
    }

    func testEachDocumentedError() async throws {
        let h = try await EmulatorHarness(config: EmulatorHarness.config { c in
            c.tenants[0].apps.append(.init(clientId: "11111111-2222-3333-4444-555555555555", secrets: [.init(value: "reader")],
                                           permissions: ["AuditLog.Read.All"]))
            c.tenants.append(.init(id: "99999999-8888-7777-6666-555555555555", apps: [.init(clientId: SandboxIds.clientId, secrets: [.init(value: "other")])],
                                   servicePrincipals: []))
        })
        let token = try await h.token()
        let bad: [(String, String?, String, Int, String)] = [
            ("wrong content type", "application/json", EmulatorHarness.bulk(1), 400, "BadRequest"),
            ("no content type", nil, EmulatorHarness.bulk(1), 400, "BadRequest"),
            ("invalid JSON", "application/scim+json", "{\"schemas\":", 400, "BadRequest"),
            ("not a BulkRequest", "application/scim+json", #"{"schemas":["x"],"Operations":[]}"#, 400, "BadRequest"),
            ("lower-case operations", "application/scim+json", EmulatorHarness.bulk(1).replacingOccurrences(of: "Operations", with: "operations"), 400, "BadRequest"),
            ("51 operations", "application/scim+json", EmulatorHarness.bulk(51), 400, "BadRequest"),
        ]
        for (what, type, body, status, code) in bad {
            let r = try await h.request("POST", h.endpoint, token: token, contentType: type, body: body)
            XCTAssertEqual(r.status, status, what)
            XCTAssertEqual(r.graphCode, code, what)
            XCTAssertNotNil(r.json?["error"]?.objectValue?["innerError"]?.objectValue?["request-id"], what)
        }
        let missing = try await h.request("POST", h.endpoint, token: nil, body: EmulatorHarness.bulk(1))
        XCTAssertEqual(missing.status, 401)
        XCTAssertEqual(missing.json?["error"]?.objectValue?["message"], "Access token is empty.")
        let malformed = try await h.request("POST", h.endpoint, token: "not.a.jwt", body: EmulatorHarness.bulk(1))
        XCTAssertEqual(malformed.graphCode, "InvalidAuthenticationToken")
        let otherTenantToken = try await h.post("\(h.base)/99999999-8888-7777-6666-555555555555/oauth2/v2.0/token",
            form: "client_id=\(SandboxIds.clientId)&client_secret=other&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default&grant_type=client_credentials")
        let foreign = try await h.request("POST", h.endpoint, token: otherTenantToken.json?["access_token"]?.stringValue, body: EmulatorHarness.bulk(1))
        XCTAssertEqual(foreign.status, 401)
        let readerToken = try await h.post(h.tokenURL, form: "client_id=11111111-2222-3333-4444-555555555555&client_secret=reader&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default&grant_type=client_credentials")
        let forbidden = try await h.request("POST", h.endpoint, token: readerToken.json?["access_token"]?.stringValue, body: EmulatorHarness.bulk(1))
        XCTAssertEqual(forbidden.status, 403)
        let noSP = h.endpoint.replacingOccurrences(of: SandboxIds.servicePrincipal, with: "00000000-0000-0000-0000-000000000000")
        let notFound = try await h.request("POST", noSP, token: token, body: EmulatorHarness.bulk(1))
        XCTAssertEqual(notFound.status, 404)
        let noJob = h.endpoint.replacingOccurrences(of: SandboxIds.job, with: "API2AAD.00000000000000000000000000000000.00000000-0000-0000-0000-000000000000")
        let jobNotFound = try await h.request("POST", noJob, token: token, body: EmulatorHarness.bulk(1))
        XCTAssertEqual(jobNotFound.status, 404)
        await h.stop()
    }

    func testThrottlingAnswers429WithRetryAfter() async throws {
        let h = try await EmulatorHarness(config: EmulatorHarness.config(rateLimit: 3))
        let token = try await h.token()
        var statuses: [Int] = []
        var retryAfter: String?
        for _ in 0..<4 {
            let r = try await h.request("POST", h.endpoint, token: token, body: EmulatorHarness.bulk(1))
            statuses.append(r.status)
            retryAfter = r.header("retry-after") ?? retryAfter
        }
        XCTAssertEqual(statuses, [202, 202, 202, 429])
        XCTAssertEqual(retryAfter, "5")
        await h.stop()
    }

    func testPausedJobFillsTheBucketThen500() async throws {
        let h = try await EmulatorHarness(config: EmulatorHarness.config { c in
            c.tenants[0].servicePrincipals[0].jobs[0].state = "Paused"
            c.bucketCapacity = 2
        })
        let token = try await h.token()
        var statuses: [Int] = []
        for _ in 0..<3 { statuses.append(try await h.request("POST", h.endpoint, token: token, body: EmulatorHarness.bulk(1)).status) }
        XCTAssertEqual(statuses, [202, 202, 500])
        let last = try await h.request("POST", h.endpoint, token: token, body: EmulatorHarness.bulk(1))
        XCTAssertTrue(last.json?["error"]?.objectValue?["message"]?.stringValue?.contains("bucket that stores the ingested data is full") ?? false)
        await h.running.core.processDue(now: Date().addingTimeInterval(60))
        let users = await h.running.core.userCount()
        XCTAssertEqual(users, 0, "a paused job processes nothing")
        await h.stop()
    }

    func testMicrosoftsCurlQuickstartWorksAsWritten() async throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/curl") else { throw XCTSkip("curl is not installed") }
        let h = try await EmulatorHarness()
        let tokenJSON = try Self.run("/usr/bin/curl", ["-s", "-X", "POST", h.tokenURL, "-d",
            "client_id=\(SandboxIds.clientId)&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default&client_secret=\(EmulatorHarness.secret)&grant_type=client_credentials"])
        let token = try XCTUnwrap(try JSONParser.parse(Array(tokenJSON.utf8)).objectValue?["access_token"]?.stringValue)
        let payload = NSTemporaryDirectory() + "payload-\(UUID().uuidString).json"
        try Data(EmulatorHarness.bulk(3).utf8).write(to: URL(fileURLWithPath: payload))
        let verbose = try Self.run("/usr/bin/curl", ["-v", h.endpoint, "-d", "@\(payload)", "-H", "Authorization: Bearer \(token)",
                                                     "-H", "Content-Type: application/scim+json"], stderrToo: true)
        XCTAssertTrue(verbose.contains("< HTTP/1.1 202 Accepted"), verbose)
        try? FileManager.default.removeItem(atPath: payload)
        await h.stop()
    }

    static func run(_ tool: String, _ args: [String], stderrToo: Bool = false) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = args
        let out = NSTemporaryDirectory() + "curl-\(UUID().uuidString)"
        FileManager.default.createFile(atPath: out, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        p.standardOutput = handle
        p.standardError = stderrToo ? handle : FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        try handle.close()
        defer { try? FileManager.default.removeItem(atPath: out) }
        return try String(contentsOfFile: out, encoding: .utf8)
    }
}
