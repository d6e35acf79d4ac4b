/// The name of something a key can do; apps add their own (`KeyAction("send")`).
public struct KeyAction: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
}

/// One binding: the keys that trigger an action, and the words shown in hints and help.
public struct KeyBinding: Hashable, Sendable {
    public var action: KeyAction
    public var keys: [Key]
    /// Short label for the hint bar, e.g. "down".
    public var label: String
    /// A sentence for the help overlay.
    public var help: String
    /// Heading under which the help overlay lists it.
    public var group: String
    /// Why the action cannot run now, for display: the hint is dimmed and help shows the reason.
    public var disabledReason: String?

    public init(_ action: KeyAction, keys: [Key], label: String, help: String = "", group: String = "General") {
        self.action = action
        self.keys = keys
        self.label = label
        self.help = help
        self.group = group
    }

    /// The keys as the user would type them, e.g. "↓/j".
    public var keyText: String { keys.map(\.description).joined(separator: "/") }
}

/// Key bindings as data: one list drives dispatch, hints and the help overlay.
public struct Keymap: Hashable, Sendable {
    public private(set) var bindings: [KeyBinding]

    public init(_ bindings: [KeyBinding]) { self.bindings = bindings }

    /// The action a key triggers, the first binding winning when two share a key.
    public func action(for key: Key) -> KeyAction? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    public func binding(for action: KeyAction) -> KeyBinding? {
        bindings.first { $0.action == action }
    }

    /// Adds bindings, replacing any with the same action.
    public func merging(_ extra: [KeyBinding]) -> Keymap {
        var copy = self
        for binding in extra {
            if let i = copy.bindings.firstIndex(where: { $0.action == binding.action }) {
                copy.bindings[i] = binding
            } else {
                copy.bindings.append(binding)
            }
        }
        return copy
    }

    /// Applies user overrides (action name → key spellings, as in config.toml's `[keys]` table). The
    /// new keys replace the action's defaults and are taken away from any other action, so one key
    /// never means two things. Unknown actions and bad spellings are errors naming the action.
    public func overriding(_ overrides: [String: [String]]) throws -> Keymap {
        var copy = self
        for name in overrides.keys.sorted() {
            let spellings = overrides[name] ?? []
            guard let index = copy.bindings.firstIndex(where: { $0.action.rawValue == name }) else {
                throw KeymapError.unknownAction(name)
            }
            let keys: [Key]
            do { keys = try spellings.map { try Key(parsing: $0) } } catch let error as KeyParseError {
                throw KeymapError.badKey(action: name, error)
            }
            for i in copy.bindings.indices where i != index {
                copy.bindings[i].keys.removeAll { keys.contains($0) }
            }
            copy.bindings[index].keys = keys
        }
        return copy
    }

    /// Actions shared by every screen, with vim-style alternatives next to the arrows. Nothing here
    /// needs a function key or a mouse.
    public static let standard = Keymap([
        KeyBinding("up", keys: [.up, .character("k")], label: "up", help: "Move up", group: "Navigation"),
        KeyBinding("down", keys: [.down, .character("j")], label: "down", help: "Move down", group: "Navigation"),
        KeyBinding("left", keys: [.left, .character("h")], label: "left", help: "Move left / previous", group: "Navigation"),
        KeyBinding("right", keys: [.right, .character("l")], label: "right", help: "Move right / next", group: "Navigation"),
        KeyBinding("top", keys: [.home, .character("g")], label: "top", help: "Go to the first row", group: "Navigation"),
        KeyBinding("bottom", keys: [.end, .character("G")], label: "bottom", help: "Go to the last row", group: "Navigation"),
        KeyBinding("pageUp", keys: [.pageUp, .ctrl("b")], label: "page up", help: "Scroll one page up", group: "Navigation"),
        KeyBinding("pageDown", keys: [.pageDown, .ctrl("f")], label: "page down", help: "Scroll one page down", group: "Navigation"),
        KeyBinding("nextFocus", keys: [.tab], label: "next", help: "Focus the next widget", group: "Navigation"),
        KeyBinding("previousFocus", keys: [.backTab], label: "previous", help: "Focus the previous widget", group: "Navigation"),
        KeyBinding("search", keys: [.character("/")], label: "search", help: "Search or filter", group: "Search"),
        KeyBinding("nextMatch", keys: [.character("n")], label: "next match", help: "Jump to the next match", group: "Search"),
        KeyBinding("previousMatch", keys: [.character("N")], label: "prev match", help: "Jump to the previous match", group: "Search"),
        KeyBinding("mark", keys: [.character(" ")], label: "mark", help: "Mark or unmark the row", group: "Selection"),
        KeyBinding("confirm", keys: [.enter], label: "open", help: "Open or confirm", group: "General"),
        KeyBinding("cancel", keys: [.escape], label: "back", help: "Close or cancel", group: "General"),
        KeyBinding("help", keys: [.character("?")], label: "help", help: "Show this help", group: "General"),
        KeyBinding("quit", keys: [.character("q"), .ctrl("c")], label: "quit", help: "Quit", group: "General"),
    ])
}

/// A keymap override that could not be applied.
public enum KeymapError: Error, Equatable, CustomStringConvertible {
    case unknownAction(String)
    case badKey(action: String, KeyParseError)

    public var description: String {
        switch self {
        case .unknownAction(let name): return "unknown key action \"\(name)\""
        case .badKey(let action, let error): return "key binding for \"\(action)\": \(error)"
        }
    }
}
