import Foundation
import Provisioning
import TerminalUI

/// Start, pause and restart of the provisioning job: each changes the tenant, so each is asked
/// first, naming the job and the tenant and saying what it does to uploads.
extension LogsUpdate {
    mutating func askJobAction(_ action: JobAction) {
        guard let dialog = jobDialog(action) else { return }
        requests.append(.overlay(dialog))
    }

    /// The confirmation of `action`, or nil (said in the status line) when it cannot be asked now.
    mutating func jobDialog(_ action: JobAction) -> Overlay? {
        if let missing = connection.missing {
            say(StatusMessage("cannot \(action.rawValue) the job: \(missing) (Connect, 1)", .warning))
            return nil
        }
        if let busy = logs.jobBusy {
            say(StatusMessage("the job's \(busy.rawValue) is still on its way"))
            return nil
        }
        let title: String
        switch action {
        case .start: title = "Start the provisioning job?"
        case .pause: title = "Pause the provisioning job?"
        case .restart: title = "Restart the provisioning job?"
        }
        let message = Self.jobActionMessage(action, jobId: connection.jobId ?? "(unknown job)", tenant: connection.request.tenant,
                                            current: logs.job?.code)
        return .dialog(DialogState(kind: .confirm, title: title, message: message,
                                   buttons: [Self.jobVerb(action), "Cancel"], selectedButton: 1), .jobAction(action))
    }

    /// The operator confirmed a job action in its dialog.
    static func confirmJobAction(_ state: inout LogsState, _ action: JobAction, _ context: ScreenContext, _ inputs: LogsInputs) -> [ScreenEffect] {
        if let missing = inputs.connection.missing {
            return [.message(StatusMessage("cannot \(action.rawValue) the job: \(missing)", .error))]
        }
        state.jobBusy = action
        return [.run(.jobAction(inputs.connection.request, action)), .message(StatusMessage("asking Entra to \(action.rawValue) the job…"))]
    }

    /// Entra answered a start, pause or restart. After a restart, what it purged is journaled as
    /// such (through `restart`, the check read when its confirmation opened).
    static func jobActionFinished(_ state: inout LogsState, _ action: JobAction, error: String?, restart: inout RestartCheck,
                                  _ context: ScreenContext, _ inputs: LogsInputs) -> [ScreenEffect] {
        let purge = error == nil && action == .restart ? purgeAfterRestart(&restart, inputs) : []
        return with(&state, context, inputs) { $0.jobActionFinished(action, error: error, purge: purge) }
    }

    private mutating func jobActionFinished(_ action: JobAction, error: String?, purge: [ScreenEffect]) {
        logs.jobBusy = nil
        if let error { return say(StatusMessage("could not \(action.rawValue) the job: \(error)", .error)) }
        say(StatusMessage(Self.jobDone(action), .success))
        readJob()
        requests += purge
        guard action != .pause, logs.upload != nil else { return }
        // The wait for the upload's users counts from this start; a follow that gave up starts again.
        let now = clock
        logs.upload?.jobStartedAt = now
        if action == .restart, !logs.uploadMissing.isEmpty {
            let missing = LogsText.count(logs.uploadMissing.count, "user")
            say(StatusMessage("the job was restarted: Entra discards uploads still waiting to be processed, so the \(missing) of the upload without an entry may need to be sent again", .warning))
        }
        if logs.polling == .timedOut {
            logs.polling = .waiting(polls: 0, elapsed: 0)
            run(.pollLogsAfter(seconds: LogsPolling.delay(afterPolls: 0), generation: logs.generation))
        }
    }

    static func jobVerb(_ action: JobAction) -> String {
        switch action {
        case .start: return "Start"
        case .pause: return "Pause"
        case .restart: return "Restart"
        }
    }

    /// What the action does, for the confirmation.
    static func jobActionMessage(_ action: JobAction, jobId: String, tenant: String, current: String?) -> String {
        let job = "job \(jobId) in tenant \(tenant)"
        let now = current.map { " Its state now: \($0)." } ?? ""
        switch action {
        case .start:
            return "Starts the provisioning \(job).\(now) Entra then processes the uploads it holds and every upload after."
        case .pause:
            return "Pauses the provisioning \(job).\(now) Uploads are still accepted (202) but nothing is processed, and once its queue is full Entra answers 500 \"bucket full\"."
        case .restart:
            return "Restarts the provisioning \(job) and resets its watermark, escrows and quarantine state, as the portal's \"Restart provisioning\" does.\(now) Use it to leave quarantine once the cause is fixed."
        }
    }

    static func jobDone(_ action: JobAction) -> String {
        switch action {
        case .start: return "the job was started: uploads are processed again"
        case .pause: return "the job was paused: uploads wait until it is started (S)"
        case .restart: return "the job was restarted"
        }
    }
}
