import SCIM
import TerminalUI

/// Draws the Users screen: a summary (or the filter being typed), the virtual table, and the
/// selected user's diagnostics.
struct UsersView {
    var state: UsersState
    var context: ScreenContext
    var store: RecordStore
    var facts: UsersFacts

    private var theme: Theme { context.theme }
    private func style(_ role: ThemeRole) -> Style { context.style(role) }

    static let columns = [
        TableColumn("", width: .fixed(1)),
        TableColumn("externalId", width: .fixed(10)),
        TableColumn("userName", width: .flexible(weight: 3, minimum: 12)),
        TableColumn("displayName", width: .flexible(weight: 2, minimum: 10)),
        TableColumn("department", width: .flexible(weight: 2, minimum: 6)),
        TableColumn("active", width: .fixed(6)),
        TableColumn("status", width: .fixed(7)),
    ]

    func render(into frame: inout ScreenBuffer) -> Point? {
        let layout = facts.lookup.layout(context)
        let cursor = drawSummary(into: &frame, area: layout.summary)
        drawFileRow(into: &frame, area: layout.fileRow)
        drawTable(into: &frame, area: layout.table)
        drawPanel(into: &frame, area: layout.panel)
        return cursor
    }

    private func drawSummary(into frame: inout ScreenBuffer, area: Rect) -> Point? {
        let users = state
        if let field = users.filterField {
            frame.draw("/", x: area.x, y: area.y, width: 1, style: style(.accent))
            let input = Rect(x: area.x + 1, y: area.y, width: max(1, area.width / 2), height: 1)
            let cursor = TextFieldView(placeholder: "filter by externalId, userName, displayName, department, status")
                .render(field, into: &frame, area: input, theme: theme)
            frame.draw("\(users.rows.count) of \(store.count)", x: input.maxX + 1, y: area.y,
                       width: area.maxX - input.maxX - 1, style: style(.muted))
            return cursor
        }
        var spans = [Span("\(store.count) users", style: style(.title))]
        let errors = facts.counts.errors
        let warnings = facts.counts.warnings
        spans.append(Span(" · ", style: style(.muted)))
        spans.append(Span("\(errors) with errors", style: style(errors > 0 ? .error : .muted)))
        spans.append(Span(" · ", style: style(.muted)))
        spans.append(Span("\(warnings) with warnings", style: style(warnings > 0 ? .warning : .muted)))
        if !facts.findings.isEmpty {
            spans.append(Span(" · ", style: style(.muted)))
            spans.append(Span("file: " + DiagnosticCounts.fileText(facts.findings), style: style(Self.role(of: facts.findings))))
        }
        if !users.query.isEmpty {
            spans.append(Span(" · filter \"\(users.query)\": \(users.rows.count) shown", style: style(.accent)))
        }
        if !users.marks.isEmpty { spans.append(Span(" · \(users.marks.count) marked", style: style(.mark))) }
        if let sort = users.sort { spans.append(Span(" · by \(sort.title) \(users.ascending ? "↑" : "↓")", style: style(.muted))) }
        if let label = facts.mappingLabel { spans.append(Span(" · " + label, style: style(.muted))) }
        frame.drawSpans(spans, x: area.x, y: area.y, width: area.width)
        return nil
    }

    private func drawTable(into frame: inout ScreenBuffer, area: Rect) {
        let rows = state.rows
        let table = TableView(columns: Self.columns, focused: !state.onFile, emptyText: store.isEmpty
            ? "No users yet: a adds one, ctrl-o opens a file." : "No user matches the filter (Esc clears it).")
        let mark = String(frame.glyphs.mark)
        table.render(into: &frame, area: area, state: state.list, total: rows.count, theme: theme,
                     role: { row, column in column == 6 ? badge(store.entries[rows[row]]).role : nil }) { row, column in
            let entry = store.entries[rows[row]]
            let r = entry.record
            switch column {
            case 0: return state.marks.contains(entry.id) ? mark : ""
            case 1: return r.externalId ?? ""
            case 2: return r.userName ?? ""
            case 3: return r.displayName ?? ""
            case 4: return r.department ?? ""
            case 5: return r.active.map { $0 ? "yes" : "no" } ?? ""
            default: return badge(entry).text
            }
        }
    }

    /// A record's status badge and its colour: its worst diagnostic, "changed" when edited and
    /// clean, and what Entra said once sent (until the record is edited again).
    func badge(_ entry: RecordEntry) -> (text: String, role: ThemeRole) { facts.lookup.badge(entry.id) }

    static func role(_ status: RecordSendStatus) -> ThemeRole {
        switch status {
        case .queued, .sending: return .accent
        case .accepted, .provisioned: return .success
        case .failed, .provisioningFailed: return .error
        case .imported(_, let reason, _): return reason == nil ? .success : .error
        }
    }

