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

extension AppState {
    /// R on Logs: the confirmation, and a fresh read of what the restart would discard.
    mutating func askRestart(effects: inout [AppEffect]) {
        askJobAction(.restart)
        guard case .dialog(_, .jobAction(.restart))? = overlay else { return }
        restartCheck = RestartCheck()
        if let journalPath {
            restartCheck.reading = true
            effects.append(.readRestartImpact(connect.request, journalPath: journalPath))
        }
        refreshRestartDialog()
    }

    mutating func restartImpactRead(_ impact: RestartImpact) {
        restartCheck.reading = false
        restartCheck.impact = impact
        clock = max(clock, impact.readAt)
        refreshRestartDialog()
    }

    private mutating func refreshRestartDialog() {
        guard case .dialog(var dialog, .jobAction(.restart))? = overlay else { return }
        let jobId = (try? connect.parsedEndpoint?.get())?.jobId ?? "(unknown job)"
        dialog.message = Self.jobActionMessage(.restart, jobId: jobId, tenant: connect.request.tenant, current: logs.job?.code)
            + (restartCheck.line.map { "\n\n" + $0 } ?? "")
        overlay = .dialog(dialog, .jobAction(.restart))
    }

    /// After Entra confirmed the restart: what it purged is journaled as such and offered for resend.
    mutating func purgeAfterRestart(effects: inout [AppEffect]) {
        guard let impact = restartCheck.impact, !impact.pending.isEmpty, let journalPath else { return }
        effects.append(.purgeAfterRestart(connect.request, impact, journalPath: journalPath))
        restartCheck = RestartCheck()
    }
}
