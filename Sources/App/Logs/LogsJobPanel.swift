import Foundation
import Provisioning
import TerminalUI

/// The job as the wide layout's box shows it: state and meaning (wrapped), last run, quarantine,
/// and the keys. The layout sizes the box from the same lines.
struct LogsJobPanel {
    var logs: LogsState
    /// The state's clock, for the age of the job state.
    var now: Date
    var zone: TimeZone

    static let labelWidth = 12

    /// What a start, pause or restart on its way shows.
    static func busyText(_ action: JobAction?) -> String? {
        action.map { action in
            switch action {
            case .start: return "starting…"
            case .pause: return "pausing…"
            case .restart: return "restarting…"
            }
        }
    }

    /// Without a job status: why.
    var stateless: String {
        if let error = logs.jobError { return "could not be read: \(error)" }
        if logs.jobReading { return "reading…" }
        return "not read yet (r reads it)"
    }

    func lines(width: Int) -> [[RoleSpan]] {
        let label = { (text: String) in RoleSpan(text.padding(Self.labelWidth), .muted) }
        var out: [[RoleSpan]] = []
        if let job = logs.job {
            let indent = Self.labelWidth + job.code.displayWidth + 3
            for (i, piece) in TextWrap.wrap(job.advice, width: max(1, width - indent)).enumerated() {
                out.append(i == 0 ? [label("state"), RoleSpan(job.code, LogsText.jobRole(job.code)), RoleSpan(" · " + piece)]
                                  : [RoleSpan(String(repeating: " ", count: indent) + piece)])
            }
            if let busy = Self.busyText(logs.jobBusy) { out.append([label(""), RoleSpan(busy, .accent)]) }
            if let read = logs.jobReadAt { out.append([label("read"), RoleSpan(LogsText.age(read, now: now), .muted)]) }
            let lastRun = job.lastExecution.map { text in
                LogsText.graphTime(text, in: zone) + (ProvisioningLog.date(text).map { " (\(LogsText.age($0, now: now)))" } ?? "")
            }
            out.append([label("last run"), RoleSpan(lastRun ?? "never")])
            if job.code == "Quarantine" || job.quarantineReason != nil {
                let reason = [job.quarantineReason, job.quarantineMessage].compactMap { $0 }.joined(separator: ": ")
                out.append([label("quarantine"), RoleSpan(reason.isEmpty ? "(no reason given)" : reason, .error)])
            }
        } else {
            out.append([label("state"), RoleSpan(stateless, logs.jobError == nil ? .muted : .error)])
        }
        out.append([RoleSpan("S start · P pause · R restart (each asks first)", .muted)])
        return out
    }
}
