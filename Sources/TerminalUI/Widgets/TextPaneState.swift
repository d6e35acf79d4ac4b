import Foundation

/// Where a search query was found: a line and a range of character positions in it.
public struct TextMatch: Hashable, Sendable {
    public var line: Int
    public var range: Range<Int>
}

/// A read-only document being viewed: scroll position, wrap and line-number settings, and search.
///
/// The text is sanitised and its tabs expanded once, on the way in, so searching and drawing work on
/// exactly what is shown.
public struct TextPaneState: Equatable, Sendable {
    public private(set) var lines: [String]
    /// First line on screen.
    public var top: Int
    /// First column on screen when not wrapping.
    public var left: Int
    public var wrap: Bool
    public var lineNumbers: Bool
    public private(set) var query: String
    public private(set) var matches: [TextMatch]
    /// Index into `matches` of the current one (the one n/N moved to).
    public private(set) var currentMatch: Int?

    public init(text: String, wrap: Bool = false, lineNumbers: Bool = false, tabWidth: Int = 4) {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        lines = normalized.split(separator: "\n", omittingEmptySubsequences: false)
            .map { Self.expandTabs(String($0), width: tabWidth) }
        if lines.count > 1 && lines.last == "" { lines.removeLast() }
        top = 0
        left = 0
        self.wrap = wrap
        self.lineNumbers = lineNumbers
        query = ""
        matches = []
        currentMatch = nil
    }

    /// Scrolls by lines (vertical) and columns (horizontal, ignored when wrapping), clamped.
    public func scrolled(lines delta: Int = 0, columns: Int = 0, viewport: Int) -> TextPaneState {
        var copy = self
        copy.top = min(max(0, top + delta), max(0, lines.count - max(1, viewport)))
        copy.left = wrap ? 0 : max(0, left + columns)
        return copy
    }

    /// Finds every case-insensitive occurrence of `query` and jumps to the first at or after the top.
    public func searching(_ newQuery: String, viewport: Int) -> TextPaneState {
        var copy = self
        copy.query = newQuery
        copy.matches = Self.find(newQuery, in: lines)
        copy.currentMatch = copy.matches.firstIndex { $0.line >= top } ?? (copy.matches.isEmpty ? nil : 0)
        return copy.revealingCurrent(viewport: viewport)
    }

    /// n: the next match, wrapping to the first.
    public func nextMatch(viewport: Int) -> TextPaneState { steppingMatch(1, viewport: viewport) }
    /// N: the previous match, wrapping to the last.
    public func previousMatch(viewport: Int) -> TextPaneState { steppingMatch(-1, viewport: viewport) }

    private func steppingMatch(_ step: Int, viewport: Int) -> TextPaneState {
        guard !matches.isEmpty else { return self }
        var copy = self
        let current = currentMatch ?? (step > 0 ? -1 : 0)
        copy.currentMatch = ((current + step) % matches.count + matches.count) % matches.count
        return copy.revealingCurrent(viewport: viewport)
    }

    private func revealingCurrent(viewport: Int) -> TextPaneState {
        guard let index = currentMatch else { return self }
        let line = matches[index].line
        var copy = self
        if line < top || line >= top + viewport { copy.top = max(0, line - viewport / 3) }
        return copy.scrolled(viewport: viewport)
    }

    /// The standard actions: scrolling, top/bottom, paging, n/N.
    public func handling(_ action: KeyAction, viewport: Int) -> TextPaneState? {
        switch action.rawValue {
        case "up": return scrolled(lines: -1, viewport: viewport)
        case "down": return scrolled(lines: 1, viewport: viewport)
        case "left": return scrolled(columns: -4, viewport: viewport)
        case "right": return scrolled(columns: 4, viewport: viewport)
        case "top": return scrolled(lines: -top, viewport: viewport)
        case "bottom": return scrolled(lines: lines.count, viewport: viewport)
        case "pageUp": return scrolled(lines: -max(1, viewport - 1), viewport: viewport)
        case "pageDown": return scrolled(lines: max(1, viewport - 1), viewport: viewport)
        case "nextMatch": return nextMatch(viewport: viewport)
        case "previousMatch": return previousMatch(viewport: viewport)
        default: return nil
        }
    }

    static func find(_ query: String, in lines: [String]) -> [TextMatch] {
        let needle = Array(query.lowercased())
        guard !needle.isEmpty else { return [] }
        var found: [TextMatch] = []
        for (index, line) in lines.enumerated() {
            let hay = line.map { Character($0.lowercased()) }
            guard hay.count >= needle.count else { continue }
            var i = 0
            while i <= hay.count - needle.count {
                if hay[i..<(i + needle.count)].elementsEqual(needle) {
                    found.append(TextMatch(line: index, range: i..<(i + needle.count)))
                    i += needle.count
                } else {
                    i += 1
                }
            }
        }
        return found
    }

    /// Sanitises a line and turns its tabs into spaces up to the next tab stop, measuring columns
    /// after sanitising so placeholders do not shift the stops.
    static func expandTabs(_ line: String, width: Int) -> String {
        guard line.contains("\t") else { return Sanitizer.clean(line) }
        var out = ""
        var column = 0
        let pieces = line.split(separator: "\t", omittingEmptySubsequences: false)
        for (index, piece) in pieces.enumerated() {
            let clean = Sanitizer.clean(String(piece))
            out += clean
            column += clean.displayWidth
            guard index < pieces.count - 1 else { break }
            let spaces = width - column % width
            out += String(repeating: " ", count: spaces)
            column += spaces
        }
        return out
    }
}
