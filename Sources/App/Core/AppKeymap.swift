import TerminalUI

/// A binding of the app: a typed command, its keys and words, and why it cannot run now.
public typealias AppBinding = ActionBinding<AppCommand, AppState>

/// Every key binding of the app as data, one keymap per screen plus the global one. The same lists
/// drive dispatch, the hint bar, the help overlay and the command palette, so none of them can
/// disagree with what a key does.
///
/// Screens that hold text fields (Connect, User) get printable keys typed into the field first;
/// that is why every global action also has a key that is not text (alt-1, ctrl-p, F1, ctrl-c).
public struct AppKeymap: Sendable {
    public var global: ActionKeymap<AppCommand, AppState>
    public var screens: [Screen: ActionKeymap<AppCommand, AppState>]

    public func keymap(for screen: Screen) -> ActionKeymap<AppCommand, AppState> { screens[screen] ?? ActionKeymap([]) }

    /// The screen's bindings first (they win on a shared key), then the global ones.
    public func combined(for screen: Screen) -> ActionKeymap<AppCommand, AppState> { keymap(for: screen) + global }

    /// The commands the hint bar offers on a screen: the few a newcomer needs. Each must be bound on
    /// that screen (a test holds every hint to it).
    public static func hintCommands(for screen: Screen) -> [AppCommand] {
        switch screen {
        case .connect: return ConnectKeymap.hints
        case .users: return UsersKeymap.hints
        case .form: return FormKeymap.hints
        case .preview: return PreviewKeymap.hints
        case .activity: return ActivityKeymap.hints
        case .logs: return LogsKeymap.hints
        }
    }

    /// Hint commands for the user form when the cursor is on an email, phone number or address.
    public static let entryHintCommands = FormKeymap.entryHints

    /// The bindings behind hint commands on a screen.
    public func hints(_ commands: [AppCommand], on screen: Screen) -> [AppBinding] {
        let map = combined(for: screen)
        return commands.compactMap { map.binding(for: $0) }
    }

    /// The toolkit's movement keys (in its order), wrapped in a screen's command and listed under
    /// its group in help and the palette.
    static func movement(_ group: String, _ moves: [ListMove] = ListMove.rows, _ wrap: (ListMove) -> AppCommand) -> [AppBinding] {
        ListMove.allCases.filter { moves.contains($0) }.compactMap { move in
            move.standardBinding.map { AppBinding(wrap(move), keys: $0.keys, label: $0.label, help: $0.help, group: group) }
        }
    }

    private static func b(_ command: GlobalCommand, _ keys: [Key], _ label: String, _ help: String, _ group: String,
                          disabled: @escaping @Sendable (AppState) -> String? = { _ in nil }) -> AppBinding {
        AppBinding(.global(command), keys: keys, label: label, help: help, group: group, disabled: disabled)
    }

    public static let standard = AppKeymap(
        global: ActionKeymap([
            b(.nextScreen, [.tab], "screen", "Next screen", "Screens"),
            b(.previousScreen, [.backTab], "prev screen", "Previous screen", "Screens"),
            b(.screen(.connect), [.character("1"), .alt("1")], "connect", "Go to Connect", "Screens"),
            b(.screen(.users), [.character("2"), .alt("2")], "users", "Go to Users", "Screens"),
            b(.screen(.form), [.character("3"), .alt("3")], "user", "Go to the user form", "Screens"),
            b(.screen(.preview), [.character("4"), .alt("4")], "preview", "Go to Preview", "Screens"),
            b(.screen(.activity), [.character("5"), .alt("5")], "activity", "Go to Activity: every request and response", "Screens"),
            b(.screen(.logs), [.character("6"), .alt("6")], "logs", "Go to Logs: what Entra did with each user", "Screens"),
            b(.help, [.character("?"), .function(1), .alt("h")], "help", "Show the keys", "General"),
            b(.palette, [.character(":"), .ctrl("p")], "commands", "Command palette: every action by name", "General"),
            b(.openFile, [.ctrl("o")], "open", "Open a JSON payload or CSV into the workspace", "General"),
            b(.problems, [.character("!"), .function(4)], "problems", "Problems: every finding of the file and the users, with line:column and the fix", "General"),
            b(.send, [.function(5), .alt("s")], "send", "Send users to Entra (all, the marked ones, or this document)", "Send",
              disabled: sendUnavailable),
            b(.toggleActivity, [.function(2), .alt("a")], "activity pane", "Show or hide the Activity pane under any screen", "Send"),
            b(.quit, [.character("q"), .ctrl("c")], "quit", "Quit (asks when changes were not sent)", "General"),
        ]),
        screens: [
            .connect: ActionKeymap(ConnectKeymap.bindings),
            .users: ActionKeymap(UsersKeymap.bindings),
            .form: ActionKeymap(FormKeymap.bindings),
            .preview: ActionKeymap(PreviewKeymap.bindings),
            .activity: ActionKeymap(ActivityKeymap.bindings),
            .logs: ActionKeymap(LogsKeymap.bindings),
        ])

    /// A send already running, or nothing to send. (A missing connection is not a reason: F5 then
    /// says what is missing and opens Connect.)
    private static let sendUnavailable: @Sendable (AppState) -> String? = { state in
        if state.send?.isRunning == true { return "a send is running (Activity, 5, shows it; x or Esc there cancels)" }
        return state.store.isEmpty ? "no users to send" : nil
    }
}
