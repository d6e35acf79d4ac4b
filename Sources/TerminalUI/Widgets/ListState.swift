/// Selection, scroll position, marks and filter of a list or table, as a plain value.
///
/// Positions count rows as shown (after filtering); marks hold source indices so they survive a
/// change of filter. Every change returns a new value, keeping the selection inside the rows and on
/// screen for a viewport of the given height.
public struct ListState: Equatable, Sendable {
    /// Position of the selected row among the shown rows.
    public var selected: Int
    /// Position of the first row on screen.
    public var offset: Int
    /// Marked rows, by source index.
    public var marks: Set<Int>
    public var filter: ListFilter

    public init(selected: Int = 0, offset: Int = 0, marks: Set<Int> = [], filter: ListFilter = ListFilter()) {
        self.selected = selected
        self.offset = offset
        self.marks = marks
        self.filter = filter
    }

    /// How many rows are shown out of `total` source rows.
    public func visibleCount(total: Int) -> Int { filter.matches?.count ?? total }

    /// The source index of a shown position.
    public func sourceIndex(at position: Int) -> Int { filter.matches?[position] ?? position }

    /// The source index of the selected row, or nil when nothing is shown.
    public func selectedSource(total: Int) -> Int? {
        let count = visibleCount(total: total)
        return count == 0 ? nil : sourceIndex(at: min(max(0, selected), count - 1))
    }

    /// Moves the selection by `delta` rows, clamped, scrolling just enough to keep it visible.
    public func moved(by delta: Int, total: Int, viewport: Int) -> ListState {
        var copy = self
        copy.selected = selected + delta
        return copy.clamped(total: total, viewport: viewport)
    }

    public func movedToTop(total: Int, viewport: Int) -> ListState { moved(by: -selected, total: total, viewport: viewport) }

    public func movedToBottom(total: Int, viewport: Int) -> ListState {
        moved(by: visibleCount(total: total), total: total, viewport: viewport)
    }

    /// Moves a page (the viewport height less one row of context) up or down.
    public func paged(_ pages: Int, total: Int, viewport: Int) -> ListState {
        moved(by: pages * max(1, viewport - 1), total: total, viewport: viewport)
    }

    /// Marks or unmarks the selected row, then moves down, so marking a run of rows is quick.
    public func togglingMark(total: Int, viewport: Int) -> ListState {
        guard let source = selectedSource(total: total) else { return self }
        var copy = self
        if copy.marks.contains(source) { copy.marks.remove(source) } else { copy.marks.insert(source) }
        return copy.moved(by: 1, total: total, viewport: viewport)
    }

    /// Applies a new filter query, keeping the selection on the same source row when it still shows.
    public func filtering(_ query: String, total: Int, viewport: Int, text: (Int) -> String) -> ListState {
        let previous = selectedSource(total: total)
        var copy = self
        copy.filter = filter.updated(query: query, total: total, text: text)
        if let previous, let matches = copy.filter.matches, let kept = matches.firstIndex(of: previous) {
            copy.selected = kept
        } else if let previous, copy.filter.matches == nil {
            copy.selected = previous
        } else {
            copy.selected = 0
        }
        return copy.clamped(total: total, viewport: viewport)
    }

    /// Keeps the selection in range and on screen.
    public func clamped(total: Int, viewport: Int) -> ListState {
        var copy = self
        let count = visibleCount(total: total)
        copy.selected = count == 0 ? 0 : min(max(0, selected), count - 1)
        let height = max(1, viewport)
        if copy.selected < copy.offset { copy.offset = copy.selected }
        if copy.selected >= copy.offset + height { copy.offset = copy.selected - height + 1 }
        copy.offset = max(0, min(copy.offset, max(0, count - height)))
        return copy
    }

    /// The standard navigation actions (up, down, top, bottom, pages, mark); nil for anything else.
    public func handling(_ action: KeyAction, total: Int, viewport: Int) -> ListState? {
        switch action.rawValue {
        case "up": return moved(by: -1, total: total, viewport: viewport)
        case "down": return moved(by: 1, total: total, viewport: viewport)
        case "top": return movedToTop(total: total, viewport: viewport)
        case "bottom": return movedToBottom(total: total, viewport: viewport)
        case "pageUp": return paged(-1, total: total, viewport: viewport)
        case "pageDown": return paged(1, total: total, viewport: viewport)
        case "mark": return togglingMark(total: total, viewport: viewport)
        default: return nil
        }
    }
}

/// An incremental, case-insensitive substring filter over source rows.
///
/// Typing one more character only re-checks the rows that already matched, so narrowing a large list
/// gets cheaper as the query grows.
public struct ListFilter: Equatable, Sendable {
    public private(set) var query: String
    /// Source indices that match, in order; nil when there is no filter.
    public private(set) var matches: [Int]?

    public init() {
        query = ""
        matches = nil
    }

    public var isActive: Bool { matches != nil }

    public func updated(query newQuery: String, total: Int, text: (Int) -> String) -> ListFilter {
        var copy = ListFilter()
        copy.query = newQuery
        let needle = newQuery.lowercased()
        guard !needle.isEmpty else { return copy }
        let narrowing = matches != nil && !query.isEmpty && needle.hasPrefix(query.lowercased())
        let candidates: [Int] = narrowing ? (matches ?? []) : Array(0..<total)
        copy.matches = candidates.filter { text($0).lowercased().contains(needle) }
        return copy
    }
}
