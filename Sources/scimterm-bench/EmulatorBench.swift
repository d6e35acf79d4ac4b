import ArgumentParser
import Emulator
import Foundation
import SCIM

/// `scimterm-bench emulator`: how long the emulator takes to process a big backlog of accepted
/// uploads (issue 10: 100,000 users in seconds, O(n) in the directory's size), in process, so only
/// the emulator's own work is timed, not HTTP.
struct EmulatorBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "emulator", abstract: "Time the emulator processing a backlog of uploads.")

    @Option(help: "Users to upload (50 per request).") var users = 100_000

    func run() async throws {
        let secret = "bench-secret~0123456789abcdefghijklmnopqrstuv"
        var config = EmulatorConfig.sandbox(secret: secret)
        config.rateLimit = 0
        config.dailyQuota = 0
        config.processingDelaySeconds = 0
        let core = EmulatorCore(config: config)
        let token = try await Self.token(core, secret: secret)
        let path = "/v1.0/servicePrincipals/\(SandboxIds.servicePrincipal)/synchronization/jobs/\(SandboxIds.job)/bulkUpload"
        let headers = [("Authorization", "Bearer \(token)"), ("Content-Type", "application/scim+json")]
        let bodies = Self.documents(users)
        let uploadStart = Date()
        for body in bodies {
            let r = await core.handle(EmulatorRequest(method: "POST", path: path, headers: headers, body: body))
            guard r.status == 202 else { throw ValidationError("bulkUpload answered \(r.status)") }
        }
        let uploaded = Date().timeIntervalSince(uploadStart)
        let start = Date()
        await core.processDue(now: Date())
        let elapsed = Date().timeIntervalSince(start)
        let count = await core.userCount()
        guard count == users else { throw ValidationError("\(count) users in the directory, expected \(users)") }
        print("| emulator: \(bodies.count) uploads accepted (in process) | \(String(format: "%.2f s", uploaded)) |")
        print("| emulator processing \(users) users (\(bodies.count) uploads) | \(String(format: "%.2f s", elapsed)) (\(Int(Double(users) / elapsed)) users/s) |")
    }

    static func token(_ core: EmulatorCore, secret: String) async throws -> String {
        let form = "grant_type=client_credentials&client_id=\(SandboxIds.clientId)&client_secret=\(secret)"
            + "&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default"
        let r = await core.handle(EmulatorRequest(method: "POST", path: "/\(SandboxIds.tenant)/oauth2/v2.0/token",
                                                  headers: [("Content-Type", "application/x-www-form-urlencoded")], body: Array(form.utf8)))
        guard let token = (try? JSONParser.parse(r.body))?.objectValue?["access_token"]?.stringValue else {
            throw ValidationError("no token: \(String(decoding: r.body, as: UTF8.self))")
        }
        return token
    }

    static func documents(_ users: Int) -> [[UInt8]] {
        var records: [UserRecord] = []
        records.reserveCapacity(users)
        for i in 0..<users {
            var r = UserRecord()
            r.externalId = String(200_000 + i)
            r.userName = "worker\(i)@contoso.com"
            r.displayName = "Worker \(i)"
            r.active = true
            r.setExtensionAttribute(SCIMSchema.enterpriseUser, "department", .string(["Sales", "Engineering", "Finance"][i % 3]))
            if i > 0 { r.setExtensionAttribute(SCIMSchema.enterpriseUser, "manager", .object(["value": .string(String(200_000 + i / 10))])) }
            records.append(r)
        }
        return BulkRequestBuilder(batchSize: 50).documents(for: records).map { $0.bytes() }
    }
}
