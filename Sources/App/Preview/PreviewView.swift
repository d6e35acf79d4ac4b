import SCIM
import TerminalUI

/// Draws the preview: which document, its counts, the coloured JSON, and the search line.
struct PreviewView {
    /// The documents shown; nil until the screen first opens (or after an edit dropped them).
    var preview: PreviewState?
    var context: ScreenContext

    private var theme: Theme { context.theme }
    private func style(_ role: ThemeRole) -> Style { context.style(role) }

    func render(into frame: inout ScreenBuffer) -> Point? {
        let layout = PreviewLayout(size: context.size)
        guard let preview else { return nil }
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
