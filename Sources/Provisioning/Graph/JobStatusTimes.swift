import Foundation
import SCIM

/// The dates and quarantine details of a job's `synchronizationStatus` that say how healthy it is
/// (ENTRA.md §5): when it last ran cleanly, when it was last in steady state, and for a job in
/// quarantine, since when, how often it was re-evaluated, and when Entra tries again.
public struct JobStatusTimes: Sendable, Equatable {
    public var lastSuccessfulExecution: Date?
    public var steadyStateLastAchieved: Date?
    public var quarantineSince: Date?
    public var nextAttempt: Date?
    public var seriesCount: Int?
    /// The quarantine's `error.code`.
    public var quarantineCode: String?
    public var troubleshootingUrl: String?

    public init(lastSuccessfulExecution: Date? = nil, steadyStateLastAchieved: Date? = nil, quarantineSince: Date? = nil,
                nextAttempt: Date? = nil, seriesCount: Int? = nil, quarantineCode: String? = nil, troubleshootingUrl: String? = nil) {
        self.lastSuccessfulExecution = lastSuccessfulExecution
        self.steadyStateLastAchieved = steadyStateLastAchieved
        self.quarantineSince = quarantineSince
        self.nextAttempt = nextAttempt
        self.seriesCount = seriesCount
        self.quarantineCode = quarantineCode
        self.troubleshootingUrl = troubleshootingUrl
    }

    /// Reads Graph's `status` object; anything missing or malformed stays nil.
    init(status: JSONObject) {
        func date(_ value: JSONValue?) -> Date? { value?.stringValue.flatMap(ProvisioningLog.date) }
        let quarantine = status["quarantine"]?.objectValue
        lastSuccessfulExecution = date(status["lastSuccessfulExecution"]?.objectValue?["timeEnded"])
        steadyStateLastAchieved = date(status["steadyStateLastAchievedTime"])
        quarantineSince = date(quarantine?["seriesBegan"]) ?? date(quarantine?["currentBegan"])
        nextAttempt = date(quarantine?["nextAttempt"])
        seriesCount = quarantine?["seriesCount"]?.numberValue?.intValue
        quarantineCode = quarantine?["error"]?.objectValue?["code"]?.stringValue
        troubleshootingUrl = status["troubleshootingUrl"]?.stringValue
    }
}
