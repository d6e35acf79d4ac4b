import TerminalUI

/// The Activity screen's keys (merged into `AppKeymap.standard`).
enum ActivityKeymap {
    private static func b(_ action: KeyAction, _ keys: [Key], _ label: String, _ help: String) -> KeyBinding {
        KeyBinding(action, keys: keys, label: label, help: help, group: "Activity")
    }

    static let bindings: [KeyBinding] = AppKeymap.movement("Activity") + [
        b("toggleDetail", [.enter], "detail", "Move between the list and the selected exchange"),
        b("search", [.character("/")], "search", "Search every request and response"),
        b("cancelSend", [.escape, .character("x")], "cancel send", "Cancel the running send after the request in flight"),
        b("copyCurl", [.character("c")], "copy curl", "Copy the request as a curl command (OSC 52 clipboard, and a file)"),
        b("copyPowerShell", [.character("p")], "copy PowerShell",
          "Copy the request as Invoke-MgGraphRequest and Invoke-RestMethod commands (OSC 52 clipboard, and a file)"),
        b("saveExchange", [.character("w")], "save", "Save the selected exchange to a file"),
        b("exportHAR", [.character("h")], "HAR", "Export the whole session as HAR (secrets already removed)"),
    ]

    static let hints: [KeyAction] = ["toggleDetail", "search", "copyCurl", "exportHAR", "cancelSend", "help"]
}
