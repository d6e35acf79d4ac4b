import TerminalUI

/// Where the Activity screen's parts go: the send's progress (while there is one), the list of
/// exchanges, and the selected exchange. Wide terminals put the detail beside the list.
struct ActivityLayout {
    var progress: Rect
    var list: Rect
    var detail: Rect
    var footer: Rect

    init(size: Size, showsProgress: Bool) {
        let body = Rect(x: 0, y: 1, width: size.width, height: max(0, size.height - 2))
        let progressHeight = showsProgress ? min(6, max(0, body.height - 8)) : 0
        progress = Rect(x: body.x, y: body.y, width: body.width, height: progressHeight)
        let rest = Rect(x: body.x, y: body.y + progressHeight, width: body.width, height: max(0, body.height - progressHeight - 1))
        footer = Rect(x: body.x, y: rest.maxY, width: body.width, height: 1)
        if rest.width >= 150 {
            let listWidth = min(78, rest.width * 2 / 5)
            list = Rect(x: rest.x, y: rest.y, width: listWidth, height: rest.height)
            detail = Rect(x: rest.x + listWidth + 1, y: rest.y, width: rest.width - listWidth - 1, height: rest.height)
        } else {
            let listHeight = min(max(3, rest.height * 2 / 5), max(0, rest.height - 3))
            list = Rect(x: rest.x, y: rest.y, width: rest.width, height: listHeight)
            detail = Rect(x: rest.x, y: rest.y + listHeight, width: rest.width, height: rest.height - listHeight)
        }
    }

    /// Rows of the list below its header line.
    var listRows: Int { max(1, list.height - 1) }
    /// Rows of the detail below its separator line.
    var detailRows: Int { max(1, detail.height - 1) }
}
