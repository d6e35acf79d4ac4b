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
    // One option per row of EmulatorFault; `faultFlags` pairs them, and a test checks every row has one.
    @Option(name: .customLong(EmulatorFault.internalError.flag), help: ArgumentHelp(EmulatorFault.internalError.summary)) var faultInternalError: Double?
    @Option(name: .customLong(EmulatorFault.unavailable.flag), help: ArgumentHelp(EmulatorFault.unavailable.summary)) var faultUnavailable: Double?
    @Option(name: .customLong(EmulatorFault.dropConnection.flag), help: ArgumentHelp(EmulatorFault.dropConnection.summary)) var faultDrop: Double?
    @Option(name: .customLong(EmulatorFault.throttleWithoutRetryAfter.flag), help: ArgumentHelp(EmulatorFault.throttleWithoutRetryAfter.summary))
    var faultThrottle: Double?
    @Option(help: "Milliseconds added to each bulkUpload.") var faultLatency: Int?
    @Option(help: "Seed for the fault generator.") var seed: UInt64?

    var faultFlags: [EmulatorFault: Double?] {
        [.internalError: faultInternalError, .unavailable: faultUnavailable, .dropConnection: faultDrop,
         .throttleWithoutRetryAfter: faultThrottle]
    }

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
        for (fault, rate) in faultFlags { if let rate { settings.faults.rates[fault] = rate } }
        if let v = faultLatency { settings.faults.addedLatencyMilliseconds = v }
        if let seed { settings.faults.seed = seed }
        return settings
    }
}
