import Foundation
import SCIM

/// What the emulator knows about one synchronization job: its state, its quarantine, and the runs
/// that `synchronizationStatus` reports (lastExecution, lastSuccessfulExecution, steady state).
struct JobState: Sendable {
    var code: String
    var quarantine: Quarantine?
    var lastExecution: Execution?
    var lastSuccessfulExecution: Execution?
    var lastSuccessfulExecutionWithExports: Execution?
    var steadyStateFirstAchievedTime: Date?
    var steadyStateLastAchievedTime: Date?

    /// One processed upload, as a `synchronizationTaskExecution`.
    struct Execution: Sendable {
        var activityIdentifier: String
        var timeBegan: Date
        var timeEnded: Date
        var imported: Int
        var exported: Int
        var escrowed: Int

        /// Succeeded, or EntryLevelErrors when some entries failed (Graph's synchronizationTaskExecutionResult).
        var state: String { escrowed > 0 ? "EntryLevelErrors" : "Succeeded" }
    }

    /// Graph's `synchronizationQuarantine`. Entra re-evaluates a quarantine at growing intervals, down
    /// to once a day; each re-evaluation that still finds the cause starts a new quarantine of the series.
    struct Quarantine: Sendable {
        var reason: String
        var seriesBegan: Date
        var currentBegan: Date
        var seriesCount = 1

        /// 40 minutes (a normal cycle), doubling with each re-evaluation, at most a day.
        var interval: TimeInterval { min(2400 * pow(2, Double(seriesCount - 1)), 86_400) }
        var nextAttempt: Date { currentBegan.addingTimeInterval(interval) }

        init(reason: String, began: Date) {
            self.reason = reason
            seriesBegan = began
            currentBegan = began
        }

        /// Counts the re-evaluations that came due by `now` (the emulator never lifts a quarantine itself).
        mutating func reevaluate(now: Date) {
            var steps = 0
            while nextAttempt <= now, steps < 10_000 {
                currentBegan = nextAttempt
                seriesCount += 1
                steps += 1
            }
        }
    }

    init(code: String, quarantineReason: String?, since: Date) {
        self.code = code
        if code == "Quarantine" { quarantine = Quarantine(reason: quarantineReason ?? "EncounteredQuarantineException", began: since) }
    }

    /// Records a processed upload; a run without failures is also a steady state reached.
    mutating func record(_ run: Execution) {
        lastExecution = run
        guard run.escrowed == 0 else { return }
        lastSuccessfulExecution = run
        if run.exported > 0 { lastSuccessfulExecutionWithExports = run }
        if steadyStateFirstAchievedTime == nil { steadyStateFirstAchievedTime = run.timeEnded }
        steadyStateLastAchievedTime = run.timeEnded
    }
}

extension JobState {
    /// Microsoft's page on quarantine, where the portal's quarantine banner leads (our choice of URL).
    static let quarantineHelp = "https://learn.microsoft.com/entra/identity/app-provisioning/application-provisioning-quarantine-status"

    /// The job's `status` (synchronizationStatus).
    func statusJSON() -> JSONValue {
        var status: JSONObject = ["code": .string(code), "countSuccessiveCompleteFailures": 0, "escrowsPruned": false]
        status.append("lastExecution", lastExecution.map(Self.json) ?? .null)
        status.append("lastSuccessfulExecution", lastSuccessfulExecution.map(Self.json) ?? .null)
        status.append("lastSuccessfulExecutionWithExports", lastSuccessfulExecutionWithExports.map(Self.json) ?? .null)
        status.append("progress", [])
        status.append("quarantine", code == "Quarantine" ? quarantine.map(Self.json) ?? .null : .null)
        status.append("steadyStateFirstAchievedTime", Self.date(steadyStateFirstAchievedTime))
        status.append("steadyStateLastAchievedTime", Self.date(steadyStateLastAchievedTime))
        status.append("synchronizedEntryCountByType", [])
        status.append("troubleshootingUrl", code == "Quarantine" ? .string(Self.quarantineHelp) : .null)
        return .object(status)
    }

    static func json(_ run: Execution) -> JSONValue {
        func n(_ v: Int) -> JSONValue { .number(JSONNumber(v)) }
        return .object([
            "activityIdentifier": .string(run.activityIdentifier),
            "countEntitled": n(run.imported), "countEntitledForProvisioning": n(run.imported),
            "countEscrowed": n(run.escrowed), "countEscrowedRaw": n(run.escrowed),
            "countExported": n(run.exported), "countExports": n(run.exported),
            "countImported": n(run.imported), "countImportedDeltas": n(run.imported), "countImportedReferenceDeltas": 0,
            "error": .null, "state": .string(run.state),
            "timeBegan": .string(GraphError.isoDate(run.timeBegan)), "timeEnded": .string(GraphError.isoDate(run.timeEnded)),
        ])
    }

    static func json(_ q: Quarantine) -> JSONValue {
        let error = QuarantineError.for(q.reason)
        return .object([
            "currentBegan": .string(GraphError.isoDate(q.currentBegan)),
            "nextAttempt": .string(GraphError.isoDate(q.nextAttempt)),
            "reason": .string(q.reason),
            "seriesBegan": .string(GraphError.isoDate(q.seriesBegan)),
            "seriesCount": .number(JSONNumber(q.seriesCount)),
            "error": ["code": .string(error.code), "message": .string(error.message), "tenantActionable": .bool(error.tenantActionable)],
        ])
    }

    private static func date(_ d: Date?) -> JSONValue { d.map { .string(GraphError.isoDate($0)) } ?? .null }
}

/// The `synchronizationError` a quarantine carries, per reason. Microsoft documents the reasons but not
/// these codes and messages: they are ours, worded after Microsoft's quarantine page.
enum QuarantineError {
    static func `for`(_ reason: String) -> (code: String, message: String, tenantActionable: Bool) {
        switch reason {
        case "EncounteredBaseEscrowThreshold", "EncounteredTotalEscrowThreshold":
            return ("EscrowThresholdExceeded", "Too many entries failed to provision; the job was quarantined until the errors are fixed.", true)
        case "EncounteredEscrowProportionThreshold":
            return ("EscrowProportionThresholdExceeded", "Most or all of the entries in recent cycles failed to provision; the job was quarantined until the errors are fixed.", true)
        case "QuarantinedOnDemand":
            return ("QuarantinedOnDemand", "The job was placed in quarantine on request.", true)
        case "TooManyDeletes":
            return ("TooManyDeletes", "The cycle would delete or disable more accounts than the accidental-deletion threshold allows.", true)
        case "IngestionInterrupted":
            return ("IngestionInterrupted", "Processing of the uploaded data was interrupted.", false)
        case "EncounteredQuarantineException":
            return ("QuarantineException", "The provisioning service could not complete a cycle (for an API-driven app, check that a notification email is set).", true)
        default:
            return ("Unknown", "The job was quarantined.", false)
        }
    }
}
