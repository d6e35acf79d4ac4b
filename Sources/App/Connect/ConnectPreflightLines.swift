import Foundation
import Provisioning
import TerminalUI

/// The connection test's preflight as lines for the Connect screen: the token's permissions per
/// planned call, then the job's health (quarantine and advice, last successful run, steady state).
///
/// Pure over the test's answer and the state's clock, so the ages it shows ("3 h ago") move with
/// the clock and never read the machine's time.
enum ConnectPreflightLines {
    typealias Line = (String, ThemeRole)

    /// Everything granted fits one line; each missing permission gets its own line in red.
    static func permissions(_ report: PermissionReport?, width: Int) -> [Line] {
        guard let report else { return [] }
        switch report.outcome {
        case .cannotTell(let reason):
            return wrap("Permissions: cannot tell (\(reason)); the first call will say", .muted, width)
        case .checked(let checks):
            let granted = checks.count { !$0.isMissing }
            var lines: [Line] = []
            if granted == checks.count {
                lines += wrap("✓ Permissions: all \(checks.count) calls allowed (upload, logs, job, schema, expression checks)", .success, width)
            } else if granted > 0 {
                lines += wrap("✓ Permissions: \(granted) of \(checks.count) calls allowed", .success, width)
            }
            for check in checks where check.isMissing {
                if case .missing(let permission) = check.verdict {
                    lines += wrap("✗ \(check.call.label): missing \(permission)", .error, width)
                }
            }
            return lines
        }
    }

    /// The health lines, with ages as of `now`; the dates come in pairs on one line when they fit
    /// (since and next attempt, last run and steady state), so the form keeps its rows.
    static func health(_ job: JobStatus?, jobId: String, now: Date, width: Int) -> [Line] {
        guard let job else { return [] }
        var out: [Line] = []
        var pending: JobHealth.Line?
        for line in JobHealth(job, jobId: jobId, now: now).lines {
            if let first = pending, pairs[first.label] == line.label {
                let joined = first.rendered + " · " + line.rendered
                out += joined.displayWidth <= width ? [(joined, role(first.tone))]
                    : wrap(first.rendered, role(first.tone), width) + wrap(line.rendered, role(line.tone), width)
                pending = nil
                continue
            }
            if let first = pending { out += wrap(first.rendered, role(first.tone), width) }
            pending = pairs[line.label] != nil ? line : nil
            if pending == nil { out += wrap(line.rendered, role(line.tone), width) }
        }
        if let last = pending { out += wrap(last.rendered, role(last.tone), width) }
        return out
    }

    /// A line's label → the label of the line that shares its row.
    private static let pairs = ["quarantined since": "next attempt", "last successful run": "steady state"]

    private static func role(_ tone: JobHealth.Tone) -> ThemeRole {
        switch tone {
        case .plain: return .text
        case .good: return .success
        case .warning: return .warning
        case .bad: return .error
        }
    }

    private static func wrap(_ text: String, _ role: ThemeRole, _ width: Int) -> [Line] {
        TextWrap.wrap(text, width: max(1, width)).map { ($0, role) }
    }
}
