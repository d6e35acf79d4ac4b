import Provisioning
import TerminalUI

/// What the Logs screen's keys do.
public enum LogsCommand: Hashable, Sendable {
    case move(ListMove)
    case failures, upload, user, window, clear, refresh, imported, forgetImport, jumpToUser, detailDown, detailUp
    case job(JobAction)

    var name: String {
        switch self {
        case .move(let move): return move.rawValue
        case .job(let action): return "job" + action.rawValue.prefix(1).uppercased() + action.rawValue.dropFirst()
        default: return "logs" + "\(self)".prefix(1).uppercased() + "\(self)".dropFirst()
        }
    }
}

/// The Logs screen's keys (merged into `AppKeymap.standard`). The screen has no text field but the
/// `/` prompt, so printable keys are safe; the three that change the tenant (the job) are capitals
/// and always ask first.
enum LogsKeymap {
    private static func b(_ command: LogsCommand, _ keys: [Key], _ label: String, _ help: String,
                          disabled: @escaping @Sendable (AppState) -> String? = { _ in nil }) -> AppBinding {
        AppBinding(.logs(command), keys: keys, label: label, help: help, group: "Logs", disabled: disabled)
    }

    static let bindings: [AppBinding] = AppKeymap.movement("Logs") { .logs(.move($0)) } + [
        b(.failures, [.character("f")], "failures", "Show only failures, or everything again"),
        b(.upload, [.character("u")], "upload", "Show only the users of the last upload, or all entries") {
            $0.logs.upload == nil ? "no upload to follow yet: after a send (F5) this shows only its users" : nil
        },
        b(.user, [.character("/")], "user", "Show only one user (by externalId); Esc in the prompt clears it"),
        b(.window, [.character("t")], "time", "Change the time window: last hour, 24 h, 7 days, any time"),
        b(.clear, [.escape], "clear", "Clear every filter (the time window stays)") { state in
            state.logs.failuresOnly || state.logs.uploadOnly || state.logs.externalId != nil
                ? nil : "no filter to clear (t changes the time window)"
        },
        b(.refresh, [.character("r")], "refresh", "Read the logs and the job again now") { state in
            state.connect.missing.map { "cannot read the provisioning logs: \($0) (Connect, 1)" }
        },
        b(.imported, [.character("i")], "imported", "Show the imported log download, or the live logs again") {
            $0.logs.imported == nil ? "no imported log download: ctrl-o opens one (a JSON download or the portal's CSV)" : nil
        },
        b(.forgetImport, [.character("x")], "forget import", "Forget the imported log download (the live logs stay)") {
            $0.logs.imported == nil ? "no imported log download to forget" : nil
        },
        b(.jumpToUser, [.enter], "Users", "Show the entry's user in the Users table", disabled: noEntry),
        b(.detailDown, [.character("J"), .character("]")], "detail ↓", "Scroll the entry's detail down") { state in
            noEntry(state) ?? (state.logs.detailTop >= state.logDetailLastTop ? "the entry's detail is shown to its end" : nil)
        },
        b(.detailUp, [.character("K"), .character("[")], "detail ↑", "Scroll the entry's detail up") { state in
            noEntry(state) ?? (state.logs.detailTop == 0 ? "the entry's detail is shown from its top" : nil)
        },
        b(.job(.start), [.character("S")], "start job", "Start the provisioning job (asks first)", disabled: jobUnavailable(.start)),
        b(.job(.pause), [.character("P")], "pause job", "Pause the provisioning job (asks first)", disabled: jobUnavailable(.pause)),
        b(.job(.restart), [.character("R")], "restart job", "Restart the job, clearing its quarantine (asks first)",
          disabled: jobUnavailable(.restart)),
    ]

    static let hints: [AppCommand] = [
        .logs(.failures), .logs(.upload), .logs(.user), .logs(.window), .logs(.refresh), .logs(.jumpToUser), .global(.help),
    ]

    private static let noEntry: @Sendable (AppState) -> String? = { $0.logs.selected == nil ? "no entry selected" : nil }

    /// Not connected, or another job action still on its way.
    private static func jobUnavailable(_ action: JobAction) -> @Sendable (AppState) -> String? {
        { state in
            if let missing = state.connect.missing { return "cannot \(action.rawValue) the job: \(missing) (Connect, 1)" }
            return state.logs.jobBusy.map { "the job's \($0.rawValue) is still on its way" }
        }
    }
}
