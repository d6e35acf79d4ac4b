import Foundation
import Provisioning
import TerminalUI

/// How log entries read on screen: times, the action in the portal's words, and status colours.
enum LogsText {
    /// "05-01 10:42:03" in the given zone: short enough for the list, precise enough to compare
    /// with the portal.
    static func time(_ entry: LogEntry, in zone: TimeZone) -> String {
        guard let date = entry.date else { return entry.log.activityDateTime }
        return format(date, "MM-dd HH:mm:ss", zone)
    }

    /// "2025-05-01 10:42:03" in the given zone.
    static func fullTime(_ date: Date, in zone: TimeZone) -> String { format(date, "yyyy-MM-dd HH:mm:ss", zone) }

    static func format(_ date: Date, _ pattern: String, _ zone: TimeZone) -> String { TimeText.format(date, pattern, zone) }

    /// "just now", "12 s ago", "3 min ago": how old something read at `at` is at `now`.
    static func age(_ at: Date, now: Date) -> String { Observed(true, at: at).age(now: now) }

    /// A Graph time ("2025-05-01T10:42:03Z") in the given zone, or as it came when not one.
    static func graphTime(_ text: String, in zone: TimeZone) -> String {
        ProvisioningLog.date(text).map { fullTime($0, in: zone) } ?? text
    }

    /// What Entra did, in the words of the issue: create, update, disable, delete, skip.
    /// A skipped entry is logged with the action "other".
    static func action(_ log: ProvisioningLog) -> String {
        if log.status == "skipped" { return "skip" }
        switch log.action.lowercased() {
        case "stageddelete": return "delete"
        case "other": return "skip"
        case "": return "?"
        default: return log.action.lowercased()
        }
    }

    static func role(status: String) -> ThemeRole {
        switch status.lowercased() {
        case "success": return .success
        case "warning": return .warning
        case "failure": return .error
        default: return .muted
        }
    }

    /// "3 users", "1 user", "2 entries".
    static func count(_ n: Int, _ noun: String, plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? noun : plural ?? noun + "s")
    }

    /// The job state and its meaning (from `JobStatus.advice`), as the panel shows it.
    static func jobRole(_ code: String) -> ThemeRole {
        switch code {
        case "Active": return .success
        case "Quarantine", "NotConfigured": return .error
        default: return .warning
        }
    }
}
