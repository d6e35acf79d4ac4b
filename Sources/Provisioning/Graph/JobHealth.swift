import Foundation

/// A job's health in plain words (ENTRA.md §5): its quarantine and Microsoft's advice, when it last
/// ran cleanly, when it was last in steady state, and when Entra tries again, each with its age.
///
/// Time is an input: `now` decides every "3 h ago", so the same status always reads the same.
public struct JobHealth: Sendable, Equatable {
    public enum Tone: Sendable, Equatable { case plain, good, warning, bad }

    public struct Line: Sendable, Equatable {
        public var label: String
        public var text: String
        public var tone: Tone

        public init(_ label: String, _ text: String, _ tone: Tone = .plain) {
            self.label = label
            self.text = text
            self.tone = tone
        }

        /// "last successful run: 2026-12-05 09:58 UTC (3 h ago)".
        public var rendered: String { "\(label): \(text)" }
    }

    public var lines: [Line]

    /// `jobId` tells an API-driven job (API2AAD…/API2AD…), whose quarantine advice differs.
    public init(_ status: JobStatus, jobId: String, now: Date) {
        let times = status.health
        var lines: [Line] = []
        if status.code == "Quarantine" {
            let advice = QuarantineAdvice.forReason(status.quarantineReason, message: status.quarantineMessage,
                                                    apiDriven: Self.isAPIDriven(jobId))
            lines.append(Line("quarantine", "\(status.quarantineReason ?? "reason not given"): \(advice.meaning)", .bad))
            if let message = status.quarantineMessage, !message.isEmpty {
                lines.append(Line("error", (times.quarantineCode.map { "\($0): " } ?? "") + message, .bad))
            }
            lines.append(Line("what to do", advice.advice, .warning))
            if let since = times.quarantineSince {
                let series = times.seriesCount.map { $0 > 1 ? "; still there after \($0 - 1) re-evaluation\($0 == 2 ? "" : "s")" : "" } ?? ""
                lines.append(Line("quarantined since", Self.when(since, now: now) + series, .warning))
            }
            if let next = times.nextAttempt { lines.append(Line("next attempt", Self.when(next, now: now))) }
        }
        lines.append(Line("last successful run", times.lastSuccessfulExecution.map { Self.when($0, now: now) } ?? "none yet",
                          times.lastSuccessfulExecution == nil ? .plain : .good))
        lines.append(Line("steady state", times.steadyStateLastAchieved.map { "last reached " + Self.when($0, now: now) } ?? "not reached yet"))
        self.lines = lines
    }

    static func isAPIDriven(_ jobId: String) -> Bool {
        let upper = jobId.uppercased()
        return upper.hasPrefix("API2AAD.") || upper.hasPrefix("API2AD.")
    }

    /// "2026-12-05 09:58 UTC (3 h ago)"; UTC so the text does not depend on the machine's zone.
    public static func when(_ date: Date, now: Date) -> String {
        "\(utcMinute(date)) (\(relative(date, now: now)))"
    }

    /// "just now", "12 s ago", "3 min ago", "2 h ago", "4 d ago", or "in 25 min" for a time to come.
    public static func relative(_ date: Date, now: Date) -> String {
        let delta = date.timeIntervalSince(now)
        let seconds = Int(abs(delta).rounded(.down))
        guard seconds >= 2 else { return "just now" }
        let span: String
        switch seconds {
        case ..<120: span = "\(seconds) s"
        case ..<7200: span = "\(seconds / 60) min"
        case ..<172_800: span = "\(seconds / 3600) h"
        default: span = "\(seconds / 86_400) d"
        }
        return delta > 0 ? "in \(span)" : "\(span) ago"
    }

    static func utcMinute(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ n: Int?) -> String { let v = n ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute)) UTC"
    }
}
