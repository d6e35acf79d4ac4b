import SCIM
import TerminalUI

/// Draws the user form (or its raw JSON) with the record's checks underneath.
struct UserFormView {
    /// The open form; nil when no user was opened yet.
    var form: UserFormState?
    var context: ScreenContext
    /// The mapping "What Entra will set" computes with, and its source.
    var mapping: EntraMapping = .microsoftDefault

    private var theme: Theme { context.theme }
    private func style(_ role: ThemeRole) -> Style { context.style(role) }

    func render(into frame: inout ScreenBuffer) -> Point? {
        let layout = FormLayout(size: context.size, computed: form?.showsComputed == true)
        guard let form else {
            frame.draw("No user open: pick one on the Users screen (2) and press Enter.", x: layout.fields.x,
                       y: layout.fields.y, width: layout.fields.width, style: style(.muted))
            return nil
        }
        drawHeader(form, into: &frame, area: layout.header)
        let cursor: Point?
        if let raw = form.raw {
            cursor = drawRaw(raw, into: &frame, area: layout.fields)
        } else {
            cursor = FormView().render(form.form, into: &frame, area: layout.fields, theme: theme)
        }
        if form.showsComputed {
            ComputedUserView(computed: mapping.compute(form.record, now: context.clock), source: mapping.label(now: context.clock),
                             context: context, check: mapping.check?.shown(for: form.record, now: context.clock))
                .render(into: &frame, area: layout.panel)
        } else {
            drawChecks(form, into: &frame, area: layout.panel)
        }
        return cursor
    }

    private func drawHeader(_ form: UserFormState, into frame: inout ScreenBuffer, area: Rect) {
        let r = form.record
        let name = (r.userName ?? "").isEmpty ? "(no userName)" : r.userName ?? ""
        var spans = [Span(form.raw == nil ? "Editing " : "Raw JSON of ", style: style(.muted)), Span(name, style: style(.title)),
                     Span("  externalId \(r.externalId ?? "—")", style: style(.muted))]
        if form.isModified { spans.append(Span("  ● modified", style: style(.warning))) }
        let kept = UserFormFields.keptAttributes(r, catalog: .standard).count
        if kept > 0 { spans.append(Span("  \(kept) other attribute\(kept == 1 ? "" : "s") kept", style: style(.muted))) }
        frame.drawSpans(spans, x: area.x + 1, y: area.y, width: area.width - 2)
    }

    private func drawRaw(_ raw: RawJSONEditorState, into frame: inout ScreenBuffer, area: Rect) -> Point? {
        let viewport = area.height - 1
        let gutter = String(raw.lines.count).count + 1
        var cursor: Point?
        for (n, index) in (raw.top..<min(raw.lines.count, raw.top + viewport)).enumerated() {
            let y = area.y + n
            let number = String(index + 1)
            frame.draw(String(repeating: " ", count: gutter - 1 - number.count) + number, x: area.x, y: y,
                       width: gutter - 1, style: style(.lineNumber))
            let line = String(raw.lines[index])
            frame.drawSpans(SyntaxHighlighter.json.highlight(line, theme), x: area.x + gutter, y: y,
                            width: area.width - gutter, truncation: .clip)
            if index == raw.row {
                let before = String(raw.lines[index].prefix(raw.column)).displayWidth
                cursor = Point(x: min(area.maxX - 1, area.x + gutter + before), y: y)
            }
        }
        let help = raw.error.map { "✗ " + $0 } ?? "ctrl-t applies the JSON · Esc discards"
        frame.draw(help, x: area.x, y: area.maxY - 1, width: area.width, style: style(raw.error == nil ? .muted : .error))
        return cursor
    }

    private func drawChecks(_ form: UserFormState, into frame: inout ScreenBuffer, area: Rect) {
        guard area.height >= 2 else { return }
        frame.horizontalLine(x: area.x, y: area.y, width: area.width, style: style(.border))
        let problems = form.diagnostics.sorted { $0.severity < $1.severity }
        frame.draw(" Checks (as you type) ", x: area.x + 1, y: area.y, width: area.width - 2, style: style(.title))
        let inner = Rect(x: area.x + 1, y: area.y + 1, width: area.width - 2, height: area.height - 1)
        guard !problems.isEmpty else {
            frame.draw("✓ this user passes every check", x: inner.x, y: inner.y, width: inner.width, style: style(.success))
            return
        }
        var y = inner.y
        for d in problems where y < inner.maxY {
            y += DiagnosticLines.draw(d, into: &frame, x: inner.x, y: y, width: inner.width, maxRows: inner.maxY - y, theme: theme)
        }
    }
}
