import Foundation
import Provisioning
import TerminalUI

/// What a job restart would discard, read when its confirmation opens: Entra purges every upload it
/// accepted and has not processed (ENTRA.md §5), so the operator is told how many of scimterm's
/// documents that is before confirming, and they are offered for resend afterwards.
public struct RestartCheck: Equatable, Sendable {
    public var reading = false
    public var impact: RestartImpact?

    public init() {}

    /// The confirmation's line about the journal.
    var line: String? {
        if reading { return "Reading the provisioning logs to see which accepted uploads a restart would discard…" }
        return impact.map { ($0.pending.isEmpty ? "" : "⚠ ") + $0.warning }
    }
}

extension LogsUpdate {
    /// R on Logs: the confirmation, and a fresh read (into `restart`) of what the restart would discard.
    static func askRestart(_ state: inout LogsState, restart: inout RestartCheck, _ context: ScreenContext,
                           _ inputs: LogsInputs) -> [ScreenEffect] {
        var dialog: Overlay?
        var requests = with(&state, context, inputs) { dialog = $0.jobDialog(.restart) }
        guard let dialog else { return requests }
        restart = RestartCheck()
        if let journalPath = inputs.journalPath {
            restart.reading = true
            requests.append(.run(.readRestartImpact(inputs.connection.request, journalPath: journalPath)))
        }
        requests.append(.overlay(restartDialog(dialog, restart: restart, job: state.job, inputs.connection) ?? dialog))
        return requests
    }

    /// The restart confirmation `overlay` with the check's line; nil when `overlay` is not it.
    static func restartDialog(_ overlay: Overlay?, restart: RestartCheck, job: JobStatus?, _ connection: LogsConnection) -> Overlay? {
        guard case .dialog(var dialog, .jobAction(.restart))? = overlay else { return nil }
        dialog.message = jobActionMessage(.restart, jobId: connection.jobId ?? "(unknown job)", tenant: connection.request.tenant,
                                          current: job?.code)
            + (restart.line.map { "\n\n" + $0 } ?? "")
        return .dialog(dialog, .jobAction(.restart))
    }

    /// After Entra confirmed the restart: what it purged is journaled as such and offered for resend.
    static func purgeAfterRestart(_ restart: inout RestartCheck, _ inputs: LogsInputs) -> [ScreenEffect] {
        guard let impact = restart.impact, !impact.pending.isEmpty, let journalPath = inputs.journalPath else { return [] }
        restart = RestartCheck()
        return [.run(.purgeAfterRestart(inputs.connection.request, impact, journalPath: journalPath))]
    }
}

extension AppState {
    /// What the restart would discard was read: the open confirmation says it.
    mutating func restartImpactRead(_ impact: RestartImpact) {
        restartCheck.reading = false
        restartCheck.impact = impact
        clock = max(clock, impact.readAt)
        if let dialog = LogsUpdate.restartDialog(overlay, restart: restartCheck, job: logs.job, LogsConnection(connect)) { overlay = dialog }
    }
}
