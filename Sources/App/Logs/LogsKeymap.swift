import TerminalUI

/// The Logs screen's keys (merged into `AppKeymap.standard`). The screen has no text field but the
/// `/` prompt, so printable keys are safe; the three that change the tenant (the job) are capitals
/// and always ask first.
enum LogsKeymap {
    private static func b(_ action: KeyAction, _ keys: [Key], _ label: String, _ help: String) -> KeyBinding {
        KeyBinding(action, keys: keys, label: label, help: help, group: "Logs")
    }

    static let bindings: [KeyBinding] = AppKeymap.movement("Logs") + [
        b("logsFailures", [.character("f")], "failures", "Show only failures, or everything again"),
        b("logsUpload", [.character("u")], "upload", "Show only the users of the last upload, or all entries"),
        b("logsUser", [.character("/")], "user", "Show only one user (by externalId); Esc in the prompt clears it"),
        b("logsWindow", [.character("t")], "time", "Change the time window: last hour, 24 h, 7 days, any time"),
        b("logsClear", [.escape], "clear", "Clear every filter (the time window stays)"),
        b("logsRefresh", [.character("r")], "refresh", "Read the logs and the job again now"),
        b("logsImported", [.character("i")], "imported", "Show the imported log download, or the live logs again"),
        b("logsForgetImport", [.character("x")], "forget import", "Forget the imported log download (the live logs stay)"),
        b("logsJumpToUser", [.enter], "Users", "Show the entry's user in the Users table"),
        b("logsDetailDown", [.character("J"), .character("]")], "detail ↓", "Scroll the entry's detail down"),
        b("logsDetailUp", [.character("K"), .character("[")], "detail ↑", "Scroll the entry's detail up"),
        b("jobStart", [.character("S")], "start job", "Start the provisioning job (asks first)"),
        b("jobPause", [.character("P")], "pause job", "Pause the provisioning job (asks first)"),
        b("jobRestart", [.character("R")], "restart job", "Restart the job, clearing its quarantine (asks first)"),
    ]

    static let hints: [KeyAction] = ["logsFailures", "logsUpload", "logsUser", "logsWindow", "logsRefresh", "logsJumpToUser", "help"]
}
