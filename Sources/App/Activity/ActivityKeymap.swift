import TerminalUI

/// What the Activity screen's keys do.
public enum ActivityCommand: Hashable, Sendable {
    case move(ListMove)
    case toggleDetail, toggleReport, search, cancelSend, copyCurl, copyPowerShell, saveExchange, exportHAR

    var name: String {
        if case .move(let move) = self { return move.rawValue }
        return "\(self)"
    }
}

/// The Activity screen's keys (merged into `AppKeymap.standard`).
enum ActivityKeymap {
    private static func b(_ command: ActivityCommand, _ keys: [Key], _ label: String, _ help: String,
                          disabled: @escaping @Sendable (AppState) -> String? = { _ in nil }) -> AppBinding {
        AppBinding(.activity(command), keys: keys, label: label, help: help, group: "Activity", disabled: disabled)
    }

    static let bindings: [AppBinding] = AppKeymap.movement("Activity") { .activity(.move($0)) } + [
        b(.toggleDetail, [.enter], "detail", "Move between the list and the selected exchange"),
        b(.toggleReport, [.character("r")], "report",
          "Open or fold the finished send's full report (it folds to one line so the list gets its rows back)") { state in
            guard let send = state.send else { return "no send has run yet" }
            return send.isRunning ? "the send is running: its progress shows in full" : nil
        },
        b(.search, [.character("/")], "search", "Search every request and response"),
        b(.cancelSend, [.escape, .character("x")], "cancel send", "Cancel the running send after the request in flight") { state in
            // Esc also leaves the detail and clears a search; only with none of those to do is it idle.
            let idle = state.send?.isRunning != true && !state.activity.focusOnDetail && state.activity.query.isEmpty
            return idle ? "no send is running" : nil
        },
        b(.copyCurl, [.character("c")], "copy curl", "Copy the request as a curl command (OSC 52 clipboard, and a file)",
          disabled: noExchange),
        b(.copyPowerShell, [.character("p")], "copy PowerShell",
          "Copy the request as Invoke-MgGraphRequest and Invoke-RestMethod commands (OSC 52 clipboard, and a file)",
          disabled: noExchange),
        b(.saveExchange, [.character("w")], "save", "Save the selected exchange to a file", disabled: noExchange),
        b(.exportHAR, [.character("h")], "HAR", "Export the whole session as HAR (secrets already removed)") {
            $0.activity.total == 0 ? "nothing recorded yet" : nil
        },
    ]

    static let hints: [AppCommand] = [
        .activity(.toggleDetail), .activity(.search), .activity(.toggleReport), .activity(.copyCurl), .activity(.exportHAR), .activity(.cancelSend), .global(.help),
    ]

    private static let noExchange: @Sendable (AppState) -> String? = { $0.activity.selected == nil ? "no exchange selected" : nil }
}
