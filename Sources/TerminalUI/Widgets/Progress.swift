/// A spinner for work of unknown length; the app advances `frame` on a timer tick.
public struct Spinner: Hashable, Sendable {
    public var frame: Int
    public init(frame: Int = 0) { self.frame = frame }

    public func advanced() -> Spinner { Spinner(frame: frame &+ 1) }

    public func glyph(_ glyphs: Glyphs) -> Character {
        glyphs.spinner[((frame % glyphs.spinner.count) + glyphs.spinner.count) % glyphs.spinner.count]
    }

    public func render(label: String, into buffer: inout ScreenBuffer, at point: Point, width: Int, theme: Theme) {
        let spans = [Span(String(glyph(buffer.glyphs)), style: theme[.text].patched(with: theme[.accent])),
                     Span(" " + label, style: theme[.text])]
        buffer.drawSpans(spans, x: point.x, y: point.y, width: width)
    }
}

/// A progress bar with a percentage, e.g. `[████░░░░░░]  40%`, for work of known length.
public struct ProgressBar: Hashable, Sendable {
    public var completed: Int
    public var total: Int

    public init(completed: Int, total: Int) {
        self.completed = completed
        self.total = total
    }

    /// The fraction done, 0…1; an empty job counts as done.
    public var fraction: Double {
        guard total > 0 else { return 1 }
        return min(1, max(0, Double(completed) / Double(total)))
    }

    public func render(into buffer: inout ScreenBuffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let percent = Int((fraction * 100).rounded(.down))
        let label = " " + String(repeating: " ", count: max(0, 3 - String(percent).count)) + "\(percent)%"
        let barWidth = area.width - 2 - label.count
        guard barWidth > 0 else {
            buffer.draw(label.trimmingSpaces, x: area.x, y: area.y, width: area.width, style: theme[.text])
            return
        }
        let filled = Int((fraction * Double(barWidth)).rounded(.down))
        let glyphs = buffer.glyphs
        let spans = [
            Span("[", style: theme[.text]),
            Span(String(repeating: glyphs.barFull, count: filled), style: theme[.text].patched(with: theme[.success])),
            Span(String(repeating: glyphs.barEmpty, count: barWidth - filled), style: theme[.text].patched(with: theme[.muted])),
            Span("]" + label, style: theme[.text]),
        ]
        buffer.drawSpans(spans, x: area.x, y: area.y, width: area.width)
    }
}
