import Emulator
import Foundation
import SCIM
import XCTest

/// Drives an `EmulatorCore` directly, with every request at an explicit `now`: for behaviour that
/// depends on time (the daily quota, job status dates) without a wall clock or a socket.
struct CoreDriver {
    let core: EmulatorCore
    static let secret = EmulatorHarness.secret
    static let bulkUploadPath = "/v1.0/servicePrincipals/\(SandboxIds.servicePrincipal)/synchronization/jobs/\(SandboxIds.job)/bulkUpload"
    static let jobPath = "/v1.0/servicePrincipals/\(SandboxIds.servicePrincipal)/synchronization/jobs/\(SandboxIds.job)"

    init(_ configure: (inout EmulatorConfig) -> Void = { _ in }, now: Date = CoreDriver.t0) {
        var c = EmulatorConfig.sandbox(secret: Self.secret)
        c.rateLimit = 0
        c.dailyQuota = 0
        c.processingDelaySeconds = 0
        configure(&c)
        core = EmulatorCore(config: c, now: now)
    }

    /// A fixed instant, so nothing depends on the day the tests run.
    static let t0 = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z

    func token(at now: Date) async throws -> String {
        let form = "client_id=\(SandboxIds.clientId)&client_secret=\(Self.secret)&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default&grant_type=client_credentials"
        let r = await core.handle(EmulatorRequest(method: "POST", path: "/\(SandboxIds.tenant)/oauth2/v2.0/token",
                                                  headers: [("Content-Type", "application/x-www-form-urlencoded")], body: Array(form.utf8)), now: now)
        let body = try JSONParser.parse(r.body).objectValue
        return try XCTUnwrap(body?["access_token"]?.stringValue, "no token: \(String(decoding: r.body, as: UTF8.self))")
    }

    func upload(_ body: String, at now: Date) async throws -> EmulatorResponse {
        let token = try await token(at: now)
        return await core.handle(EmulatorRequest(method: "POST", path: Self.bulkUploadPath,
                                                 headers: [("Authorization", "Bearer \(token)"), ("Content-Type", "application/scim+json")],
                                                 body: Array(body.utf8)), now: now)
    }

    /// Sends the users and processes them, as Entra would after its delay.
    func send(_ users: [String], at now: Date) async throws {
        let r = try await upload(Self.bulk(users), at: now)
        XCTAssertEqual(r.status, 202, String(decoding: r.body, as: UTF8.self))
        await core.processDue(now: now)
    }

    func job(_ verb: String?, at now: Date) async throws -> EmulatorResponse {
        let token = try await token(at: now)
        return await core.handle(EmulatorRequest(method: verb == nil ? "GET" : "POST", path: Self.jobPath + (verb.map { "/\($0)" } ?? ""),
                                                 headers: [("Authorization", "Bearer \(token)")]), now: now)
    }

    /// Every log entry, oldest first.
    func logs(at now: Date) async throws -> [JSONObject] {
        let token = try await token(at: now)
        let r = await core.handle(EmulatorRequest(method: "GET", path: "/v1.0/auditLogs/provisioning",
                                                  query: ["$top": "1000", "$orderby": "activityDateTime asc"],
                                                  headers: [("Authorization", "Bearer \(token)")]), now: now)
        XCTAssertEqual(r.status, 200, String(decoding: r.body, as: UTF8.self))
        return try JSONParser.parse(r.body).objectValue?["value"]?.arrayValue?.compactMap(\.objectValue) ?? []
    }

    /// A BulkRequest whose operations carry the given user objects (JSON text) as `data`.
    static func bulk(_ users: [String]) -> String {
        let ops = users.enumerated().map { #"{"method":"POST","bulkId":"b\#($0.offset)","path":"/Users","data":\#($0.element)}"# }
        return #"{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[\#(ops.joined(separator: ","))],"failOnErrors":null}"#
    }
}

extension JSONObject {
    /// A member's object, for reading nested test answers briefly.
    func object(_ key: String) -> JSONObject? { self[key]?.objectValue }
    func string(_ key: String) -> String? { self[key]?.stringValue }
}
