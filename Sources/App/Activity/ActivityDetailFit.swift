import Foundation
import TerminalUI

/// How the Activity screen makes an error response readable at a glance: the detail takes the
/// space, the list keeps a few rows around the selection, and the detail opens scrolled so the
/// response's body is whole on screen (as much of what precedes it as fits above).
extension ActivityState {
    /// Whether the selected exchange is an error response (4xx, 5xx) the operator is looking at,
    /// rather than one passing by while the list follows a running send (the layout would flicker
    /// with every 429 of a throttled send).
    func detailTakesTheSpace(sendRunning: Bool) -> Bool {
        guard let status = selected?.status, status >= 400 else { return false }
        return !(sendRunning && followsTail)
    }

    /// The list as drawn when it keeps only a few rows: the selection with its neighbours.
    func listAroundSelection(rows: Int) -> ListState {
        var around = list
        around.offset = max(0, list.selected - (rows - 1) / 2)
        return around.clamped(total: self.rows.count, viewport: rows)
    }

    /// The detail as drawn in `rows` rows of `columns`. An error response that has just opened, with
    /// the space given to it (`atError`), is wrapped (its message is read whole, not cut at the
    /// edge) and shows the end of the exchange, but never starts below the body's first line.
    func detailShown(rows: Int, columns: Int, atError: Bool) -> TextPaneState {
        guard atError, detailOpensAtError, let anchor = detailErrorAnchor, !detail.lines.isEmpty else { return detail }
        var shown = detail
        shown.wrap = true
        shown.top = min(Self.firstLineFitting(detail.lines, rows: rows, columns: columns, wrap: true),
                        min(anchor, detail.lines.count - 1))
        return shown
    }

    /// The operator scrolls the detail: from where it is shown, and from then on where they put it.
    mutating func takeOverDetail(rows: Int, columns: Int, atError: Bool) {
        detail = detailShown(rows: rows, columns: columns, atError: atError)
        detailOpensAtError = false
    }

    /// Scrolls the detail; a wrapped one (an error's) by its own rows, since a line may take several
    /// and the pane's clamp, counting lines, would stop short of the end.
    mutating func scrollDetail(_ action: KeyAction, rows: Int, columns: Int) -> Bool {
        guard detail.wrap else { return scrollDetail(action, viewport: rows) }
        let last = Self.firstLineFitting(detail.lines, rows: rows, columns: columns, wrap: true)
        let page = max(1, rows - 1)
        let target: Int
        switch action.rawValue {
        case "up": target = detail.top - 1
        case "down": target = detail.top + 1
        case "top": target = 0
        case "bottom": target = last
        case "pageUp": target = detail.top - page
        case "pageDown": target = detail.top + page
        default: return scrollDetail(action, viewport: rows)
        }
        // Past the end only if it was already there (a search match placed it).
        detail.top = min(max(0, target), max(last, detail.top))
        return true
    }

    /// The first line from which the rest of `lines` fits in `rows` rows.
    static func firstLineFitting(_ lines: [String], rows: Int, columns: Int, wrap: Bool) -> Int {
        var left = max(1, rows)
        var first = lines.count
        while first > 0 {
            let needed = wrap ? wrappedRows(lines[first - 1], columns: columns) : 1
            guard needed <= left else { break }
            left -= needed
            first -= 1
        }
        return min(first, max(0, lines.count - 1))
    }

    /// Rows a line takes when wrapped at `columns`, breaking as `TextPaneView` does.
    static func wrappedRows(_ line: String, columns: Int) -> Int {
        var rows = 1, used = 0
        for character in line {
            let width = DisplayWidth.of(character)
            if used + width > columns && used > 0 {
                rows += 1
                used = 0
            }
            used += width
        }
        return rows
    }
}
