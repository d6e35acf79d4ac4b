import Foundation
import Provisioning
import TerminalUI

/// Draws the Logs screen: the active filters, the job, where following an upload stands, the
/// entries, and the selected entry in full.
struct LogsView {
    var logs: LogsState
    var context: ScreenContext
    var connection: LogsConnection

    private var theme: Theme { context.theme }
    private func style(_ role: ThemeRole) -> Style { context.style(role) }

    static let columns = [
        TableColumn("time", width: .fixed(14)), TableColumn("action", width: .fixed(7)), TableColumn("status", width: .fixed(7)),
        TableColumn("externalId", width: .flexible(weight: 1, minimum: 10)), TableColumn("displayName", width: .flexible(weight: 3, minimum: 10)),
    ]

    func render(into frame: inout ScreenBuffer) -> Point? {
        let layout = LogsLayout(logs: logs, context: context)
        let cursor = drawFilterBar(into: &frame, area: layout.filterBar)
        drawWaitLine(into: &frame, area: layout.waitLine)
        if layout.wide { drawJobBox(into: &frame, area: layout.job) } else { drawJobLine(into: &frame, area: layout.job) }
        if logs.summary.shown {
            LogsSummaryView(logs: logs, context: context).render(into: &frame, screen: layout)
            return cursor
        }
        drawList(into: &frame, area: layout.list)
        drawDetail(into: &frame, area: layout.detail, text: layout.detailText)
        return cursor
    }

    // MARK: Filter bar

    private func drawFilterBar(into frame: inout ScreenBuffer, area: Rect) -> Point? {
        if let field = logs.filterField {
            let label = "externalId: "
            frame.draw("/ " + label, x: area.x + 1, y: area.y, width: label.count + 2, style: style(.accent))
            let input = Rect(x: area.x + 3 + label.count, y: area.y, width: min(40, max(10, area.width / 3)), height: 1)
            let cursor = TextFieldView(placeholder: "part of an externalId").render(field, into: &frame, area: input, theme: theme)
            frame.draw("\(logs.rows.count) of \(logs.shown.count) · Enter keeps it, Esc clears it", x: input.maxX + 1, y: area.y,
                       width: area.maxX - input.maxX - 1, style: style(.muted))
            return cursor
        }
        if logs.summary.shown {
            let failed = logs.summary.failures.count
            let keys = failed > 0 ? "Enter user in Users · F resend the \(failed) failed · s entries" : "s entries"
            frame.drawSpans([Span("Upload summary", style: style(.title).adding(.bold)), Span(" · " + keys, style: style(.muted))],
                            x: area.x + 1, y: area.y, width: area.width - 2)
            return nil
        }
        var spans = [Span("\(logs.rows.count) of \(LogsText.count(logs.shown.count, "entry", plural: "entries"))", style: style(.title))]
        func add(_ text: String, _ role: ThemeRole) {
            spans.append(Span(" · ", style: style(.muted)))
            spans.append(Span(text, style: style(role)))
        }
        if logs.showsImported, let imported = logs.imported {
            spans.insert(Span("Imported from \(imported.name) (not live) · ", style: style(.warning).adding(.bold)), at: 0)
            if let id = logs.externalId { add("externalId \(id)", .accent) }
            if logs.failuresOnly { add("failures only", .error) }
            add("i live logs · x forget", .muted)
            frame.drawSpans(spans, x: area.x + 1, y: area.y, width: area.width - 2)
            return nil
        }
        if logs.uploadOnly, let upload = logs.upload { add("this upload (\(LogsText.count(upload.count, "user")))", .accent) }
        if let id = logs.externalId { add("externalId \(id)", .accent) }
        if logs.failuresOnly { add("failures only", .error) }
        add(logs.window.title, logs.window == .day ? .muted : .accent)
        if !logs.uploadOnly && logs.externalId == nil && !logs.failuresOnly { add("all users", .muted) }
        frame.drawSpans(spans, x: area.x + 1, y: area.y, width: area.width - 2)
        return nil
    }

    // MARK: Waiting line

