/// A key binding whose action is the app's own type (an enum, so a misspelt action does not
/// compile), with a reason it cannot run now. `Context` is what the reason reads (the app's state);
/// the toolkit never looks inside it.
///
/// One list of these feeds dispatch, the hint bar, the help overlay and the command palette, as
/// lazygit's bindings do: a disabled action stays listed and says why instead of doing nothing.
public struct ActionBinding<Action: Hashable & Sendable, Context>: Sendable {
    public var keys: [Key]
    public var action: Action
    /// Short label for the hint bar, e.g. "send".
    public var label: String
    /// A sentence for the help overlay and the palette.
    public var help: String
    /// Heading under which help lists it.
    public var group: String
    /// Why the action cannot run in this context (nil: it can).
    public var disabledReason: @Sendable (Context) -> String?

    public init(_ action: Action, keys: [Key], label: String, help: String = "", group: String = "General",
                disabled: @escaping @Sendable (Context) -> String? = { _ in nil }) {
        self.action = action
        self.keys = keys
        self.label = label
        self.help = help
        self.group = group
        self.disabledReason = disabled
    }

    /// The keys as the user would type them, e.g. "↓/j".
    public var keyText: String { keys.map(\.description).joined(separator: "/") }

    /// What the hint bar and the help overlay draw: the words and keys, and the reason evaluated now.
    public func display(named name: String, in context: Context) -> KeyBinding {
        var shown = KeyBinding(KeyAction(name), keys: keys, label: label, help: help, group: group)
        shown.disabledReason = disabledReason(context)
        return shown
    }
}

/// An ordered list of typed bindings: the first binding with a key wins it.
public struct ActionKeymap<Action: Hashable & Sendable, Context>: Sendable {
    public var bindings: [ActionBinding<Action, Context>]

    public init(_ bindings: [ActionBinding<Action, Context>]) { self.bindings = bindings }

    public func binding(for key: Key) -> ActionBinding<Action, Context>? {
        bindings.first { $0.keys.contains(key) }
    }

    public func binding(for action: Action) -> ActionBinding<Action, Context>? {
        bindings.first { $0.action == action }
    }

    public static func + (lhs: Self, rhs: Self) -> Self { Self(lhs.bindings + rhs.bindings) }
}
