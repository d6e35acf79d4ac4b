/// How wide a column is.
public enum ColumnWidth: Hashable, Sendable {
    /// Exactly this many columns.
    case fixed(Int)
    /// A share of what the fixed columns leave, never below `minimum`.
    case flexible(weight: Int = 1, minimum: Int = 1)
}

public enum ColumnAlignment: Hashable, Sendable { case left, right }

public struct TableColumn: Hashable, Sendable {
    public var title: String
    public var width: ColumnWidth
    public var alignment: ColumnAlignment

    public init(_ title: String, width: ColumnWidth = .flexible(), alignment: ColumnAlignment = .left) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }
}

/// A virtual list or table: it asks for the text of visible rows only, so drawing costs the same
/// for ten rows or a million. A list is a table with one column and no header.
public struct TableView: Sendable {
    public var columns: [TableColumn]
    public var showHeader: Bool
    /// Leave a column for mark glyphs, for lists where rows can be marked.
    public var showMarks: Bool
    public var focused: Bool
    /// Shown when no row is (or, with a filter, matches).
    public var emptyText: String

    public init(columns: [TableColumn], showHeader: Bool = true, showMarks: Bool = false, focused: Bool = true,
                emptyText: String = "(nothing to show)") {
        self.columns = columns
        self.showHeader = showHeader
        self.showMarks = showMarks
        self.focused = focused
        self.emptyText = emptyText
    }

    /// A one-column list without header.
    public static func list(showMarks: Bool = false, focused: Bool = true) -> TableView {
        TableView(columns: [TableColumn("")], showHeader: false, showMarks: showMarks, focused: focused)
    }

    /// Rows available for data in `area`: what `ListState` calls the viewport.
    public func viewportHeight(for area: Rect) -> Int { max(0, area.height - (showHeader ? 1 : 0)) }

    /// Draws the visible rows. `cell(source, column)` gives a row's text for a column and `role`
    /// its colour (a status in green or red), if any; both are called only for rows on screen.
    public func render(
        into buffer: inout ScreenBuffer, area: Rect, state: ListState, total: Int, theme: Theme,
        role: (Int, Int) -> ThemeRole? = { _, _ in nil }, cell: (Int, Int) -> String
    ) {
        guard !area.isEmpty else { return }
        buffer.fill(area, style: theme[.text])
        let markWidth = showMarks ? 2 : 0
        let widths = Self.layout(columns, width: area.width - markWidth)
        var y = area.y
        if showHeader {
            let header = theme[.text].patched(with: theme[.header])
            drawRow(into: &buffer, x: area.x + markWidth, y: y, widths: widths, style: { _ in header }) { columns[$0].title }
            y += 1
        }
        let viewport = viewportHeight(for: area)
        let view = state.clamped(total: total, viewport: viewport)
        let count = view.visibleCount(total: total)
        if count == 0 {
            buffer.draw(emptyText, x: area.x, y: y, width: area.width, style: theme[.text].patched(with: theme[.muted]))
            return
        }
        let last = min(count, view.offset + viewport)
        for position in view.offset..<last {
            let source = view.sourceIndex(at: position)
            var style = theme[.text]
            if position == view.selected {
                style = style.patched(with: focused ? theme[.selection] : theme[.muted].adding(.reverse))
                buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: style)
            }
            if showMarks && view.marks.contains(source) {
                buffer.draw(String(buffer.glyphs.mark), x: area.x, y: y, width: 1, style: style.patched(with: theme[.mark]))
            }
            let rowStyle = style
            drawRow(into: &buffer, x: area.x + markWidth, y: y, widths: widths,
                    style: { column in role(source, column).map { rowStyle.patched(with: theme[$0]) } ?? rowStyle }) { cell(source, $0) }
            y += 1
        }
    }

    private func drawRow(into buffer: inout ScreenBuffer, x: Int, y: Int, widths: [Int], style: (Int) -> Style, text: (Int) -> String) {
        var column = x
        for (index, width) in widths.enumerated() where width > 0 {
            let value = text(index)
            var start = column
            if columns[index].alignment == .right {
                start += max(0, width - value.displayWidth)
            }
            buffer.draw(value, x: start, y: y, width: width - (start - column), style: style(index))
            column += width + 1
        }
    }

    /// Column widths for a total width, one space between columns: fixed columns first, the rest
    /// shared among flexible ones by weight. Columns that no longer fit get width 0.
    public static func layout(_ columns: [TableColumn], width: Int) -> [Int] {
        let gaps = max(0, columns.count - 1)
        var remaining = max(0, width - gaps)
        var widths = Array(repeating: 0, count: columns.count)
        var totalWeight = 0
        for (i, column) in columns.enumerated() {
            switch column.width {
            case .fixed(let n):
                widths[i] = min(n, remaining)
                remaining -= widths[i]
            case .flexible(let weight, let minimum):
                totalWeight += max(1, weight)
                widths[i] = min(minimum, remaining)
                remaining -= widths[i]
            }
        }
        guard totalWeight > 0 else { return widths }
        var leftover = remaining
        let flexible = columns.indices.filter { if case .flexible = columns[$0].width { return true } else { return false } }
        for (n, i) in flexible.enumerated() {
            guard case .flexible(let weight, _) = columns[i].width else { continue }
            let share = n == flexible.count - 1 ? leftover : remaining * max(1, weight) / totalWeight
            widths[i] += share
            leftover -= share
        }
        return widths
    }
}
