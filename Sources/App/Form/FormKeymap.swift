import TerminalUI

/// What the user form's keys do.
public enum FormCommand: Hashable, Sendable {
    case nextField, previousField, back, undo, redo, revert, rawJSON
    case addEntry, removeEntry, makePrimary, addExtensionAttribute
    /// Switches the pane under the form between the checks and "What Entra will set".
    case whatEntraWillSet
    /// Asks Entra's parseExpression about this user's mappings and marks where it disagrees.
    case checkWithEntra
}

/// The user form's keys. Printable keys are typed into the focused field first, so none of these
/// is a plain character.
enum FormKeymap {
    private static func b(_ command: FormCommand, _ keys: [Key], _ label: String, _ help: String,
                          disabled: @escaping @Sendable (AppState) -> String? = noForm) -> AppBinding {
        AppBinding(.form(command), keys: keys, label: label, help: help, group: "User form", disabled: disabled)
    }

    static let bindings: [AppBinding] = [
        b(.nextField, [.down, .enter], "next", "Next field"),
        b(.previousField, [.up], "previous", "Previous field"),
        b(.back, [.escape], "back", "Back to the users") { _ in nil },
        b(.undo, [.alt("z")], "undo", "Undo the last edit (ctrl-z suspends, as in a shell)") { state in
            noForm(state) ?? (state.form?.undo.isEmpty == true ? "nothing to undo" : nil)
        },
        b(.redo, [.ctrl("y"), .alt("y")], "redo", "Redo") { state in
            noForm(state) ?? (state.form?.redo.isEmpty == true ? "nothing to redo" : nil)
        },
        b(.revert, [.ctrl("r")], "revert", "Revert the user to how it was when opened"),
        b(.rawJSON, [.ctrl("t")], "JSON", "Show the user as raw JSON"),
        b(.addEntry, [.ctrl("n")], "add entry", "Add an email, phone number or address like the one under the cursor"),
        b(.removeEntry, [.ctrl("x")], "remove entry", "Remove the email, phone number or address under the cursor"),
        b(.makePrimary, [.alt("p")], "primary", "Make the entry under the cursor the primary one"),
        b(.addExtensionAttribute, [.alt("e")], "add ext attr", "Add a custom extension attribute by URN and name"),
        // A function key (and alt-w where F6 does not reach): plain letters are typed into the field.
        b(.whatEntraWillSet, [.function(6), .alt("w")], "Entra sets",
          "What Entra will set: the job's mapping computed for this user, or the checks again"),
        b(.checkWithEntra, [.function(7), .alt("c")], "check with Entra",
          "Check with Entra: ask the job's parseExpression about this user's mappings and mark any disagreement"),
    ]

    static let hints: [AppCommand] = [.form(.back), .form(.undo), .form(.whatEntraWillSet), .form(.revert), .form(.rawJSON), .global(.help)]

    /// Hints when the cursor is on an email, phone number or address.
    static let entryHints: [AppCommand] = [.form(.back), .form(.addEntry), .form(.removeEntry), .form(.makePrimary), .form(.undo)]

    private static let noForm: @Sendable (AppState) -> String? = { state in
        state.form == nil ? "no user open: Enter on a user in Users (2) opens one" : nil
    }
}