    /// What the screen is waiting for, or why it cannot read: one sentence, wrapped on the area.
    private func waitText() -> (String, ThemeRole) {
        if let missing = connection.missing { return ("Cannot read the logs yet: \(missing) (Connect, 1)", .warning) }
        if logs.showsImported, let imported = logs.imported { return (LogsView.importedText(imported), .warning) }
        if let error = logs.error { return ("Could not read the logs: \(error). r tries again.", .error) }
        let failed = logs.upload.map { logs.failedUsers(of: $0) } ?? 0
        if let follow = LogsFollowText(logs: logs, now: context.clock).line(failed: failed) { return follow }
        if logs.pendingReads > 0 { return ("Reading the provisioning logs…", .muted) }
        if let read = logs.lastRead {
            return ("Read at \(LogsText.format(read, "HH:mm:ss", context.timeZone)) (\(LogsText.age(read, now: context.clock))). Entries appear 5 to 10 minutes after an upload; r reads again.", .muted)
        }
        return ("r reads the provisioning logs of the job.", .muted)
    }

    private func drawWaitLine(into frame: inout ScreenBuffer, area: Rect) {
        let (text, role) = waitText()
        for (i, line) in TextWrap.wrap(text, width: max(1, area.width - 2)).prefix(area.height).enumerated() {
            frame.draw(line, x: area.x + 1, y: area.y + i, width: area.width - 2, style: style(role))
        }
    }

    /// The imported set's line: where it came from and that it is not what Entra says now.
    static func importedText(_ imported: LogsImport) -> String {
        let count = LogsText.count(imported.entries.count, "entry", plural: "entries")
        return "Imported from \(imported.path): \(count) read from the file, not live from Entra (times are when Entra logged them). "
            + "i shows the live logs, r reads them, x forgets the import."
    }

    // MARK: Job

    private var jobId: String { connection.jobId ?? "" }

    private func drawJobLine(into frame: inout ScreenBuffer, area: Rect) {
        var spans = [Span("Job ", style: style(.title))]
        let panel = LogsJobPanel(logs: logs, now: context.clock, zone: context.timeZone)
        if let job = logs.job {
            spans.append(Span(job.code, style: style(LogsText.jobRole(job.code)).adding(.bold)))
            if let busy = LogsJobPanel.busyText(logs.jobBusy) { spans.append(Span(" · " + busy, style: style(.accent))) }
            if let read = logs.jobReadAt { spans.append(Span(" (read \(LogsText.age(read, now: context.clock)))", style: style(.muted))) }
            spans.append(Span(" · " + job.advice, style: style(.text)))
            if let last = job.lastExecution { spans.append(Span(" · last run " + LogsText.graphTime(last, in: context.timeZone), style: style(.muted))) }
        } else {
            spans.append(Span(panel.stateless, style: style(logs.jobError == nil ? .muted : .error)))
        }
        frame.drawSpans(spans, x: area.x + 1, y: area.y, width: area.width - 2)
    }

    private func drawJobBox(into frame: inout ScreenBuffer, area: Rect) {
        guard area.height >= 3 else { return }
        let inner = frame.box(area, title: jobId.isEmpty ? "Job" : "Job \(jobId)", style: style(.border), titleStyle: style(.title))
        var lines = LogsJobPanel(logs: logs, now: context.clock, zone: context.timeZone).lines(width: inner.width - 2)
        // The keys stay on the last row; the rest fills from the top.
        let keys = lines.removeLast()
        for (i, line) in lines.prefix(max(0, inner.height - 1)).enumerated() {
            drawRoleSpans(line, into: &frame, x: inner.x + 1, y: inner.y + i, width: inner.width - 2)
        }
        drawRoleSpans(keys, into: &frame, x: inner.x + 1, y: inner.maxY - 1, width: inner.width - 2)
    }

    private func drawRoleSpans(_ line: [RoleSpan], into frame: inout ScreenBuffer, x: Int, y: Int, width: Int) {
        frame.drawSpans(line.map { Span($0.text, style: style($0.role)) }, x: x, y: y, width: width)
    }

