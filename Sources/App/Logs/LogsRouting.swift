import Foundation
import Provisioning
import TerminalUI

/// Routing for the Logs screen: each entry point hands `LogsUpdate` the screen's slice, the context
/// and the inputs, then carries out its requests. Answers that bring a time move the App's clock
/// first, so the update reads it from the context. Called by TUI, the send, the Users screen and
/// the dialogs.
extension AppState {
    mutating func logsKey(_ key: Key, effects: inout [AppEffect]) -> Bool {
        let (context, inputs) = (self.context, logsInputs)
        let (handled, requests) = LogsUpdate.key(&logs, key, context, inputs)
        apply(requests, effects: &effects)
        return handled
    }

    mutating func logsCommand(_ command: LogsCommand, effects: inout [AppEffect]) {
        let (context, inputs) = (self.context, logsInputs)
        let requests: [ScreenEffect]
        switch command {
        case .jumpToUser: return jumpFromLogToUser(effects: &effects)
        case .resendFailed: return resendFailed(effects: &effects)
        case .forgetImport: requests = LogsUpdate.forgetImport(&logs, statuses: &sendStatus, context, inputs)
        case .job(.restart): requests = LogsUpdate.askRestart(&logs, restart: &restartCheck, context, inputs)
        default: requests = LogsUpdate.update(&logs, command, context, inputs)
        }
        apply(requests, effects: &effects)
        if command == .imported || command == .forgetImport { refreshLogsSummary(effects: &effects) }
    }

    /// The entries shown changed: the summary, when shown, reconciles them (or reads the send now wanted).
    mutating func refreshLogsSummary(effects: inout [AppEffect]) {
        let (context, inputs) = (self.context, logsInputs)
        apply(LogsUpdate.refreshSummary(&logs, context, inputs), effects: &effects)
    }

    /// The journal's answer for the summary (`at`: when it was read).
    mutating func reconciledSendRead(_ result: Result<SendJournal.StoredSend?, QuotaReadError>, at: Date, effects: inout [AppEffect]) {
        clock = max(clock, at)
        let (context, inputs) = (self.context, logsInputs)
        apply(LogsUpdate.summarySendRead(&logs, result, at: at, context, inputs), effects: &effects)
    }

    /// F in the summary: the failed users' current records, through the send confirmation; a failed
    /// user the workspace no longer has is named, never silently left out.
    mutating func resendFailed(effects: inout [AppEffect]) {
        let failures = logs.summary.failures
        guard logs.summary.shown, !failures.isEmpty else {
            message = StatusMessage("no failed user to resend: s shows the upload summary")
            return
        }
        let pick = FailedUsersPick(failures: failures, store: store)
        guard !pick.recordIDs.isEmpty else {
            message = StatusMessage((pick.missingText ?? "no failed user is in the workspace") + ": nothing to resend", .warning)
            return
        }
        openResendFailedDialog(pick, effects: &effects)
    }

    mutating func logsScreenOpened(effects: inout [AppEffect]) {
        let (context, inputs) = (self.context, logsInputs)
        apply(LogsUpdate.opened(&logs, context, inputs), effects: &effects)
    }

    /// A tick arrived (`clock` holds its time).
    mutating func logsTicked(effects: inout [AppEffect]) {
        let (context, inputs) = (self.context, logsInputs)
        apply(LogsUpdate.ticked(&logs, context, inputs), effects: &effects)
    }

    /// The scroll limit of the entry's detail, for the J/K bindings' reasons.
    var logDetailLastTop: Int { LogsUpdate.detailLastTop(logs, context) }

    /// Enter: the entry's user selected in the Users table.
    mutating func jumpFromLogToUser(effects: inout [AppEffect]) {
        let (context, store, lookup) = (self.context, self.store, usersLookup)
        let requests = logs.summary.shown
            ? LogsUpdate.jumpToFailure(logs, users: &users, store: store, lookup: lookup, context)
            : LogsUpdate.jumpToUser(logs, users: &users, store: store, lookup: lookup, context)
        apply(requests, effects: &effects)
    }

    /// From the Users screen: the Logs screen, filtered to this user.
    mutating func showLogs(externalId: String, effects: inout [AppEffect]) {
        screen = .logs
        let (context, inputs) = (self.context, logsInputs)
        apply(LogsUpdate.showUser(&logs, externalId: externalId, context, inputs), effects: &effects)
    }

    /// A send ended with accepted records: follow their provisioning logs, all from one time.
    mutating func followUpload(sendId: String, externalIds: [String], since: Date, effects: inout [AppEffect]) {
        followUpload(sendId: sendId, batches: [LogsUpload.Batch(externalIds: externalIds, acceptedAt: since)], effects: &effects)
    }

    /// A send ended with accepted documents, each with the time of its 202 (the clock moves to the last).
    mutating func followUpload(sendId: String, batches: [LogsUpload.Batch], effects: inout [AppEffect]) {
        guard let upload = LogsUpload(sendId: sendId, batches: batches) else { return }
        clock = max(clock, upload.lastAccepted)
        let (context, inputs) = (self.context, logsInputs)
        apply(LogsUpdate.follow(&logs, upload, context, inputs), effects: &effects)
        refreshLogsSummary(effects: &effects)
    }

    mutating func logsPollDue(generation: Int, effects: inout [AppEffect]) {
        let (context, inputs) = (self.context, logsInputs)
        apply(LogsUpdate.pollDue(&logs, generation: generation, context, inputs), effects: &effects)
    }

    /// The answer of a read; its time moves the clock unless it is stale (another generation).
    mutating func logsFetched(_ result: LogsFetchResult, generation: Int, effects: inout [AppEffect]) {
        if generation == logs.generation, let at = result.at { clock = max(clock, at) }
        let (context, inputs, store) = (self.context, logsInputs, self.store)
        apply(LogsUpdate.fetched(&logs, result, generation: generation, context, inputs, store: store, statuses: &sendStatus),
              effects: &effects)
        refreshLogsSummary(effects: &effects)
    }

    /// The job's state arrived (`clock` holds the answer's time).
    mutating func jobFetched(_ result: JobFetchResult) {
        let context = self.context
        LogsUpdate.jobFetched(&logs, result, context)
    }

    /// The operator confirmed a job action in its dialog.
    mutating func confirmJobAction(_ action: JobAction, effects: inout [AppEffect]) {
        let (context, inputs) = (self.context, logsInputs)
        apply(LogsUpdate.confirmJobAction(&logs, action, context, inputs), effects: &effects)
    }

    mutating func jobActionFinished(_ action: JobAction, error: String?, effects: inout [AppEffect]) {
        let (context, inputs) = (self.context, logsInputs)
        apply(LogsUpdate.jobActionFinished(&logs, action, error: error, restart: &restartCheck, context, inputs), effects: &effects)
    }

    /// A provisioning-log download was read: the Logs screen shows it. The screen is set here, not
    /// through `switchTo`, as it always was (opening a download from the form does not resort Users).
    mutating func importLogs(_ entries: [ProvisioningLog], from path: String) {
        screen = .logs
        let (context, inputs, store) = (self.context, logsInputs, self.store)
        var ignored: [AppEffect] = []
        apply(LogsUpdate.importLogs(&logs, entries, from: path, context, inputs, store: store, statuses: &sendStatus), effects: &ignored)
    }

    /// New users in the workspace: the imported set's statuses are linked to them afresh.
    mutating func relinkImportedStatus() {
        LogsUpdate.relinkImportedStatus(logs, store: store, statuses: &sendStatus)
    }
}
