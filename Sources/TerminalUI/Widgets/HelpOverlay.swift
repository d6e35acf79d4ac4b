/// The help screen, generated from the keymap so it always tells the truth about the keys.
public struct HelpOverlay: Sendable {
    public var keymap: Keymap
    public var title: String

    public init(keymap: Keymap, title: String = "Keys") {
        self.keymap = keymap
        self.title = title
    }

    /// The lines of help text: a heading per group, then "keys  help" rows, keys aligned.
    public func lines() -> [(text: String, isHeading: Bool)] {
        var groups: [String] = []
        for binding in keymap.bindings where !groups.contains(binding.group) { groups.append(binding.group) }
        let keyWidth = keymap.bindings.map { $0.keyText.displayWidth }.max() ?? 0
        var out: [(String, Bool)] = []
        for group in groups {
            if !out.isEmpty { out.append(("", false)) }
            out.append((group, true))
            for binding in keymap.bindings where binding.group == group && !binding.keys.isEmpty {
                let keys = binding.keyText
                let pad = String(repeating: " ", count: keyWidth - keys.displayWidth)
                out.append(("  \(keys)\(pad)  \(binding.help.isEmpty ? binding.label : binding.help)", false))
                if let reason = binding.disabledReason {
                    out.append(("  \(String(repeating: " ", count: keyWidth))  (now: \(reason))", false))
                }
            }
        }
        return out
    }

    /// The furthest `scroll` that still shows something new on a screen `height` rows tall: scrolling
    /// stops at the last line instead of running on into blank rows.
    public func maxScroll(height: Int) -> Int {
        let count = lines().count
        return max(0, count - max(0, min(height, count + 2) - 2))
    }

    /// Draws the help in a centred box; `scroll` skips lines when the screen is short.
    public func render(into buffer: inout ScreenBuffer, area: Rect, theme: Theme, scroll: Int = 0) {
        let content = lines()
        let width = min(area.width, (content.map { $0.text.displayWidth }.max() ?? 0) + 4)
        let box = area.centered(width: width, height: content.count + 2)
        let base = theme[.text].patched(with: theme[.dialog])
        buffer.fill(box, style: base)
        let inner = buffer.box(box, title: title, style: base.patched(with: theme[.border]), titleStyle: base.patched(with: theme[.title]))
        for (row, line) in content.dropFirst(max(0, scroll)).prefix(inner.height).enumerated() {
            let style = line.isHeading ? base.patched(with: theme[.header]) : base
            buffer.draw(line.text, x: inner.x + 1, y: inner.y + row, width: inner.width - 1, style: style)
        }
    }
}
