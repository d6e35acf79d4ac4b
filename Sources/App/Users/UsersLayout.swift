import TerminalUI

/// How the Users screen divides its rows; `update` and `render` share it so paging matches what is
/// drawn.
struct UsersLayout {
    var body: Rect
    /// A line for the opened file's own findings, between the summary and the table.
    var hasFileRow: Bool

    init(size: Size, fileRow: Bool = false) {
        body = Rect(x: 0, y: 1, width: size.width, height: max(0, size.height - 2))
        hasFileRow = fileRow
    }

    var panelHeight: Int { body.height >= 20 ? 7 : 4 }
    private var fileRowHeight: Int { hasFileRow ? 1 : 0 }
    /// Summary line, the file's row (when it has findings), the table (header + rows), the diagnostics panel.
    var summary: Rect { Rect(x: body.x, y: body.y, width: body.width, height: 1) }
    var fileRow: Rect { Rect(x: body.x, y: body.y + 1, width: body.width, height: fileRowHeight) }
    var table: Rect {
        Rect(x: body.x, y: body.y + 1 + fileRowHeight, width: body.width, height: max(2, body.height - 1 - fileRowHeight - panelHeight))
    }
    var panel: Rect { Rect(x: body.x, y: table.maxY, width: body.width, height: max(0, body.maxY - table.maxY)) }
    var viewport: Int { max(1, table.height - 1) }
}
