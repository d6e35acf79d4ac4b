import TerminalUI

/// What the Connect screen's keys do.
public enum ConnectCommand: Hashable, Sendable {
    case nextField, previousField, testConnection, saveProfile
}

/// The Connect screen's keys. Printable keys are typed into the focused field first, so none of
/// these is a plain character.
enum ConnectKeymap {
    private static func b(_ command: ConnectCommand, _ keys: [Key], _ label: String, _ help: String,
                          disabled: @escaping @Sendable (AppState) -> String? = { _ in nil }) -> AppBinding {
        AppBinding(.connect(command), keys: keys, label: label, help: help, group: "Connect", disabled: disabled)
    }

    static let bindings: [AppBinding] = [
        b(.nextField, [.down, .enter], "next", "Next field"),
        b(.previousField, [.up], "previous", "Previous field"),
        b(.testConnection, [.ctrl("t")], "test", "Test connection: get a token and read the job") { state in
            state.connect.missing
        },
        b(.saveProfile, [.ctrl("s")], "save profile", "Save the connection as a profile in config.toml (never the secret)"),
    ]

    static let hints: [AppCommand] = [.connect(.testConnection), .connect(.saveProfile), .global(.nextScreen), .global(.help), .global(.palette)]
}
