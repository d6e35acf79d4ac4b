import TerminalUI

/// Where the Logs screen's parts go; `update` and `render` share it so paging and the detail's
/// scrolling match what is drawn.
///
/// Compact (80×24): the filter bar, the job line and two lines for the waiting, then the list above the
/// detail. Wide (from 150 columns and 30 rows): the list on the left; on the right the job in a box
/// above the detail.
struct LogsLayout {
    var filterBar: Rect
    var waitLine: Rect
    /// One line in the compact layout, a box in the wide one.
    var job: Rect
    var list: Rect
    /// The detail, its title line included.
    var detail: Rect
    var wide: Bool

    /// `rows`: entries passing the filters, a short list leaving its room to the detail;
    /// `jobLines`: the job box's lines for a text width (the box is sized to them).
    init(size: Size, rows: Int = .max, jobLines: (Int) -> Int = { _ in 3 }) {
        let body = Rect(x: 0, y: 1, width: size.width, height: max(0, size.height - 2))
        wide = body.width >= 150 && body.height >= 28
        filterBar = Rect(x: body.x, y: body.y, width: body.width, height: 1)
        if wide {
            waitLine = Rect(x: body.x, y: body.y + 1, width: body.width, height: 2)
            let top = body.y + 3
            let rest = max(0, body.maxY - top)
            let listWidth = min(100, body.width * 9 / 20)
            list = Rect(x: body.x, y: top, width: listWidth, height: rest)
            let right = Rect(x: body.x + listWidth + 1, y: top, width: body.width - listWidth - 1, height: rest)
            job = Rect(x: right.x, y: right.y, width: right.width, height: min(rest, jobLines(right.width - 4) + 2))
            detail = Rect(x: right.x, y: job.maxY, width: right.width, height: max(0, right.maxY - job.maxY))
        } else {
            job = Rect(x: body.x, y: body.y + 1, width: body.width, height: 1)
            waitLine = Rect(x: body.x, y: body.y + 2, width: body.width, height: 2)
            let top = body.y + 4
            let rest = max(0, body.maxY - top)
            let listHeight = min(max(3, rest * 2 / 5), max(0, rest - 3), max(3, rows + 1))
            list = Rect(x: body.x, y: top, width: body.width, height: listHeight)
            detail = Rect(x: body.x, y: list.maxY, width: body.width, height: max(0, body.maxY - list.maxY))
        }
    }

    /// The layout for the screen's state at the context's size; the job box is sized to its lines.
    init(logs: LogsState, context: ScreenContext) {
        self.init(size: context.size, rows: logs.rows.count) {
            LogsJobPanel(logs: logs, now: context.clock, zone: context.timeZone).lines(width: $0).count
        }
    }

    /// Rows of the list below its header.
    var listRows: Int { max(1, list.height - 1) }
    /// The detail's text, below its title line.
    var detailText: Rect { Rect(x: detail.x + 1, y: detail.y + 1, width: max(1, detail.width - 2), height: max(0, detail.height - 1)) }
}
