/// How text that does not fit is cut.
public enum Truncation: Sendable {
    /// Cut at the edge.
    case clip
    /// Cut one column early and show an ellipsis, so a reader knows there is more.
    case ellipsis
}

/// A run of text with one style; lines of the text pane, status line and hints are made of spans.
public struct Span: Hashable, Sendable {
    public var text: String
    public var style: Style
    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

extension ScreenBuffer {
    /// Draws `text` at (x, y) within `width` columns, sanitising it first. A wide character that would
    /// straddle the limit is replaced by a blank rather than split. Returns the columns used.
    @discardableResult
    public mutating func draw(
        _ text: String, x: Int, y: Int, width: Int? = nil, style: Style = .plain,
        truncation: Truncation = .ellipsis
    ) -> Int {
        drawSpans([Span(text, style: style)], x: x, y: y, width: width, truncation: truncation)
    }

    /// Draws styled spans one after another on a row, with the same clipping rules as `draw`.
    @discardableResult
    public mutating func drawSpans(
        _ spans: [Span], x: Int, y: Int, width: Int? = nil, truncation: Truncation = .ellipsis
    ) -> Int {
        guard y >= 0, y < size.height else { return 0 }
        let limit = min(x + (width ?? size.width), size.width)
        guard limit > x else { return 0 }
        let clean = spans.map { Span(Sanitizer.clean($0.text), style: $0.style) }
        let total = clean.reduce(0) { $0 + $1.text.displayWidth }
        let fits = total <= limit - max(x, 0)
        let useEllipsis = !fits && truncation == .ellipsis
        let textLimit = useEllipsis ? limit - 1 : limit
        var column = x
        var lastStyle = clean.last?.style ?? .plain
        outer: for span in clean {
            lastStyle = span.style
            if DisplayWidth.isPrintableASCII(span.text) {
                for byte in span.text.utf8 {
                    if column + 1 > textLimit { break outer }
                    if column >= 0 { putASCII(byte, x: column, y: y, style: span.style) }
                    column += 1
                }
                continue
            }
            for character in span.text {
                let w = DisplayWidth.of(character)
                if w == 0 { continue }
                if column + w > textLimit {
                    // A wide glyph that cannot fit leaves a blank, never half a glyph.
                    if w == 2 && column < textLimit && !useEllipsis { put(" ", width: 1, x: column, y: y, style: span.style); column += 1 }
                    break outer
                }
                if column >= 0 { put(String(character), width: w, x: column, y: y, style: span.style) }
                column += w
            }
        }
        if useEllipsis {
            while column < textLimit { put(" ", width: 1, x: column, y: y, style: lastStyle); column += 1 }
            put(String(glyphs.ellipsis), width: 1, x: column, y: y, style: lastStyle)
            column += 1
        }
        return column - x
    }

    /// Fills an area with one character (a space by default) in a style.
    public mutating func fill(_ area: Rect, with character: Character = " ", style: Style = .plain) {
        let clip = area.intersection(bounds)
        guard !clip.isEmpty else { return }
        let w = max(1, DisplayWidth.of(character))
        for y in clip.y..<clip.maxY {
            var x = clip.x
            while x + w <= clip.maxX {
                put(String(character), width: w, x: x, y: y, style: style)
                x += w
            }
            if x < clip.maxX { put(" ", width: 1, x: x, y: y, style: style) }
        }
    }

    /// Draws a horizontal rule.
    public mutating func horizontalLine(x: Int, y: Int, width: Int, style: Style = .plain) {
        fill(Rect(x: x, y: y, width: width, height: 1), with: glyphs.horizontal, style: style)
    }

    /// Draws a vertical rule.
    public mutating func verticalLine(x: Int, y: Int, height: Int, style: Style = .plain) {
        fill(Rect(x: x, y: y, width: 1, height: height), with: glyphs.vertical, style: style)
    }

    /// Draws a border around `area` with an optional title in its top edge; returns the inner area.
    @discardableResult
    public mutating func box(_ area: Rect, title: String? = nil, style: Style = .plain, titleStyle: Style? = nil) -> Rect {
        guard area.width >= 2, area.height >= 2 else { return Rect(x: area.x, y: area.y, width: 0, height: 0) }
        let g = glyphs
        horizontalLine(x: area.x + 1, y: area.y, width: area.width - 2, style: style)
        horizontalLine(x: area.x + 1, y: area.maxY - 1, width: area.width - 2, style: style)
        verticalLine(x: area.x, y: area.y + 1, height: area.height - 2, style: style)
        verticalLine(x: area.maxX - 1, y: area.y + 1, height: area.height - 2, style: style)
        put(g.topLeft, x: area.x, y: area.y, style: style)
        put(g.topRight, x: area.maxX - 1, y: area.y, style: style)
        put(g.bottomLeft, x: area.x, y: area.maxY - 1, style: style)
        put(g.bottomRight, x: area.maxX - 1, y: area.maxY - 1, style: style)
        if let title, !title.isEmpty, area.width > 4 {
            draw(" \(title) ", x: area.x + 1, y: area.y, width: area.width - 2, style: titleStyle ?? style)
        }
        return area.inset(by: 1)
    }
}
