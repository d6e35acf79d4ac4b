import SCIM
import TerminalUI

/// Draws the preview: which document, its counts, the coloured JSON, and the search line.
struct PreviewView {
    /// The documents shown; nil until the screen first opens (or after an edit dropped them).
    var preview: PreviewState?
    var context: ScreenContext
    /// The user "What Entra will set" (`e`) computes, as the workspace holds it; nil when none is selected.
    var selectedRecord: UserRecord? = nil
    var mapping: EntraMapping = .microsoftDefault

    private var theme: Theme { context.theme }
    private func style(_ role: ThemeRole) -> Style { context.style(role) }

    func render(into frame: inout ScreenBuffer) -> Point? {
        let layout = PreviewLayout(size: context.size)
        guard let preview else { return nil }
        if preview.showsComputed {
            drawComputed(top: preview.computedTop, layout: layout, into: &frame)
            return nil
        }
        let n = preview.documents.count
        let ops = n == 0 ? 0 : preview.documents[preview.index].operationCount
        let spans = [
            Span("Document \(n == 0 ? 0 : preview.index + 1) of \(n)", style: style(.title)),
            Span(" · \(ops) operation\(ops == 1 ? "" : "s")", style: theme[.text]),
            Span(" · \(Self.grouped(preview.prettyBytes.count)) bytes shown", style: theme[.text]),
            Span(" · \(Self.grouped(preview.wireByteCount)) bytes on the wire", style: style(.muted)),
            Span(" · \(preview.totalOperations) users in all", style: style(.muted)),
        ]
        frame.drawSpans(spans, x: layout.header.x + 1, y: layout.header.y, width: layout.header.width - 2)
        TextPaneView(highlighter: .json).render(preview.pane, into: &frame, area: layout.pane, theme: theme)
        let footer = layout.footer
        if let field = preview.searchField {
            frame.draw("/", x: footer.x, y: footer.y, width: 1, style: style(.accent))
            return TextFieldView(placeholder: "search the JSON").render(
                field, into: &frame, area: Rect(x: footer.x + 1, y: footer.y, width: footer.width - 1, height: 1), theme: theme)
        }
        let matches = preview.pane.matches.count
        let where_ = preview.pane.currentMatch.map { "match \($0 + 1) of \(matches) for \"\(preview.pane.query)\"" }
        let line = "line \(preview.pane.top + 1) of \(preview.pane.lines.count)" + (where_.map { " · " + $0 } ?? "")
        frame.draw(line, x: footer.x + 1, y: footer.y, width: footer.width - 2, style: style(.muted))
        return nil
    }

    /// The selected user's computed attributes in place of the JSON (one user: computed inline).
    private func drawComputed(top: Int, layout: PreviewLayout, into frame: inout ScreenBuffer) {
        guard let record = selectedRecord else {
            frame.draw("No user selected: pick one on Users (2), then e here shows what Entra will set for it.",
                       x: layout.header.x + 1, y: layout.header.y, width: layout.header.width - 2, style: style(.muted))
            return
        }
        let computed = mapping.compute(record, now: context.clock)
        let check = mapping.check?.shown(for: record, now: context.clock)
        let rows = ComputedUserView.rows(in: layout.pane, checked: check != nil)
        let first = min(top, max(0, computed.attributes.count - rows))
        let name = (record.userName ?? "").isEmpty ? "(no userName)" : record.userName ?? ""
        frame.drawSpans([Span("User ", style: style(.muted)), Span(name, style: style(.title)),
                         Span("  externalId \(record.externalId ?? "—")", style: style(.muted))],
                        x: layout.header.x + 1, y: layout.header.y, width: layout.header.width - 2)
        ComputedUserView(computed: computed, source: mapping.label(now: context.clock), context: context, top: first,
                         moreHint: "↓ and PgDn scroll", check: check, checkKey: "c")
            .render(into: &frame, area: layout.pane)
        // The last row says how many more there are when some are below.
        let last = first + rows < computed.attributes.count ? first + rows - 1 : computed.attributes.count
        let line = "mappings \(first + 1)–\(last) of \(computed.attributes.count) · ★ matches users · c checks with Entra · e shows the JSON"
        frame.draw(line, x: layout.footer.x + 1, y: layout.footer.y, width: layout.footer.width - 2, style: style(.muted))
    }

    /// 12345 → "12,345": byte counts are read at a glance.
    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return out
    }
}
