import Foundation
import TerminalUI

/// "Resend the failed" from the Logs summary: the confirmation every send goes through (the job's
/// state, the quota, the changes against the journal, the users with errors), offering one scope,
/// the failed users' current records. The dialog's answer starts it as any other scope.
extension AppState {
    mutating func openResendFailedDialog(_ pick: FailedUsersPick, effects: inout [AppEffect]) {
        if send?.isRunning == true {
            message = StatusMessage("a send is running (Activity, 5, shows it; Esc there cancels)", .warning)
            return
        }
        if let missing = connect.missing {
            message = StatusMessage("connect first: \(missing)", .warning)
            switchTo(.connect)
            return
        }
        let scope = SendScope.failed(pick)
        let plan = SendPlanning(state: self)
        // With errors still in them, Enter alone must not send: Cancel is the default, as for any send.
        let blocking = plan.errorCount(for: scope) > 0
        let buttons = [plan.buttonTitle(scope, anyway: blocking), "Cancel"]
        overlay = .dialog(DialogState(kind: .confirm, title: plan.dialogTitle, message: "", buttons: buttons,
                                      selectedButton: blocking ? 1 : 0), .send([scope]))
        startSendCheck(records: plan.recordIDs(for: scope).compactMap { store.entry(id: $0)?.record }, effects: &effects)
        refreshSendDialog()
        if let missing = pick.missingText { message = StatusMessage(missing + "; the others are offered", .warning) }
    }
}