    // MARK: List

    private func emptyText() -> String {
        if connection.missing != nil { return "No connection: fill in Connect (1) to read the logs." }
        if logs.uploadOnly, let upload = logs.upload, logs.rows.isEmpty, logs.filterField == nil, logs.externalId == nil, !logs.failuresOnly {
            return "No entry of this upload's \(LogsText.count(upload.count, "user")) yet. u shows every user's entries."
        }
        if logs.showsImported { return logs.shown.isEmpty ? "The imported file holds no log entries. i shows the live logs." : "No imported entry passes the filters: Esc clears them." }
        if logs.entries.isEmpty {
            if logs.pendingReads > 0 { return "Reading…" }
            if logs.lastRead == nil { return "Nothing read yet: r reads the provisioning logs." }
            return "No entries in the \(logs.window.title). t widens the time window."
        }
        return "No entry passes the filters: Esc clears them, t widens the time window."
    }

    private func drawList(into frame: inout ScreenBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        let entries = logs.shown, rows = logs.rows, zone = context.timeZone
        let table = TableView(columns: Self.columns, emptyText: emptyText())
        // The status column in its colour: success green, warning yellow, failure red.
        table.render(into: &frame, area: area, state: logs.list, total: rows.count, theme: theme,
                     role: { row, column in column == 2 ? LogsText.role(status: entries[rows[row]].log.status) : nil }) { row, column in
            let log = entries[rows[row]].log
            switch column {
            case 0: return LogsText.time(entries[rows[row]], in: zone)
            case 1: return LogsText.action(log)
            case 2: return log.status
            case 3: return log.externalId
            default: return log.displayName
            }
        }
    }

    // MARK: Detail

    private func drawDetail(into frame: inout ScreenBuffer, area: Rect, text: Rect) {
        guard area.height >= 2 else { return }
        frame.horizontalLine(x: area.x, y: area.y, width: area.width, style: style(.border))
        guard let entry = logs.selected else {
            frame.draw(" Detail ", x: area.x + 1, y: area.y, width: area.width - 2, style: style(.title))
            drawGuide(into: &frame, area: text)
            return
        }
        let lines = LogsDetail(entry: entry, width: text.width, zone: context.timeZone).lines()
        let top = min(logs.detailTop, max(0, lines.count - text.height))
        let shown = min(lines.count - top, text.height)
        var title = " \(entry.log.externalId.isEmpty ? "(no externalId)" : entry.log.externalId) · \(LogsText.action(entry.log)) \(entry.log.status) "
        if lines.count > text.height { title += "· lines \(top + 1)-\(top + shown) of \(lines.count), J/K scroll " }
        if entry.importedFrom != nil { title += "· imported " }
        title += "· Enter: user in Users "
        frame.draw(title, x: area.x + 1, y: area.y, width: area.width - 2, style: style(.title))
        for (i, line) in lines[top..<(top + shown)].enumerated() {
            drawRoleSpans(line, into: &frame, x: text.x, y: text.y + i, width: text.width)
        }
    }

    /// With no entry to show: what the screen will show, and its keys.
    private func drawGuide(into frame: inout ScreenBuffer, area: Rect) {
        let paragraphs: [(String, ThemeRole)] = [
            ("Each entry is what Entra did with one user it received: the action (create, update, disable, skip), its status, "
                + "the four steps (Import from API, Match user, Determine if User is in scope, Provision User), the properties "
                + "changed, and for a failure Microsoft's reason and recommended action.", .muted),
            ("Entries appear 5 to 10 minutes after an upload (in the sandbox, seconds). After a send this screen follows its users by itself.", .muted),
            ("f failures · u this upload · s sum up each upload · / one user · t time window · r read again · Enter the user in Users · "
                + "S / P / R start, pause, restart the job", .muted),
        ]
        var y = area.y
        for (text, role) in paragraphs {
            for line in TextWrap.wrap(text, width: area.width) where y < area.maxY {
                frame.draw(line, x: area.x, y: y, width: area.width, style: style(role))
                y += 1
            }
            y += 1
        }
    }
}
