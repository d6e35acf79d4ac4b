import Foundation
import Provisioning
import TerminalUI

/// Start, pause and restart of the provisioning job: each changes the tenant, so each is asked
/// first, naming the job and the tenant and saying what it does to uploads.
extension AppState {
    mutating func askJobAction(_ action: JobAction) {
        if let missing = connect.missing {
            message = StatusMessage("cannot \(action.rawValue) the job: \(missing) (Connect, 1)", .warning)
            return
        }
        if let busy = logs.jobBusy {
            message = StatusMessage("the job's \(busy.rawValue) is still on its way")
            return
        }
        let jobId = (try? connect.parsedEndpoint?.get())?.jobId ?? "(unknown job)"
        let tenant = connect.request.tenant
        let title: String
        switch action {
        case .start: title = "Start the provisioning job?"
        case .pause: title = "Pause the provisioning job?"
        case .restart: title = "Restart the provisioning job?"
        }
        let message = Self.jobActionMessage(action, jobId: jobId, tenant: tenant, current: logs.job?.code)
        overlay = .dialog(DialogState(kind: .confirm, title: title, message: message,
                                      buttons: [Self.jobVerb(action), "Cancel"], selectedButton: 1), .jobAction(action))
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