    /// The file's own row: its counts and first finding; selected like a user (up from the first one).
    private func drawFileRow(into frame: inout ScreenBuffer, area: Rect) {
        guard !area.isEmpty, let first = facts.findings.file.first else { return }
        let selected = state.onFile
        let base = selected ? theme[.text].patched(with: theme[.selection]) : theme[.text]
        frame.fill(area, style: base)
        let findings = facts.findings
        let counts = "file  " + DiagnosticCounts.fileText(findings)
        let rest = ": " + first.message + (findings.file.count > 1 ? " (and \(findings.file.count - 1) more; ! lists them)" : "")
        frame.drawSpans([Span(counts, style: base.patched(with: theme[Self.role(of: findings)])), Span(rest, style: base)],
                        x: area.x + 2, y: area.y, width: area.width - 2)
    }

    static func role(of findings: ImportFindings) -> ThemeRole {
        findings.errors > 0 ? .error : findings.warnings > 0 ? .warning : .muted
    }

    private func drawPanel(into frame: inout ScreenBuffer, area: Rect) {
        guard area.height >= 2 else { return }
        if state.onFile || (store.isEmpty && !facts.findings.isEmpty) { return drawFilePanel(into: &frame, area: area) }
        let id = state.selectedID(store: store)
        let name = id.flatMap { store.entry(id: $0)?.record.userName }.map { $0.isEmpty ? "(no userName)" : $0 } ?? ""
        frame.horizontalLine(x: area.x, y: area.y, width: area.width, style: style(.border))
        frame.draw(" Diagnostics \(name.isEmpty ? "" : "· " + name + " ")", x: area.x + 1, y: area.y, width: area.width - 2, style: style(.title))
        var inner = Rect(x: area.x + 1, y: area.y + 1, width: area.width - 2, height: area.height - 1)
        guard let id else { return }
        if let sent = facts.sendStatus[id], let line = Self.sendLine(sent) {
            frame.draw(line, x: inner.x, y: inner.y, width: inner.width, style: style(Self.role(sent)))
            inner = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: max(0, inner.height - 1))
        }
        let found = (facts.diagnostics[id] ?? []).sorted { $0.severity < $1.severity }
        if found.isEmpty {
            let text = facts.validated ? "✓ no problems found" : "checking…"
            frame.draw(text, x: inner.x, y: inner.y, width: inner.width, style: style(.success))
            return
        }
        var y = inner.y
        for diagnostic in found where y < inner.maxY {
            y += DiagnosticLines.draw(diagnostic, into: &frame, x: inner.x, y: y, width: inner.width,
                                      maxRows: inner.maxY - y, theme: theme)
        }
    }
}

extension UsersView {
    /// The panel when the selection is on no user: the file's findings, with where they are.
    private func drawFilePanel(into frame: inout ScreenBuffer, area: Rect) {
        frame.horizontalLine(x: area.x, y: area.y, width: area.width, style: style(.border))
        frame.draw(" Diagnostics · the file itself ", x: area.x + 1, y: area.y, width: area.width - 2, style: style(.title))
        let inner = Rect(x: area.x + 1, y: area.y + 1, width: area.width - 2, height: area.height - 1)
        var y = inner.y
        for diagnostic in facts.findings.file.sorted(by: { $0.severity < $1.severity }) where y < inner.maxY {
            y += DiagnosticLines.draw(diagnostic, into: &frame, x: inner.x, y: y, width: inner.width,
                                      maxRows: inner.maxY - y, theme: theme, place: diagnostic.position?.description)
        }
    }

    /// The panel's first line about the record's send, when there is something to say.
    static func sendLine(_ status: RecordSendStatus) -> String? {
        switch status {
        case .queued: return "queued for the running send"
        case .sending: return "being sent"
        case .accepted: return "sent: Entra accepted it (202); Logs (l) tells what it did"
        case .failed(let reason): return "send failed: \(reason)"
        case .provisioned(let action): return "Entra: \(action.lowercased()) succeeded (l shows the log)"
        case .provisioningFailed(let reason): return "Entra could not provision it: \(reason) (l shows the log)"
        case .imported(let action, let reason?, let file): return "(imported from \(file)) Entra could not \(action) it: \(reason) (l shows the log)"
        case .imported(let action, nil, let file): return "(imported from \(file)) Entra: \(action) succeeded (l shows the log)"
        }
    }
}

/// One diagnostic as "severity  path  message — hint", wrapped; shared by the Users panel and the form.
enum DiagnosticLines {
    /// `place` (a line:column) goes before the path, for findings that have one.
    static func draw(_ d: Diagnostic, into frame: inout ScreenBuffer, x: Int, y: Int, width: Int, maxRows: Int, theme: Theme,
                     place: String? = nil) -> Int {
        let role: ThemeRole = d.severity == .error ? .error : d.severity == .warning ? .warning : .muted
        let label = d.severity.rawValue.padding(8)
        let path = d.path.flatMap { $0.components.isEmpty ? nil : $0.description + "  " } ?? ""
        let text = (place.map { $0 + "  " } ?? "") + path + d.message + (d.hint.map { " — " + $0 } ?? "")
        let lines = TextWrap.wrap(text, width: max(1, width - 8))
        var rows = 0
        for (i, line) in lines.enumerated() where rows < maxRows {
            if i == 0 { frame.draw(label, x: x, y: y, width: 8, style: theme[.text].patched(with: theme[role])) }
            frame.draw(line, x: x + 8, y: y + i, width: width - 8, style: theme[.text])
            rows += 1
        }
        return max(1, rows)
    }
}
