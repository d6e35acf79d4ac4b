import Foundation
import Provisioning
import TerminalUI

/// Draws the Activity screen (the send's progress, the exchanges, the selected one in full) and
/// the smaller pane shown under other screens.
struct ActivityView {
    var activity: ActivityState
    var context: ScreenContext
    /// The running or last send, whose progress shows above the list.
    var send: SendProgress?

    init(state activity: ActivityState, context: ScreenContext, send: SendProgress?) {
        self.activity = activity
        self.context = context
        self.send = send
    }

    private var theme: Theme { context.theme }
    private func style(_ role: ThemeRole) -> Style { context.style(role) }

    static let columns = [
        TableColumn("time", width: .fixed(8)), TableColumn("", width: .fixed(4)), TableColumn("exchange", width: .flexible(minimum: 12)),
        TableColumn("status", width: .fixed(6)), TableColumn("ms", width: .fixed(6), alignment: .right),
        TableColumn("size", width: .fixed(8), alignment: .right), TableColumn("", width: .fixed(3)),
    ]

    func render(into frame: inout ScreenBuffer) -> Point? {
        let around = ActivitySurroundings(send: send, exportDirectory: nil)
        let layout = ActivityUpdate.layout(activity, context, around)
        if let send { SendProgressView(progress: send, theme: theme).render(into: &frame, area: layout.progress) }
        // An error response selected: the list keeps its neighbours in view, the detail the rest.
        let atError = activity.detailTakesTheSpace(sendRunning: around.sendRunning)
        let list = atError ? activity.listAroundSelection(rows: layout.listRows) : activity.list
        drawTable(into: &frame, area: layout.list, list: list, focused: !activity.focusOnDetail, header: true)
        drawDetail(into: &frame, area: layout.detail,
                   pane: activity.detailShown(rows: layout.detailRows, columns: layout.detailColumns, atError: atError))
        return drawFooter(into: &frame, area: layout.footer)
    }

    /// The pane under another screen: a title line and the newest exchanges.
    func renderPane(into frame: inout ScreenBuffer, area: Rect) {
        guard area.height >= 2 else { return }
        frame.fill(area, style: theme[.text])
        frame.horizontalLine(x: area.x, y: area.y, width: area.width, style: style(.border))
        var title = " Activity · \(activity.total) exchange\(activity.total == 1 ? "" : "s")"
        if let send {
            title += send.isRunning ? " · sending \(send.doneDocuments)/\(send.documents.count)" : " · last send \(send.acceptedDocuments)/\(send.documents.count) accepted"
        }
        frame.draw(title + " · 5 opens, F2 hides ", x: area.x + 1, y: area.y, width: area.width - 2, style: style(.title))
        let rows = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
        let tail = ListState(selected: max(0, activity.rows.count - 1)).clamped(total: activity.rows.count, viewport: rows.height)
        drawTable(into: &frame, area: rows, list: tail, focused: false, header: false)
    }

    private func drawTable(into frame: inout ScreenBuffer, area: Rect, list: ListState, focused: Bool, header: Bool) {
        guard !area.isEmpty else { return }
        let loaded = activity.loaded, rows = activity.rows
        let table = TableView(columns: Self.columns, showHeader: header, focused: focused,
                              emptyText: activity.query.isEmpty ? "No requests yet: a connection test or a send (F5) shows here."
                                                                : "No exchange contains \"\(activity.query)\".")
        // Status codes in their colour: 2xx success, 429 and 5xx (retried) warning, other 4xx error.
        table.render(into: &frame, area: area, state: list, total: rows.count, theme: theme,
                     role: { row, column in column == 3 ? loaded[rows[row]].map(Self.role) : nil }) { row, column in
            // A row still being paged in from the store shows its number until it arrives.
            guard let x = loaded[rows[row]] else { return column == 2 ? "#\(rows[row]) …" : "" }
            switch column {
            case 0: return ExchangeText.time(x.startedAt, zone: context.timeZone)
            case 1: return x.method
            case 2: return ExchangeText.what(x)
            case 3: return ExchangeText.status(x)
            case 4: return String(Int(x.durationMilliseconds.rounded()))
            case 5: return ExchangeText.size(x.responseBytes)
            default: return x.attempt > 0 ? "↻\(x.attempt)" : ""
            }
        }
    }

    static func role(_ exchange: ExchangeSummary) -> ThemeRole {
        guard let status = exchange.status else { return .error }
        switch status {
        case 200..<300: return .success
        case 429, 500..<600: return .warning
        default: return .error
        }
    }

    private func drawDetail(into frame: inout ScreenBuffer, area: Rect, pane shown: TextPaneState) {
        guard area.height >= 2 else { return }
        frame.horizontalLine(x: area.x, y: area.y, width: area.width, style: style(activity.focusOnDetail ? .focus : .border))
        guard let exchange = activity.selected else { return }
        let status = exchange.status.map { "\($0) \(HTTPStatusText.text($0))" } ?? "no response"
        frame.drawSpans([Span(" #\(exchange.id) \(ExchangeText.what(exchange)) · ", style: style(.title)),
                         Span(status, style: style(Self.role(exchange))),
                         Span(exchange.requestId.map { " · request-id \($0) " } ?? " ", style: style(.muted))],
                        x: area.x + 1, y: area.y, width: area.width - 2)
        let pane = Rect(x: area.x + 1, y: area.y + 1, width: area.width - 1, height: area.height - 1)
        TextPaneView(highlighter: .http).render(shown, into: &frame, area: pane, theme: theme)
    }

    private func drawFooter(into frame: inout ScreenBuffer, area: Rect) -> Point? {
        guard !area.isEmpty else { return nil }
        if let field = activity.searchField {
            frame.draw("/", x: area.x, y: area.y, width: 1, style: style(.accent))
            return TextFieldView(placeholder: "search requests and responses").render(
                field, into: &frame, area: Rect(x: area.x + 1, y: area.y, width: area.width - 1, height: 1), theme: theme)
        }
        var parts = ["\(activity.total) exchange\(activity.total == 1 ? "" : "s")"]
        if !activity.query.isEmpty {
            parts.append("\(activity.rows.count) contain \"\(activity.query)\"" + (activity.isSearching ? " (searching…)" : ""))
        }
        parts.append(activity.followsTail ? "following the newest" : "paused on #\(activity.selectedID ?? 0) (End follows)")
        if activity.focusOnDetail { parts.append("↑↓ scroll the exchange, Enter back to the list") }
        frame.draw(parts.joined(separator: " · "), x: area.x + 1, y: area.y, width: area.width - 2, style: style(.muted))
        return nil
    }
}
