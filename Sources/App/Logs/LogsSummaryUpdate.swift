import Foundation
import Provisioning
import TerminalUI

/// The summary's part of the Logs update: `s` shows it (reading the send from the journal, off the
/// loop), the journal's answer, the entries changing under it, moves over its failures, and Enter
/// on a failure. "Resend the failed" starts in the App's routing, which owns the send.
extension LogsUpdate {
    /// The send to reconcile: the followed upload's, unless an imported download is shown (a
    /// download names no send: the journal's newest to this endpoint is the best guess, as the CLI's).
    var wantedSend: LogsSummary.Wanted {
        if !logs.showsImported, let upload = logs.upload { return .send(upload.sendId) }
        return .latest
    }

    var summaryLayout: LogsSummaryLayout {
        LogsSummaryLayout(screen: layout, uploads: logs.summary.reconciliation?.uploads.count ?? 0)
    }

    /// s: the summary in place of the entries, or the entries again.
    mutating func toggleSummary() {
        logs.summary.shown.toggle()
        guard logs.summary.shown else { return say(StatusMessage("the log entries again; s sums up each upload")) }
        readSummarySend(force: true)
    }

    /// Reads the send from the journal when asked (`force`) or when the send wanted changed (a new
    /// upload followed, the imported set shown); otherwise reconciles what is loaded with the entries.
    mutating func readSummarySend(force: Bool) {
        let wanted = wantedSend
        guard force || logs.summary.requested != wanted else { return reconcileSummary() }
        guard let path = inputs.journalPath else {
            logs.summary.error = "this session keeps no send journal"
            return reconcileSummary()
        }
        logs.summary.requested = wanted
        logs.summary.reading = true
        logs.summary.error = nil
        var sendId: String?
        if case .send(let id) = wanted { sendId = id }
        run(.readReconciledSend(sendId: sendId, endpoint: inputs.summaryEndpoint, journalPath: path))
    }

    mutating func reconcileSummary() {
        logs.summary.reconcile(with: logs.shown, imported: logs.showsImported, viewport: summaryLayout.failureRows)
    }

    mutating func moveInSummary(_ move: ListMove) {
        let total = logs.summary.failures.count
        guard let moved = logs.summary.list.handling(move, total: total, viewport: summaryLayout.failureRows) else { return }
        logs.summary.list = moved
    }

    /// The entries shown changed (a read, an import, i or x, a new upload followed): the summary, when
    /// shown, follows them.
    static func refreshSummary(_ state: inout LogsState, _ context: ScreenContext, _ inputs: LogsInputs) -> [ScreenEffect] {
        guard state.summary.shown else { return [] }
        return with(&state, context, inputs) { $0.readSummarySend(force: false) }
    }

    /// The journal's answer (`at`: when it was read). An answer for a send no longer wanted is dropped.
    static func summarySendRead(_ state: inout LogsState, _ result: Result<SendJournal.StoredSend?, QuotaReadError>, at: Date,
                                _ context: ScreenContext, _ inputs: LogsInputs) -> [ScreenEffect] {
        if case .success(let send?) = result, case .send(let id)? = state.summary.requested, send.id != id { return [] }
        return with(&state, context, inputs) { step in
            step.logs.summary.reading = false
            switch result {
            case .success(let send?):
                step.logs.summary.send = Observed(send, at: at)
                step.logs.summary.noSend = false
                step.logs.summary.error = nil
            case .success(nil):
                step.logs.summary.send = nil
                step.logs.summary.noSend = true
                step.logs.summary.error = nil
            case .failure(let error):
                step.logs.summary.error = error.reason
            }
            step.reconcileSummary()
        }
    }

    /// Enter on a failure: its user selected in the Users table, as Enter on an entry does.
    static func jumpToFailure(_ logs: LogsState, users: inout UsersState, store: RecordStore, lookup: UsersLookup,
                              _ context: ScreenContext) -> [ScreenEffect] {
        guard let failure = logs.summary.selectedFailure else { return [.message(StatusMessage("no failed user selected"))] }
        let what = "failed in upload \(failure.document + 1) (\(failure.errorCode ?? failure.reason))"
        return reveal(externalId: failure.externalId, what: what, users: &users, store: store, lookup: lookup, context)
    }
}
