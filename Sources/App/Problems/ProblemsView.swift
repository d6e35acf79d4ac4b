import SCIM
import TerminalUI

/// Draws the Problems overlay: a table of findings (only the rows on screen are built) and the
/// selected one in full, its fix included, under it.
struct ProblemsView {
    var problems: ProblemsState
    var context: ScreenContext
    var source: ProblemSource

    static let columns = [
        TableColumn("severity", width: .fixed(8)),
        TableColumn("line:col", width: .fixed(9)),
        TableColumn("user", width: .flexible(weight: 2, minimum: 10)),
        TableColumn("rule", width: .flexible(weight: 2, minimum: 12)),
        TableColumn("message", width: .flexible(weight: 5, minimum: 16)),
    ]

    func render(into frame: inout ScreenBuffer, area: Rect) {
        let theme = context.theme
        let layout = ProblemsLayout(size: context.size)
        let base = theme[.text].patched(with: theme[.dialog])
        frame.fill(layout.frame, style: base)
        _ = frame.box(layout.frame, title: title, style: base.patched(with: theme[.border]), titleStyle: base.patched(with: theme[.title]))
        let rows = visibleRows(viewport: layout.viewport)
        TableView(columns: Self.columns).render(
            into: &frame, area: layout.table, state: problems.list, total: problems.refs.count, theme: theme,
            role: { row, column in column == 0 ? (rows[row] ?? nil).map { Self.role($0.diagnostic.severity) } : nil }
        ) { row, column in
            guard let shown = rows[row] ?? nil else { return column == 4 ? "(changed since the list opened)" : "" }
            switch column {
            case 0: return shown.diagnostic.severity.rawValue
            case 1: return shown.place
            case 2: return shown.owner
            case 3: return shown.diagnostic.rule
            default: return shown.diagnostic.message
            }
        }
        frame.horizontalLine(x: layout.inner.x, y: layout.detail.y - 1, width: layout.inner.width, style: base.patched(with: theme[.border]))
        drawDetail(into: &frame, area: layout.detail, base: base)
        drawMapping(into: &frame, layout: layout, base: base)
    }

    /// On the bottom border: which mapping the `schema.*` findings come from and its age, and `x`
    /// when the selected finding is an attribute the mapping does not read.
    private func drawMapping(into frame: inout ScreenBuffer, layout: ProblemsLayout, base: Style) {
        guard let label = source.mappingLabel else { return }
        var text = " \(label) "
        if let ref = problems.selectedRef, let row = source.row(ref), source.extendable(row.diagnostic) {
            text += "· x add to the job's schema "
        }
        frame.draw(text, x: layout.frame.x + 2, y: layout.frame.maxY - 1, width: max(0, layout.frame.width - 4),
                   style: base.patched(with: context.theme[.muted]))
    }

    private var title: String {
        var parts = ["\(problems.errors) error\(problems.errors == 1 ? "" : "s")", "\(problems.warnings) warning\(problems.warnings == 1 ? "" : "s")"]
        if problems.notes > 0 { parts.append("\(problems.notes) note\(problems.notes == 1 ? "" : "s")") }
        return "Problems · " + parts.joined(separator: ", ") + " · Enter goes to it · Esc closes"
    }

    /// The rows on screen, built once per frame, by row number.
    private func visibleRows(viewport: Int) -> [Int: ProblemRow?] {
        let view = problems.list.clamped(total: problems.refs.count, viewport: viewport)
        let end = min(problems.refs.count, view.offset + viewport)
        var rows: [Int: ProblemRow?] = [:]
        for row in view.offset..<max(view.offset, end) { rows[row] = source.row(problems.refs[row]) }
        return rows
    }

    /// The selected finding whole: where, the path inside the user or file, the message, the fix.
    private func drawDetail(into frame: inout ScreenBuffer, area: Rect, base: Style) {
        guard !area.isEmpty, let ref = problems.selectedRef, let row = source.row(ref) else { return }
        let d = row.diagnostic
        var head = [row.owner]
        if !row.place.isEmpty { head.append("line \(row.place)") }
        if let path = d.path, !path.components.isEmpty { head.append(path.description) }
        head.append(d.rule + " (" + d.source + ")")
        var lines = [head.joined(separator: " · ")]
        lines += TextWrap.wrap(d.message, width: max(1, area.width))
        let fixStart = lines.count
        if let hint = d.hint { lines += TextWrap.wrap("fix: " + hint, width: max(1, area.width)) }
        for (i, line) in lines.prefix(area.height).enumerated() {
            let style = i == 0 ? base.patched(with: context.theme[.muted]) : i >= fixStart ? base.patched(with: context.theme[.accent]) : base
            frame.draw(line, x: area.x, y: area.y + i, width: area.width, style: style)
        }
    }

    static func role(_ severity: Diagnostic.Severity) -> ThemeRole {
        severity == .error ? .error : severity == .warning ? .warning : .muted
    }
}
