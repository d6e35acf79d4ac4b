import TerminalUI

/// One action the palette offers: its binding, and the screen it belongs to (nil: any screen).
public struct PaletteEntry: Sendable {
    public var binding: AppBinding
    public var screen: Screen?
    public var title: String { binding.help.isEmpty ? binding.label : binding.help }
}

/// The command palette: every action by name, filtered as you type, run with Enter. Built from
/// the same keymaps as dispatch, so it lists exactly what the keys do; a disabled action is listed
/// with its reason, and Enter on it puts the reason in the status line.
public struct PaletteState: Equatable, Sendable {
    public var field = TextFieldState()
    public var selected = 0

    public init() {}

    public static func entries(_ keymaps: AppKeymap) -> [PaletteEntry] {
        var out: [PaletteEntry] = []
        for screen in Screen.allCases {
            for binding in keymaps.keymap(for: screen).bindings {
                out.append(PaletteEntry(binding: binding, screen: screen))
            }
        }
        out += keymaps.global.bindings.map { PaletteEntry(binding: $0, screen: nil) }
        return out
    }

    public func matches(_ keymaps: AppKeymap) -> [PaletteEntry] {
        let words = field.text.lowercased().split(separator: " ")
        return Self.entries(keymaps).filter { entry in
            let hay = (entry.title + " " + (entry.screen?.title ?? "") + " " + entry.binding.action.name).lowercased()
            return words.allSatisfy { hay.contains($0) }
        }
    }
}

/// Draws the palette centred over the screen.
struct PaletteView {
    var state: PaletteState
    var app: AppState
    var theme: Theme

    func render(into frame: inout ScreenBuffer, area: Rect) -> Point? {
        let entries = state.matches(app.keymaps)
        let width = min(area.width - 4, 76)
        let height = min(area.height - 2, max(6, entries.count + 4))
        let box = area.centered(width: width, height: height)
        let base = theme[.text].patched(with: theme[.dialog])
        frame.fill(box, style: base)
        let inner = frame.box(box, title: "Commands", style: base.patched(with: theme[.border]), titleStyle: base.patched(with: theme[.title]))
        frame.draw(":", x: inner.x, y: inner.y, width: 1, style: base.patched(with: theme[.accent]))
        let cursor = TextFieldView(placeholder: "type to find an action").render(
            state.field, into: &frame, area: Rect(x: inner.x + 2, y: inner.y, width: inner.width - 2, height: 1), theme: theme)
        let rows = max(0, inner.height - 2)
        let selected = min(state.selected, max(0, entries.count - 1))
        let first = max(0, selected - rows + 1)
        for (n, entry) in entries.dropFirst(first).prefix(rows).enumerated() {
            let y = inner.y + 2 + n
            let style = first + n == selected ? base.patched(with: theme[.selection]) : base
            frame.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: style)
            let keys = entry.binding.keyText
            let scope = entry.screen.map { "[\($0.title)] " } ?? ""
            // A disabled action is listed with its reason (dimmed) in place of its description.
            let reason = entry.screen == nil || entry.screen == app.screen ? entry.binding.disabledReason(app) : nil
            let what = reason.map { Span("\(entry.binding.label): \($0)", style: style.adding(.dim)) } ?? Span(entry.title, style: style)
            frame.drawSpans([Span(scope, style: style.patched(with: theme[.muted])), what],
                            x: inner.x + 1, y: y, width: inner.width - keys.displayWidth - 3)
            frame.draw(keys, x: inner.maxX - keys.displayWidth - 1, y: y, width: keys.displayWidth, style: style.patched(with: theme[.accent]))
        }
        if entries.isEmpty {
            frame.draw("no action matches", x: inner.x + 1, y: inner.y + 2, width: inner.width - 2, style: base.patched(with: theme[.muted]))
        }
        return cursor
    }
}
