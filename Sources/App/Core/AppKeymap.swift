import TerminalUI

/// Every key binding of the app as data, one keymap per screen plus the global one. The same lists
/// drive dispatch, the hint bar, the help overlay and the command palette, so none of them can
/// disagree with what a key does.
///
/// Screens that hold text fields (Connect, User) get printable keys typed into the field first;
/// that is why every global action also has a key that is not text (alt-1, ctrl-p, F1, ctrl-c).
public struct AppKeymap: Sendable, Equatable {
    public var global: Keymap
    public var screens: [Screen: Keymap]

    public func keymap(for screen: Screen) -> Keymap { screens[screen] ?? Keymap([]) }

    /// The screen's bindings first (they win on a shared key), then the global ones.
    public func combined(for screen: Screen) -> Keymap { Keymap(keymap(for: screen).bindings + global.bindings) }

    /// Hints for the status bar: the few actions a newcomer needs on this screen.
    public func hints(for screen: Screen) -> [KeyBinding] {
        let names: [KeyAction]
        switch screen {
        case .connect: names = ["testConnection", "saveProfile", "nextScreen", "help", "palette"]
        case .users: names = ["filter", "open", "send", "sort", "delete", "undo", "help", "quit"]
        case .form: names = ["back", "undo", "revert", "rawJSON", "help"]
        case .preview: names = ["search", "nextDocument", "jumpToUser", "send", "saveAs", "help"]
        case .activity: names = ActivityKeymap.hints
        case .logs: names = LogsKeymap.hints
        }
        return hints(names, on: screen)
    }

    /// Hints for the user form when the cursor is on an email, phone number or address.
    public var entryHints: [KeyBinding] { hints(["back", "addEntry", "removeEntry", "makePrimary", "undo"], on: .form) }

    private func hints(_ names: [KeyAction], on screen: Screen) -> [KeyBinding] {
        let map = combined(for: screen)
        return names.compactMap { map.binding(for: $0) }
    }

    /// The toolkit's list movement keys, listed under a screen's group in help and the palette.
    static func movement(_ group: String, also extra: [String] = []) -> [KeyBinding] {
        Keymap.standard.bindings.filter {
            (["up", "down", "top", "bottom", "pageUp", "pageDown"] + extra).contains($0.action.rawValue)
        }.map { var b = $0; b.group = group; return b }
    }

    private static func b(_ action: KeyAction, _ keys: [Key], _ label: String, _ help: String, _ group: String) -> KeyBinding {
        KeyBinding(action, keys: keys, label: label, help: help, group: group)
    }

