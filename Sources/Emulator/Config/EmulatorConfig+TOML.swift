import Foundation
import Mapping
import TOMLKit

/// Reads an emulator configuration from TOML (see EMULATOR.md for a commented example).
///
/// Keys are snake_case as TOML files usually are; anything left out keeps the sandbox default, and
/// an unknown key is an error naming it, so a typo never silently changes nothing.
extension EmulatorConfig {
    public struct FileError: Error, CustomStringConvertible {
        public var description: String
    }

    public static func load(path: String) throws -> EmulatorConfig {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw FileError(description: "\(path): cannot read the file")
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw FileError(description: "\(path):\(error.source.begin.line):\(error.source.begin.column): \(error.description)")
        }
        do {
            return try EmulatorConfig(table: table, baseDirectory: URL(fileURLWithPath: path).deletingLastPathComponent())
        } catch let error as FileError {
            throw FileError(description: "\(path): \(error.description)")
        }
    }

    init(table t: TOMLTable, baseDirectory: URL) throws {
        try Self.allow(t, ["token_lifetime_seconds", "rate_limit", "rate_window_seconds", "processing_delay_seconds",
                           "bucket_capacity", "daily_quota", "flow_null_values", "max_body_bytes", "idle_timeout_seconds", "faults", "tenants", "schema"],
                       in: "the top level")
        let tenants = try (t["tenants"]?.array.map(Array.init) ?? []).map { try Tenant(table: Self.table($0, "tenants"), base: baseDirectory) }
        self = tenants.isEmpty ? .sandbox() : EmulatorConfig(tenants: tenants)
        schema = try Self.schema(t["schema"], base: baseDirectory)
        if let v = t["token_lifetime_seconds"]?.int { tokenLifetimeSeconds = v }
        if let v = t["rate_limit"]?.int { rateLimit = v }
        if let v = Self.number(t["rate_window_seconds"]) { rateWindowSeconds = v }
        if let v = Self.number(t["processing_delay_seconds"]) { processingDelaySeconds = v }
        if let v = t["bucket_capacity"]?.int { bucketCapacity = v }
        if let v = t["daily_quota"]?.int { dailyQuota = max(0, v) }
        if let v = t["flow_null_values"]?.bool { flowNullValues = v }
        if let v = t["max_body_bytes"]?.int { maxBodyBytes = max(1024, v) }
        if let v = t["idle_timeout_seconds"]?.int { idleTimeoutSeconds = max(1, v) }
        if let f = t["faults"]?.table {
            try Self.allow(f, Set(["seed", "added_latency_ms"] + EmulatorFault.allCases.map(\.tomlKey)), in: "[faults]")
            if let v = f["seed"]?.int { faults.seed = UInt64(max(0, v)) }
            for fault in EmulatorFault.allCases {
                if let v = Self.number(f[fault.tomlKey]) { faults.rates[fault] = v }
            }
            if let v = f["added_latency_ms"]?.int { faults.addedLatencyMilliseconds = v }
        }
    }

    /// `schema = "file.json"`: a synchronizationSchema (Graph's shape, as the portal downloads it),
    /// relative to the configuration file.
    static func schema(_ v: TOMLValueConvertible?, base: URL) throws -> SynchronizationSchema? {
        guard let v else { return nil }
        guard let path = v.string else { throw FileError(description: "schema must be the path of a schema JSON file") }
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path)
        do { return try SynchronizationSchema.load(path: url.path) } catch { throw FileError(description: "schema: \(error.description)") }
    }

    static func number(_ v: TOMLValueConvertible?) -> Double? { v?.double ?? v?.int.map(Double.init) }

    static func table(_ v: TOMLValueConvertible, _ name: String) throws -> TOMLTable {
        guard let t = v.table else { throw FileError(description: "[[\(name)]] entries must be tables") }
        return t
    }

    static func allow(_ t: TOMLTable, _ keys: Set<String>, in place: String) throws {
        if let unknown = t.keys.first(where: { !keys.contains($0) }) {
            throw FileError(description: "unknown key '\(unknown)' in \(place) (known: \(keys.sorted().joined(separator: ", ")))")
        }
    }

    static func strings(_ v: TOMLValueConvertible?) -> [String] {
        (v?.array.map(Array.init) ?? []).compactMap(\.string)
    }
}

