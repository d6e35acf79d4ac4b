import Foundation
import Provisioning
import SCIM
import TerminalUI

/// A run of detail text in a theme role; the view turns roles into styles.
struct RoleSpan: Equatable {
    var text: String
    var role: ThemeRole

    init(_ text: String, _ role: ThemeRole = .text) {
        self.text = text
        self.role = role
    }
}

/// The selected entry as wrapped lines: why it failed (first, when it did), the steps with their
/// details, the modified properties old → new, and the ids to quote to support. Built the same way
/// for drawing and for scrolling, so the scroll limit matches what is drawn.
struct LogsDetail {
    var entry: LogEntry
    var width: Int
    var zone: TimeZone

    typealias Line = [RoleSpan]

    func lines() -> [Line] {
        let log = entry.log
        var out: [Line] = []
        let name = log.displayName.isEmpty ? "(no name)" : log.displayName
        out.append([RoleSpan(name, .title), RoleSpan(" · externalId ", .muted),
                    RoleSpan(log.externalId.isEmpty ? "(empty)" : log.externalId, .accent)])
        var summary = [RoleSpan(LogsText.action(log), .text), RoleSpan(" · ", .muted),
                       RoleSpan(log.status.isEmpty ? "?" : log.status, LogsText.role(status: log.status))]
        if let date = entry.date { summary += [RoleSpan(" · ", .muted), RoleSpan(LogsText.fullTime(date, in: zone), .text)] }
        if let ms = log.raw.objectValue?["durationInMilliseconds"]?.numberValue?.intValue {
            summary.append(RoleSpan(" · \(ms) ms", .muted))
        }
        out.append(summary)
        if let file = entry.importedFrom {
            out.append([RoleSpan("imported from \(file)", .warning), RoleSpan(" · read from the file, not live from Entra", .muted)])
        }
        if log.isFailure || log.reason != nil { out += failure(log) }
        out += steps(log)
        out += changes(log)
        out.append([])
        out += field("entry", log.id, labelWidth: 7, role: .muted)
        if !log.cycleId.isEmpty { out += field("cycle", log.cycleId, labelWidth: 7, role: .muted) }
        return out
    }

    private func heading(_ text: String, _ role: ThemeRole = .header) -> [Line] { [[], [RoleSpan(text, role)]] }

    private func failure(_ log: ProvisioningLog) -> [Line] {
        var out = heading("Why it failed", .error)
        out += field("error", log.errorCode ?? "(no code)", labelWidth: 13, role: .error)
        out += field("reason", log.reason ?? "Entra gave no reason.", labelWidth: 13)
        out += field("what to do", log.recommendedAction ?? "Entra gave no recommended action.", labelWidth: 13, role: .accent)
        return out
    }

    /// Each step as "status  title  description": the title is the portal's label beside Graph's name
    /// ("Import from API (EntryImport)"); a title longer than the column stands on its own line.
    private func steps(_ log: ProvisioningLog) -> [Line] {
        var out = heading("Steps")
        guard !log.steps.isEmpty else { return out + [[RoleSpan("  (Entra listed no steps)", .muted)]] }
        let rawSteps = log.raw.objectValue?["provisioningSteps"]?.arrayValue ?? []
        let nameWidth = min(34, log.steps.map(\.title.displayWidth).max() ?? 0)
        // Side by side when the description keeps 50 columns; else under the name.
        let inline = width - 11 - nameWidth - 2 >= 50
        let indent = inline ? 11 + nameWidth + 2 : 11
        for (i, step) in log.steps.enumerated() {
            let status = RoleSpan((step.status.isEmpty ? "?" : step.status).padding(8), LogsText.role(status: step.status))
            let details = i < rawSteps.count ? Self.details(rawSteps[i]) : ""
            var text = TextWrap.wrap(Self.description(step), width: max(1, width - indent))
            if inline && step.title.displayWidth <= nameWidth, !text.isEmpty {
                out.append([RoleSpan("  "), status, RoleSpan(" "), RoleSpan(step.title.padding(nameWidth + 2), .title), RoleSpan(text.removeFirst())])
            } else {
                out.append([RoleSpan("  "), status, RoleSpan(" "), RoleSpan(step.title, .title)])
            }
            out += text.map { [RoleSpan(String(repeating: " ", count: indent) + $0)] }
            if !details.isEmpty { out += wrapped(details, indent: indent, role: .muted) }
        }
        return out
    }

    private func changes(_ log: ProvisioningLog) -> [Line] {
        guard !log.changes.isEmpty else { return [] }
        var out = heading("Modified properties (old → new)")
        let nameWidth = min(26, log.changes.map(\.property.displayWidth).max() ?? 0)
        for change in log.changes {
            let old = change.old.flatMap { $0.isEmpty ? nil : $0 } ?? "(none)"
            let new = change.new.flatMap { $0.isEmpty ? nil : $0 } ?? "(none)"
            let indent = 2 + nameWidth + 2
            let text = TextWrap.wrap(old + " → " + new, width: max(1, width - indent))
            for (n, piece) in text.enumerated() {
                let label = n == 0 ? "  " + change.property.padding(nameWidth + 2) : String(repeating: " ", count: indent)
                out.append([RoleSpan(label, n == 0 ? .accent : .text), RoleSpan(piece)])
            }
        }
        return out
    }

    /// "label  text", the text wrapped under itself.
    private func field(_ label: String, _ text: String, labelWidth: Int, role: ThemeRole = .text) -> [Line] {
        let pieces = TextWrap.wrap(text, width: max(1, width - 2 - labelWidth))
        return pieces.enumerated().map { n, piece in
            [RoleSpan(n == 0 ? "  " + label.padding(labelWidth) : String(repeating: " ", count: 2 + labelWidth), .muted), RoleSpan(piece, role)]
        }
    }

    private func wrapped(_ text: String, indent: Int, role: ThemeRole) -> [Line] {
        TextWrap.wrap(text, width: max(1, width - indent)).map { [RoleSpan(String(repeating: " ", count: indent) + $0, role)] }
    }

    /// The step's description without the portal label it may open with: the title shows it already.
    static func description(_ step: ProvisioningLog.Step) -> String {
        guard let label = step.label, step.description.hasPrefix(label + ": ") else { return step.description }
        return String(step.description.dropFirst(label.count + 2))
    }

    /// A step's `details` object as "key: value · key: value".
    static func details(_ step: JSONValue) -> String {
        guard let details = step.objectValue?["details"]?.objectValue else { return "" }
        return details.members.map { member in
            let text = member.value.stringValue ?? JSONWriter.compact.string(member.value)
            return "\(member.key): \(text)"
        }.joined(separator: " · ")
    }
}