    public static let standard = AppKeymap(
        global: Keymap([
            b("nextScreen", [.tab], "screen", "Next screen", "Screens"),
            b("previousScreen", [.backTab], "prev screen", "Previous screen", "Screens"),
            b("screenConnect", [.character("1"), .alt("1")], "connect", "Go to Connect", "Screens"),
            b("screenUsers", [.character("2"), .alt("2")], "users", "Go to Users", "Screens"),
            b("screenForm", [.character("3"), .alt("3")], "user", "Go to the user form", "Screens"),
            b("screenPreview", [.character("4"), .alt("4")], "preview", "Go to Preview", "Screens"),
            b("screenActivity", [.character("5"), .alt("5")], "activity", "Go to Activity: every request and response", "Screens"),
            b("screenLogs", [.character("6"), .alt("6")], "logs", "Go to Logs: what Entra did with each user", "Screens"),
            b("help", [.character("?"), .function(1)], "help", "Show the keys", "General"),
            b("palette", [.character(":"), .ctrl("p")], "commands", "Command palette: every action by name", "General"),
            b("openFile", [.ctrl("o")], "open", "Open a JSON payload or CSV into the workspace", "General"),
            b("problems", [.character("!"), .function(4)], "problems", "Problems: every finding of the file and the users, with line:column and the fix", "General"),
            b("send", [.function(5), .alt("s")], "send", "Send users to Entra (all, the marked ones, or this document)", "Send"),
            b("toggleActivity", [.function(2), .alt("a")], "activity pane", "Show or hide the Activity pane under any screen", "Send"),
            b("quit", [.character("q"), .ctrl("c")], "quit", "Quit (asks when changes were not sent)", "General"),
        ]),
        screens: [
            .connect: Keymap([
                b("nextField", [.down, .enter], "next", "Next field", "Connect"),
                b("previousField", [.up], "previous", "Previous field", "Connect"),
                b("testConnection", [.ctrl("t")], "test", "Test connection: get a token and read the job", "Connect"),
                b("saveProfile", [.ctrl("s")], "save profile", "Save the connection as a profile in config.toml (never the secret)", "Connect"),
            ]),
            .users: Keymap(movement("Users") + [
                b("filter", [.character("/")], "filter", "Filter users as you type", "Users"),
                b("clearFilter", [.escape], "clear", "Clear the filter", "Users"),
                b("open", [.enter, .character("e")], "edit", "Edit the selected user", "Users"),
                b("sort", [.character("s")], "sort", "Sort by the next column", "Users"),
                b("reverseSort", [.character("S")], "reverse", "Reverse the sort order", "Users"),
                b("mark", [.character(" ")], "mark", "Mark or unmark the user", "Users"),
                b("add", [.character("a")], "add", "Add a user", "Users"),
                b("duplicate", [.character("d")], "duplicate", "Duplicate the user (or the marked ones)", "Users"),
                b("delete", [.character("x"), .delete], "delete", "Delete the user (or the marked ones)", "Users"),
                b("undo", [.character("u"), .alt("z")], "undo", "Undo the last add, duplicate or delete", "Users"),
                b("redo", [.ctrl("y"), .alt("y")], "redo", "Redo", "Users"),
                b("jumpToUser", [.character("p")], "in preview", "Show the user's operation in the preview", "Users"),
                b("userLogs", [.character("l")], "logs", "Show what Entra did with this user (provisioning logs)", "Users"),
            ]),
            .form: Keymap([
                b("nextField", [.down, .enter], "next", "Next field", "User form"),
                b("previousField", [.up], "previous", "Previous field", "User form"),
                b("back", [.escape], "back", "Back to the users", "User form"),
                b("undo", [.alt("z")], "undo", "Undo the last edit (ctrl-z suspends, as in a shell)", "User form"),
                b("redo", [.ctrl("y"), .alt("y")], "redo", "Redo", "User form"),
                b("revert", [.ctrl("r")], "revert", "Revert the user to how it was when opened", "User form"),
                b("rawJSON", [.ctrl("t")], "JSON", "Show the user as raw JSON", "User form"),
                b("addEntry", [.ctrl("n")], "add entry", "Add an email, phone number or address like the one under the cursor", "User form"),
                b("removeEntry", [.ctrl("x")], "remove entry", "Remove the email, phone number or address under the cursor", "User form"),
                b("makePrimary", [.alt("p")], "primary", "Make the entry under the cursor the primary one", "User form"),
                b("addExtensionAttribute", [.alt("e")], "add ext attr", "Add a custom extension attribute by URN and name", "User form"),
            ]),
            .preview: Keymap(movement("Preview", also: ["left", "right", "nextMatch", "previousMatch"]) + [
                b("search", [.character("/")], "search", "Search the JSON", "Preview"),
                b("nextDocument", [.character("]"), .character(".")], "next doc", "Next document", "Preview"),
                b("previousDocument", [.character("["), .character(",")], "prev doc", "Previous document", "Preview"),
                b("jumpToUser", [.character("o")], "user's op", "Jump to the operation of the selected user", "Preview"),
                b("saveAs", [.character("w"), .ctrl("s")], "save as", "Save the documents to a file", "Preview"),
            ]),
            .activity: Keymap(ActivityKeymap.bindings),
            .logs: Keymap(LogsKeymap.bindings),
        ])
}
