import Foundation
import TerminalUI

/// How much of the send the Activity screen shows above the list.
public enum SendBox: Equatable, Sendable {
    /// No send this session.
    case none
    /// A finished send folded to its one-line summary, so the list gets its rows back.
    case line
    /// A running send's progress, or a finished one whose report the operator opened (r).
    case full
}

/// Where the Activity screen's parts go: the send's progress (while there is one), the list of
/// exchanges, and the selected exchange. Wide terminals put the detail beside the list.
struct ActivityLayout {
    var progress: Rect
    var list: Rect
    var detail: Rect
    var footer: Rect

    /// Rows of exchanges the list keeps when the detail takes the space: the selection and a
    /// neighbour either side.
    static let fewRows = 3

    /// `detailFirst`: the selected exchange is an error response, whose body is what the operator
    /// came to read, so the list shrinks to a few rows and the detail takes the rest.
    init(size: Size, sendBox: SendBox, detailFirst: Bool = false) {
        let body = Rect(x: 0, y: 1, width: size.width, height: max(0, size.height - 2))
        let progressHeight: Int
        switch sendBox {
        case .none: progressHeight = 0
        case .line: progressHeight = min(1, max(0, body.height - 8))
        case .full: progressHeight = min(6, max(0, body.height - 8))
        }
        progress = Rect(x: body.x, y: body.y, width: body.width, height: progressHeight)
        let rest = Rect(x: body.x, y: body.y + progressHeight, width: body.width, height: max(0, body.height - progressHeight - 1))
        footer = Rect(x: body.x, y: rest.maxY, width: body.width, height: 1)
        if rest.width >= 150 {
            let listWidth = min(78, rest.width * 2 / 5)
            list = Rect(x: rest.x, y: rest.y, width: listWidth, height: rest.height)
            detail = Rect(x: rest.x + listWidth + 1, y: rest.y, width: rest.width - listWidth - 1, height: rest.height)
        } else {
            let shared = min(max(3, rest.height * 2 / 5), max(0, rest.height - 3))
            let listHeight = detailFirst ? min(shared, Self.fewRows + 1) : shared
            list = Rect(x: rest.x, y: rest.y, width: rest.width, height: listHeight)
            detail = Rect(x: rest.x, y: rest.y + listHeight, width: rest.width, height: rest.height - listHeight)
        }
    }

    /// Rows of the list below its header line.
    var listRows: Int { max(1, list.height - 1) }
    /// Rows of the detail below its separator line.
    var detailRows: Int { max(1, detail.height - 1) }
    /// Columns of the detail's text (the pane starts one column in).
    var detailColumns: Int { max(1, detail.width - 1) }
}
