import Provisioning
import TerminalUI

/// What the Logs screen's keys do.
public enum LogsCommand: Hashable, Sendable {
    case move(ListMove)
    case failures, upload, user, window, clear, refresh, imported, forgetImport, jumpToUser, detailDown, detailUp
    /// The per-upload reconciliation in place of the entries, and "Resend the failed" from it.
    case summary, resendFailed
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
        b(.summary, [.character("s")], "summary",
          "Sum up each upload of the last send: sent, created, updated, disabled, skipped, failed, not yet seen; or the entries again"),
        b(.resendFailed, [.character("F")], "resend failed",
          "Resend the failed: the failed users' current records (with your fixes), through the send confirmation", disabled: resendUnavailable),
        b(.clear, [.escape], "clear", "Clear every filter (the time window stays); in the summary, back to the entries") { state in
            state.logs.summary.shown || state.logs.failuresOnly || state.logs.uploadOnly || state.logs.externalId != nil
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
        b(.jumpToUser, [.enter], "Users", "Show the entry's (or the failure's) user in the Users table", disabled: noEntryOrFailure),
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
        .logs(.failures), .logs(.upload), .logs(.summary), .logs(.user), .logs(.window), .logs(.refresh), .logs(.jumpToUser), .global(.help),
    ]

    private static let noEntry: @Sendable (AppState) -> String? = { state in
        if state.logs.summary.shown { return "the upload summary is shown (s shows the entries)" }
        return state.logs.selected == nil ? "no entry selected" : nil
    }

    private static let noEntryOrFailure: @Sendable (AppState) -> String? = { state in
        guard state.logs.summary.shown else { return noEntry(state) }
        return state.logs.summary.selectedFailure == nil ? "no failed user selected" : nil
    }

    /// Only from the summary, with failures, and with no send running.
    private static let resendUnavailable: @Sendable (AppState) -> String? = { state in
        let summary = state.logs.summary
        if !summary.shown { return "the upload summary is not shown: s shows it, then F resends its failed users" }
        if summary.reconciliation == nil { return "no send reconciled yet: the summary names what it waits for" }
        if summary.failures.isEmpty { return "no user of this send failed: nothing to resend" }
        if state.send?.isRunning == true { return "a send is running (Activity, 5, shows it)" }
        return nil
    }

    /// Not connected, or another job action still on its way.
    private static func jobUnavailable(_ action: JobAction) -> @Sendable (AppState) -> String? {
        { state in
            if let missing = state.connect.missing { return "cannot \(action.rawValue) the job: \(missing) (Connect, 1)" }
            return state.logs.jobBusy.map { "the job's \($0.rawValue) is still on its way" }
        }
    }
}
