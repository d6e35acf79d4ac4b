import Foundation
import Provisioning
import TerminalUI

/// Following an upload, and the answers of the reads: the runner's results as pure functions over
/// the screen's state. Answers and polls carry the generation they were asked in; one of an older
/// generation (another upload, another connection) is ignored.
extension LogsUpdate {
    /// A send ended with accepted documents, each with the time of its 202: reads now, then after
    /// 5, 10 and 20 s and every 30 s, until every user has an entry newer than its 202 or
    /// `notProcessedAfter` has passed. The job is read too: a stopped job processes nothing.
    /// The App has moved its clock to the last 202 first.
    static func follow(_ state: inout LogsState, _ upload: LogsUpload, _ context: ScreenContext, _ inputs: LogsInputs) -> [ScreenEffect] {
        with(&state, context, inputs) { $0.follow(upload) }
    }

    private mutating func follow(_ upload: LogsUpload) {
        logs.generation += 1
        logs.pendingReads = 0
        logs.upload = upload
        logs.showsImported = false
        logs.uploadOnly = true
        logs.externalId = nil
        logs.failuresOnly = false
        logs.filterField = nil
        slideWindow()
        logs.refilter(viewport: layout.listRows)
        guard connectionReady() else { logs.polling = .idle; return }
        logs.polling = .waiting(polls: 0, elapsed: 0)
        issueRead(LogQuery(since: upload.readFrom))
        run(.pollLogsAfter(seconds: LogsPolling.delay(afterPolls: 0), generation: logs.generation))
        if !logs.jobReading { readJob() }
    }

    /// Time for the next read of a followed upload (stale generations and finished follows ignored).
    static func pollDue(_ state: inout LogsState, generation: Int, _ context: ScreenContext, _ inputs: LogsInputs) -> [ScreenEffect] {
        with(&state, context, inputs) { $0.pollDue(generation: generation) }
    }

    private mutating func pollDue(generation: Int) {
        guard generation == logs.generation, case .waiting(let polls, let elapsed) = logs.polling, let upload = logs.upload else { return }
        let waited = elapsed + LogsPolling.delay(afterPolls: polls)
        if checkUploadOverdue(waited: waited) { return }
        // A read still in flight (a slow network) is not doubled.
        if logs.pendingReads == 0, connectionReady() { issueRead(LogQuery(since: upload.readFrom)) }
        logs.polling = .waiting(polls: polls + 1, elapsed: waited)
        run(.pollLogsAfter(seconds: LogsPolling.delay(afterPolls: polls + 1), generation: generation))
    }

    /// The answer of a read: entries merged (newest first, once each), users' statuses updated; a
    /// followed upload that is still missing users reads the job again (is it still stopped?). The
    /// App has moved its clock to the answer's time first (when the answer is not stale).
    static func fetched(_ state: inout LogsState, _ result: LogsFetchResult, generation: Int, _ context: ScreenContext,
                        _ inputs: LogsInputs, store: RecordStore, statuses: inout [Int: RecordSendStatus]) -> [ScreenEffect] {
        guard generation == state.generation else { return [] }
        let requests = with(&state, context, inputs) { $0.fetched(result) }
        // After the rest: nothing of the follow reads the statuses, and they read only the merged entries.
        if case .entries(let fresh, _) = result {
            applyProvisioningStatus(Set(fresh.map(\.externalId)), logs: state, store: store, statuses: &statuses)
        }
        return requests
    }

    private mutating func fetched(_ result: LogsFetchResult) {
        logs.pendingReads = max(0, logs.pendingReads - 1)
        switch result {
        case .failed(let reason, _):
            logs.error = reason
            logs.lastQuery = nil
        case .entries(let fresh, let at):
            logs.error = nil
            logs.lastRead = at ?? clock
            let coveredBefore = logs.uploadCovered.count
            logs.merge(fresh)
            slideWindow()
            logs.refilter(viewport: layout.listRows)
            checkUploadCovered()
            if logs.polling.isWaiting, logs.uploadCovered.count == coveredBefore, !logs.jobReading { readJob() }
        }
        if logs.polling.isWaiting { _ = checkUploadOverdue(waited: 0) }
    }

    /// The job's state arrived (read for this screen or for the send confirmation); the App's clock
    /// holds the time of the answer.
    static func jobFetched(_ state: inout LogsState, _ result: JobFetchResult, _ context: ScreenContext) {
        state.jobReading = false
        switch result {
        case .status(let status):
            // A job seen starting again during a follow: what it holds is processed from now on.
            if let previous = state.job, !previous.processesUploads, status.processesUploads { state.upload?.jobStartedAt = context.clock }
            state.job = status
            state.jobReadAt = context.clock
            state.jobError = nil
        case .failed(let reason):
            state.jobError = reason
        }
    }
}
