/// Draws a one-line text field, scrolled so the cursor is always visible.
public struct TextFieldView: Sendable {
    /// Shows one bullet per character instead of the text, for secrets.
    public var masked: Bool
    public var focused: Bool
    /// Shown dimmed when the field is empty.
    public var placeholder: String

    public init(masked: Bool = false, focused: Bool = true, placeholder: String = "") {
        self.masked = masked
        self.focused = focused
        self.placeholder = placeholder
    }

    /// Draws the field on the first row of `area`; returns where the cursor belongs when focused.
    @discardableResult
    public func render(_ state: TextFieldState, into buffer: inout ScreenBuffer, area: Rect, theme: Theme) -> Point? {
        guard area.width > 0, area.height > 0 else { return nil }
        let row = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        let base = theme[.text].patched(with: focused ? theme[.focus] : Style()).adding(.underline)
        buffer.fill(row, style: base)
        if state.characters.isEmpty {
            if !placeholder.isEmpty {
                buffer.draw(placeholder, x: row.x, y: row.y, width: row.width, style: base.patched(with: theme[.muted]))
            }
            return focused ? Point(x: row.x, y: row.y) : nil
        }
        let shown = masked ? Array(repeating: maskGlyph(buffer.glyphs), count: state.characters.count) : state.characters.map { Sanitizer.clean(String($0)) }
        let widths = shown.map(\.displayWidth)
        let first = Self.firstVisible(widths: widths, cursor: state.cursor, width: row.width)
        var x = row.x
        for i in first..<shown.count {
            if x + widths[i] > row.maxX { break }
            buffer.draw(shown[i], x: x, y: row.y, width: row.maxX - x, style: base, truncation: .clip)
            x += widths[i]
        }
        let cursorX = row.x + widths[first..<state.cursor].reduce(0, +)
        return focused ? Point(x: min(cursorX, row.maxX - 1), y: row.y) : nil
    }

    private func maskGlyph(_ glyphs: Glyphs) -> String { glyphs == .ascii ? "*" : "•" }

    /// The first character to draw so that the cursor (which may sit after the last character)
    /// fits in `width` columns; scrolls only when it must.
    static func firstVisible(widths: [Int], cursor: Int, width: Int) -> Int {
        guard width > 0 else { return cursor }
        var first = cursor
        var used = 1 // the cursor cell itself
        while first > 0 && used + widths[first - 1] <= width {
            first -= 1
            used += widths[first]
        }
        // Prefer showing from the start when everything up to the cursor fits.
        return first
    }
}
