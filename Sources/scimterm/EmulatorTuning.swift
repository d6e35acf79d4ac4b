import ArgumentParser
import Emulator

/// How the emulator behaves, shared by `scimterm emulator` and `scimterm --sandbox`: its config
/// file, the throttle, the processing delay and injected faults (to see retries work).
struct EmulatorTuning: ParsableArguments {
    @Option(name: .customLong("emulator-config"), help: ArgumentHelp("Emulator configuration (TOML).", valueName: "FILE"))
    var config: String?
    @Option(help: "bulkUpload calls allowed per 5 s per tenant (0: no limit).") var rateLimit: Int?
    @Option(help: "Seconds before an accepted upload is processed.") var processingDelay: Double?
    @Option(help: "bulkUpload calls allowed per tenant in a rolling 24 hours (default 2000, as P1/P2; 0: no quota).")
    var dailyQuota: Int?
    @Flag(help: "Clear attributes a record leaves out or sends as null (the job's \"flow null values\" option); default: partial updates.")
    var flowNullValues = false
    @Option(help: "Probability (0–1) of an injected 500 on bulkUpload.") var faultInternalError: Double?
    @Option(help: "Probability (0–1) of an injected 503 on bulkUpload.") var faultUnavailable: Double?
    @Option(help: "Probability (0–1) of dropping the connection on bulkUpload.") var faultDrop: Double?
    @Option(help: "Probability (0–1) of a 429 without Retry-After.") var faultThrottle: Double?
    @Option(help: "Milliseconds added to each bulkUpload.") var faultLatency: Int?
    @Option(help: "Seed for the fault generator.") var seed: UInt64?

    /// The configuration: the file's (or the sandbox's), then the flags on top.
    func load() throws -> EmulatorConfig {
        var settings: EmulatorConfig
        if let config {
            do { settings = try EmulatorConfig.load(path: config) } catch { throw ValidationError("\(error)") }
        } else {
            settings = .sandbox()
        }
        if let rateLimit { settings.rateLimit = rateLimit }
        if let processingDelay { settings.processingDelaySeconds = processingDelay }
        if let dailyQuota { settings.dailyQuota = max(0, dailyQuota) }
        if flowNullValues { settings.flowNullValues = true }
        if let v = faultInternalError { settings.faults.internalErrorRate = v }
        if let v = faultUnavailable { settings.faults.unavailableRate = v }
        if let v = faultDrop { settings.faults.dropConnectionRate = v }
        if let v = faultThrottle { settings.faults.throttleWithoutRetryAfterRate = v }
        if let v = faultLatency { settings.faults.addedLatencyMilliseconds = v }
        if let seed { settings.faults.seed = seed }
        return settings
    }
}
