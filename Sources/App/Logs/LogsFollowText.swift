import Foundation
import Provisioning
import TerminalUI

/// What the Logs screen says about a followed upload: waiting (with the 202's age), queued behind a
/// stopped job (with the job state's age), complete, or overdue. Only entries newer than each
/// document's 202 count, so an older entry is never reported as this upload's outcome.
struct LogsFollowText {
    var logs: LogsState
    /// The state's clock: every age is measured against it.
    var now: Date

    /// The waiting line while an upload is followed or after; nil when none is.
    func line(failed: Int) -> (String, ThemeRole)? {
        guard let upload = logs.upload else { return nil }
        let have = "\(logs.uploadCovered.count) of \(LogsText.count(upload.count, "user")) of the upload have entries"
        switch logs.polling {
        case .idle:
            return nil
        case .waiting(let polls, _):
            if let job = logs.job, !job.processesUploads { return (queued(job) + " \(have)" + jobAge(), .warning) }
            let every = Int(LogsPolling.delay(afterPolls: polls))
            return ("Waiting for Entra: \(have) (accepted \(LogsText.age(upload.since, now: now))). Entra takes 5 to 10 minutes, "
                + "the sandbox seconds; reading every \(every) s.", .accent)
        case .complete:
            return ("All \(LogsText.count(upload.count, "user")) of the upload have entries\(failed > 0 ? " (\(failed) failed)" : ""): "
                + "following stopped. s sums it up; r reads again.", failed > 0 ? .warning : .success)
        case .timedOut:
            return (overdue() ?? "Following stopped: \(have). r reads again.", .warning)
        }
    }

    /// "Upload queued: the job is Paused, nothing will be processed until it is started …", the state named.
    func queued(_ job: JobStatus) -> String {
        "Upload queued: " + QueuedUploadText.sentence(job, start: "S starts it", restart: "a restart, R,") + "."
    }

    /// After `notProcessedAfter` without every user: queued behind a stopped job, or not processed
    /// by a running one (a restart purges what is queued; a pause holds it). nil when nothing is missing.
    func overdue() -> String? {
        let missing = logs.uploadMissing
        guard let upload = logs.upload, let oldest = missing.values.min() else { return nil }
        if let job = logs.job, !job.processesUploads {
            return queued(job) + " \(LogsText.count(missing.count, "user")) still without an entry" + jobAge()
        }
        let which = missing.count == upload.count ? "" : " (\(missing.count) of \(LogsText.count(upload.count, "user")))"
        return "Accepted \(LogsText.age(oldest, now: now)), not processed\(which): was the job restarted or paused? r reads again."
    }

    /// "; job state read 12 s ago." — how old the state the sentence relies on is.
    private func jobAge() -> String {
        logs.jobReadAt.map { "; job state read \(LogsText.age($0, now: now))." } ?? "."
    }
}

/// Why an accepted upload waits, in one sentence naming the job's state, for the TUI and the CLI
/// (each names its own way to start or restart the job).
public enum QueuedUploadText {
    /// "the job is Paused, nothing will be processed until it is started (S starts it)".
    public static func sentence(_ job: JobStatus, start: String, restart: String) -> String {
        switch job.code {
        case "Paused", "NotRun":
            return "the job is \(job.code), nothing will be processed until it is started (\(start))"
        case "Quarantine":
            let reason = job.quarantineReason.map { " (\($0))" } ?? ""
            return "the job is in Quarantine\(reason), nothing will be processed until it leaves quarantine "
                + "(Entra retries on its own; \(restart) discards what is queued)"
        case "NotConfigured":
            return "the job is NotConfigured, nothing will be processed until its setup is finished in the Entra admin center"
        default:
            return "the job is \(job.code), nothing will be processed until it runs"
        }
    }
}
