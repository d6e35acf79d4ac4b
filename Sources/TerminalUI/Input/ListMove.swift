/// The movements every list and text pane understands. Apps wrap it in their own action enums
/// (`.move(ListMove)`), so a screen's switch over its actions stays exhaustive while the widgets
/// keep one meaning for "down".
public enum ListMove: String, CaseIterable, Hashable, Sendable {
    case up, down, left, right, top, bottom, pageUp, pageDown, nextMatch, previousMatch

    /// The vertical moves a list of rows takes (no sideways scroll, no search matches).
    public static let rows: [ListMove] = [.up, .down, .top, .bottom, .pageUp, .pageDown]

    /// The movement `Keymap.standard` binds to this key, if any.
    public init?(key: Key) {
        guard let name = Keymap.standard.action(for: key)?.rawValue else { return nil }
        self.init(rawValue: name)
    }

    /// The toolkit's named action for this move (the string keymap and the demo use names).
    public var keyAction: KeyAction { KeyAction(rawValue) }

    /// The standard binding's keys, label and help for this move.
    public var standardBinding: KeyBinding? { Keymap.standard.binding(for: keyAction) }
}

extension ListState {
    /// The list after a move; nil when the list has no meaning for it (sideways, matches).
    public func handling(_ move: ListMove, total: Int, viewport: Int) -> ListState? {
        handling(move.keyAction, total: total, viewport: viewport)
    }
}

extension TextPaneState {
    /// The pane after a move: scrolling in both directions, paging and the search matches.
    public func handling(_ move: ListMove, viewport: Int) -> TextPaneState? {
        handling(move.keyAction, viewport: viewport)
    }
}
