/// A row of tab titles with the selected one highlighted; overflow ends in an ellipsis.
public struct TabBar: Sendable {
    public var titles: [String]
    public var selected: Int

    public init(titles: [String], selected: Int) {
        self.titles = titles
        self.selected = selected
    }

    /// The selected index after moving `delta` tabs, wrapping around.
    public func selecting(_ delta: Int) -> TabBar {
        guard !titles.isEmpty else { return self }
        var copy = self
        copy.selected = ((selected + delta) % titles.count + titles.count) % titles.count
        return copy
    }

    public func render(into buffer: inout ScreenBuffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let row = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        buffer.fill(row, style: theme[.text])
        // On a narrow terminal the tabs that are not selected shrink (gaps, then titles), so every
        // number stays visible and the selected tab keeps its name; a shortened title is never
        // shorter than what tells it apart from the others ("Users" and "User" both as "Use" would not).
        let layouts: [(gap: String, shorten: (String) -> String)] = [(" ", { $0 }), ("", { $0 })]
            + Self.distinctPrefixLengths(titles).map { length in ("", { String($0.prefix(length)) }) }
            + [("", { _ in "" })]
        var spans: [Span] = []
        for layout in layouts {
            spans = []
            for (i, title) in titles.enumerated() {
                if i > 0 { spans.append(Span(layout.gap, style: theme[.text])) }
                let role: ThemeRole = i == selected ? .tabActive : .tabInactive
                let shown = i == selected ? title : layout.shorten(title)
                spans.append(Span(shown.isEmpty ? " \(i + 1) " : " \(i + 1) \(shown) ", style: theme[.text].patched(with: theme[role])))
            }
            if spans.reduce(0, { $0 + $1.text.displayWidth }) <= row.width { break }
        }
        buffer.drawSpans(spans, x: row.x, y: row.y, width: row.width)
    }

    /// Prefix lengths, longest first from 5, at which every title is still told apart from every other.
    static func distinctPrefixLengths(_ titles: [String]) -> [Int] {
        (1...5).reversed().filter { length in
            let prefixes = titles.map { $0.prefix(length).lowercased() }
            return Set(prefixes).count == titles.count
        }
    }
}

/// Severity of a status message, choosing its colour.
public enum MessageLevel: Sendable, Hashable { case info, success, warning, error }

/// The bottom line: mode on the left, then a message if there is one, otherwise key hints taken
/// from the keymap (so hints can never disagree with what keys do).
public struct StatusLine: Sendable {
    public var mode: String
    public var hints: [KeyBinding]
    public var message: (text: String, level: MessageLevel)?
    /// How many of the last hints stay when the line is too narrow for all (help, quit): the hints
    /// before them are dropped from the right, and "…" marks where, so the way to the rest is never cut.
    public var pinned: Int

    public init(mode: String, hints: [KeyBinding] = [], message: (text: String, level: MessageLevel)? = nil, pinned: Int = 0) {
        self.mode = mode
        self.hints = hints
        self.message = message
        self.pinned = pinned
    }

    public func render(into buffer: inout ScreenBuffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let bar = theme[.text].patched(with: theme[.statusBar])
        let row = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        buffer.fill(row, style: bar)
        var spans = [Span(" \(mode) ", style: bar.patched(with: theme[.accent]).adding(.bold)), Span(" ", style: bar)]
        if let message {
            let role: ThemeRole = switch message.level {
            case .info: .text
            case .success: .success
            case .warning: .warning
            case .error: .error
            }
            spans.append(Span(message.text, style: message.level == .info ? bar : theme[.text].patched(with: theme[role])))
        } else {
            let lead = spans.reduce(0) { $0 + $1.text.displayWidth }
            spans += hintSpans(fitting: row.width - lead, bar: bar)
        }
        buffer.drawSpans(spans, x: row.x, y: row.y, width: row.width)
    }

    /// Prefix lengths, longest first from 5, at which every title is still told apart from every other.
    static func distinctPrefixLengths(_ titles: [String]) -> [Int] {
        (1...5).reversed().filter { length in
            let prefixes = titles.map { $0.prefix(length).lowercased() }
            return Set(prefixes).count == titles.count
        }
    }

    /// The hints, all of them when they fit; otherwise the first ones that fit beside the pinned
    /// last ones, with "…" between.
    private func hintSpans(fitting width: Int, bar: Style) -> [Span] {
        func spans(_ shown: [KeyBinding], gapAfter: Int?) -> [Span] {
            var out: [Span] = []
            for (i, hint) in shown.enumerated() {
                if i > 0 { out.append(Span(i == gapAfter ? "  …  " : "  ", style: bar)) }
                // A disabled hint stays in place, dimmed: the key still answers, with its reason.
                let style = hint.disabledReason == nil ? bar : bar.adding(.dim)
                out.append(Span(hint.keyText, style: hint.disabledReason == nil ? style.adding(.bold) : style))
                out.append(Span(" " + hint.label, style: style))
            }
            return out
        }
        func fits(_ s: [Span]) -> Bool { s.reduce(0) { $0 + $1.text.displayWidth } <= width }
        let all = spans(hints, gapAfter: nil)
        let kept = min(max(0, pinned), hints.count)
        guard !fits(all), kept > 0, kept < hints.count else { return all }
        let tail = Array(hints.suffix(kept))
        for count in stride(from: hints.count - kept - 1, through: 0, by: -1) {
            let shown = Array(hints.prefix(count)) + tail
            let candidate = spans(shown, gapAfter: count == 0 ? nil : count)
            if fits(candidate) { return candidate }
        }
        return spans(tail, gapAfter: nil)
    }
}
