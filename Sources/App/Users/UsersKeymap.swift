import TerminalUI

/// What the Users screen's keys do.
public enum UsersCommand: Hashable, Sendable {
    case move(ListMove)
    case filter, clearFilter, open, sort, reverseSort, mark, add, duplicate, delete, undo, redo, jumpToUser, userLogs

    var name: String {
        if case .move(let move) = self { return move.rawValue }
        return "\(self)"
    }
}

/// The Users screen's keys (merged into `AppKeymap.standard`).
enum UsersKeymap {
    private static func b(_ command: UsersCommand, _ keys: [Key], _ label: String, _ help: String,
                          disabled: @escaping @Sendable (AppState) -> String? = { _ in nil }) -> AppBinding {
        AppBinding(.users(command), keys: keys, label: label, help: help, group: "Users", disabled: disabled)
    }

    static let bindings: [AppBinding] = AppKeymap.movement("Users") { .users(.move($0)) } + [
        b(.filter, [.character("/")], "filter", "Filter users as you type"),
        b(.clearFilter, [.escape], "clear", "Clear the filter") { $0.users.query.isEmpty ? "no filter to clear" : nil },
        b(.open, [.enter, .character("e")], "edit", "Edit the selected user", disabled: noSelection),
        b(.sort, [.character("s")], "sort", "Sort by the next column"),
        b(.reverseSort, [.character("S")], "reverse", "Reverse the sort order"),
        b(.mark, [.character(" ")], "mark", "Mark or unmark the user", disabled: noSelection),
        b(.add, [.character("a")], "add", "Add a user"),
        b(.duplicate, [.character("d")], "duplicate", "Duplicate the user (or the marked ones)", disabled: noTarget),
        b(.delete, [.character("x"), .delete], "delete", "Delete the user (or the marked ones)", disabled: noTarget),
        b(.undo, [.character("u"), .alt("z")], "undo", "Undo the last add, duplicate or delete") {
            $0.users.undo.isEmpty ? "nothing to undo" : nil
        },
        b(.redo, [.ctrl("y"), .alt("y")], "redo", "Redo") { $0.users.redo.isEmpty ? "nothing to redo" : nil },
        b(.jumpToUser, [.character("p")], "in preview", "Show the user's operation in the preview"),
        b(.userLogs, [.character("l")], "logs", "Show what Entra did with this user (provisioning logs)") { state in
            guard let id = state.users.selectedID(store: state.store) else { return "no user selected" }
            let externalId = state.store.entry(id: id)?.record.externalId ?? ""
            return externalId.isEmpty ? "this user has no externalId, which is what the provisioning logs name" : nil
        },
    ]

    static let hints: [AppCommand] = [
        .users(.filter), .users(.open), .global(.send), .users(.sort), .users(.delete), .users(.undo), .global(.help), .global(.quit),
    ]

    private static let noSelection: @Sendable (AppState) -> String? = { state in
        state.users.selectedID(store: state.store) == nil ? "no user selected" : nil
    }

    private static let noTarget: @Sendable (AppState) -> String? = { state in
        state.users.targetIDs(store: state.store).isEmpty ? "no user selected" : nil
    }
}
