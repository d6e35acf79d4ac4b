import TerminalUI

/// The preview's share of the screen: a summary line, the JSON, and a line for the search field.
/// The update and the view share it, so paging and search scroll by what is drawn.
struct PreviewLayout {
    var body: Rect
    init(size: Size) { body = Rect(x: 0, y: 1, width: size.width, height: max(0, size.height - 2)) }
    var header: Rect { Rect(x: body.x, y: body.y, width: body.width, height: 1) }
    var pane: Rect { Rect(x: body.x, y: body.y + 1, width: body.width, height: max(1, body.height - 2)) }
    var footer: Rect { Rect(x: body.x, y: body.maxY - 1, width: body.width, height: 1) }
}