extension EmulatorConfig.Tenant {
    init(table t: TOMLTable, base: URL) throws {
        try EmulatorConfig.allow(t, ["id", "domains", "apps", "service_principals"], in: "[[tenants]]")
        guard let id = t["id"]?.string else { throw EmulatorConfig.FileError(description: "a [[tenants]] entry has no id") }
        let apps = try (t["apps"]?.array.map(Array.init) ?? []).map { try EmulatorConfig.App(table: EmulatorConfig.table($0, "tenants.apps"), base: base) }
        let sps = try (t["service_principals"]?.array.map(Array.init) ?? []).map {
            try EmulatorConfig.ServicePrincipal(table: EmulatorConfig.table($0, "tenants.service_principals"), base: base)
        }
        self.init(id: id, domains: EmulatorConfig.strings(t["domains"]), apps: apps, servicePrincipals: sps)
    }
}

extension EmulatorConfig.App {
    init(table t: TOMLTable, base: URL) throws {
        try EmulatorConfig.allow(t, ["client_id", "display_name", "secrets", "expired_secrets", "certificates", "permissions", "disabled"],
                                 in: "[[tenants.apps]]")
        guard let id = t["client_id"]?.string else { throw EmulatorConfig.FileError(description: "an app has no client_id") }
        let secrets = EmulatorConfig.strings(t["secrets"]).map { EmulatorConfig.Secret(value: $0) }
            + EmulatorConfig.strings(t["expired_secrets"]).map { EmulatorConfig.Secret(value: $0, expired: true) }
        let certificates = try EmulatorConfig.strings(t["certificates"]).map { path -> String in
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path)
            guard let pem = try? String(contentsOf: url, encoding: .utf8) else {
                throw EmulatorConfig.FileError(description: "certificate file \(url.path) cannot be read")
            }
            return pem
        }
        self.init(clientId: id, secrets: secrets, certificates: certificates)
        if t["permissions"] != nil { permissions = EmulatorConfig.strings(t["permissions"]) }
        if let name = t["display_name"]?.string { displayName = name }
        disabled = t["disabled"]?.bool ?? false
    }
}

extension EmulatorConfig.ServicePrincipal {
    init(table t: TOMLTable, base: URL) throws {
        try EmulatorConfig.allow(t, ["id", "display_name", "jobs"], in: "[[tenants.service_principals]]")
        guard let id = t["id"]?.string else { throw EmulatorConfig.FileError(description: "a service principal has no id") }
        let jobs = try (t["jobs"]?.array.map(Array.init) ?? []).map { value -> EmulatorConfig.Job in
            let j = try EmulatorConfig.table(value, "tenants.service_principals.jobs")
            try EmulatorConfig.allow(j, ["id", "state", "quarantine_reason", "schema"], in: "[[…jobs]]")
            guard let jobId = j["id"]?.string else { throw EmulatorConfig.FileError(description: "a job has no id") }
            let state = j["state"]?.string ?? "Active"
            guard ["NotConfigured", "NotRun", "Active", "Paused", "Quarantine"].contains(state) else {
                throw EmulatorConfig.FileError(description: "job state '\(state)' is not one of NotConfigured, NotRun, Active, Paused, Quarantine")
            }
            let reason = j["quarantine_reason"]?.string
            if let reason, !EmulatorConfig.Job.quarantineReasons.contains(reason) {
                throw EmulatorConfig.FileError(description: "quarantine_reason '\(reason)' is not one of \(EmulatorConfig.Job.quarantineReasons.joined(separator: ", "))")
            }
            var job = EmulatorConfig.Job(id: jobId, state: state, quarantineReason: reason)
            job.schema = try EmulatorConfig.schema(j["schema"], base: base)
            return job
        }
        self.init(id: id, displayName: t["display_name"]?.string ?? "API-driven provisioning to Microsoft Entra ID", jobs: jobs)
    }
}
