import TerminalUI

/// How the Problems overlay divides the frame; update and view share it so paging matches what is drawn.
struct ProblemsLayout {
    var frame: Rect

    init(size: Size) {
        let width = max(20, size.width - 4)
        let height = max(8, size.height - 2)
        frame = Rect(x: (size.width - width) / 2, y: max(0, (size.height - height) / 2), width: width, height: height)
    }

    var inner: Rect { Rect(x: frame.x + 1, y: frame.y + 1, width: frame.width - 2, height: frame.height - 2) }
    /// The selected finding in full (message and fix, wrapped) under the list.
    var detailHeight: Int { inner.height >= 16 ? 5 : 3 }
    /// Column titles and the rows.
    var table: Rect { Rect(x: inner.x, y: inner.y, width: inner.width, height: max(2, inner.height - detailHeight - 1)) }
    var detail: Rect { Rect(x: inner.x, y: table.maxY + 1, width: inner.width, height: max(0, inner.maxY - table.maxY - 1)) }
    var viewport: Int { max(1, table.height - 1) }
}
