import Foundation
import Provisioning
import TerminalUI

/// The Logs screen's entry points (called by TUI, the send, the Users screen and the dialogs): keys,
/// filters, following an upload, answers of reads, and the job. The reading and polling helpers
/// are in LogsReading.swift, the job's in LogsJob.swift.
extension AppState {
    var logsLayout: LogsLayout {
        let logs = self.logs
        let now = clock
        return LogsLayout(size: size, rows: logs.rows.count) { LogsJobPanel(logs: logs, now: now, zone: timeZone).lines(width: $0).count }
    }

    /// Keys on the Logs screen: the `/` prompt, while open, takes the text.
    mutating func logsKey(_ key: Key, effects: inout [AppEffect]) -> Bool {
        guard let field = logs.filterField else { return false }
        let viewport = logsLayout.listRows
        switch key {
        case .enter:
            logs.filterField = nil
            let typed = field.text.trimmed
            logs.externalId = typed.isEmpty ? nil : typed
            logs.refilter(viewport: viewport)
            readLogsIfWidened(effects: &effects)
        case .escape:
            logs.filterField = nil
            logs.externalId = nil
            logs.refilter(viewport: viewport)
            readLogsIfWidened(effects: &effects)
        default:
            guard let edited = field.handling(key) else { return true }
            logs.filterField = edited
            logs.refilter(viewport: viewport)
        }
        return true
    }

    /// The Logs screen's commands.
    mutating func logsCommand(_ command: LogsCommand, effects: inout [AppEffect]) {
        switch command {
        case .move(let move):
            guard let moved = logs.list.handling(move, total: logs.rows.count, viewport: logsLayout.listRows) else { return }
            if moved.selected != logs.list.selected { logs.detailTop = 0 }
            logs.list = moved
        case .failures:
            logs.failuresOnly.toggle()
            filtersChanged(effects: &effects)
        case .upload:
            guard let upload = logs.upload else {
                message = StatusMessage("no upload to follow yet: after a send (F5) this shows only its users")
                return
            }
            logs.uploadOnly.toggle()
            filtersChanged(effects: &effects)
            if logs.uploadOnly { message = StatusMessage("only the \(LogsText.count(upload.count, "user")) of the last upload") }
        case .user:
            logs.filterField = TextFieldState(logs.externalId ?? "")
        case .window:
            logs.window = logs.window.next
            slideLogsWindow()
            filtersChanged(effects: &effects)
            message = StatusMessage("time window: \(logs.window.title)")
        case .clear:
            guard logs.failuresOnly || logs.uploadOnly || logs.externalId != nil else {
                message = StatusMessage("no filter to clear (t changes the time window)")
                return
            }
            logs.failuresOnly = false
            logs.uploadOnly = false
            logs.externalId = nil
            filtersChanged(effects: &effects)
        case .refresh:
            leaveImportedForLiveRead()
            readLogs(effects: &effects)
            readJob(effects: &effects)
        case .imported: toggleImportedLogs(effects: &effects)
        case .forgetImport: forgetImportedLogs(effects: &effects)
        case .jumpToUser:
            jumpFromLogToUser()
        case .detailDown: scrollLogDetail(by: 1)
        case .detailUp: scrollLogDetail(by: -1)
        case .job(.restart): askRestart(effects: &effects)
        case .job(let action): askJobAction(action)
        }
    }

    private mutating func filtersChanged(effects: inout [AppEffect]) {
        logs.refilter(viewport: logsLayout.listRows)
        readLogsIfWidened(effects: &effects)
    }

    /// Half a detail page per key: long enough to get through four steps quickly.
    private mutating func scrollLogDetail(by pages: Int) {
        let step = max(1, logsLayout.detailText.height / 2)
        logs.detailTop = min(max(0, logs.detailTop + pages * step), logDetailLastTop)
    }

    /// The detail's top line when its end is in view (0 with no entry, or when it fits).
    var logDetailLastTop: Int {
        guard let entry = logs.selected else { return 0 }
        let area = logsLayout.detailText
        return max(0, LogsDetail(entry: entry, width: area.width, zone: timeZone).lines().count - area.height)
    }

    /// Enter: the entry's user selected in the Users table (the filter cleared if it hides them).
    mutating func jumpFromLogToUser() {
        guard let entry = logs.selected else {
            message = StatusMessage("no entry selected")
            return
        }
        let externalId = entry.log.externalId
        guard !externalId.isEmpty, let found = store.entries.first(where: { $0.record.externalId == externalId }),
            let position = store.index(ofID: found.id)
        else {
            message = StatusMessage("no user in the workspace has externalId \(externalId.isEmpty ? "(empty)" : externalId)", .warning)
            return
        }
        if !users.rows.contains(position) {
            users.filterField = nil
            users.filter("", store: store, viewport: usersViewport, severity: severityLookup())
        }
        users.reselect(id: found.id, store: store, viewport: usersViewport)
        screen = .users
        let what = "\(LogsText.action(entry.log)) \(entry.log.status)"
        message = StatusMessage("\(externalId) (\(found.record.userName ?? "")): \(what) in the log entry; l shows their logs again")
    }

    /// From the Users screen: the Logs screen, filtered to this user.
    mutating func showLogs(externalId: String, effects: inout [AppEffect]) {
        screen = .logs
        logs.filterField = nil
        logs.externalId = externalId
        logs.failuresOnly = false
        logs.uploadOnly = false
        logs.list.selected = 0
        logs.refilter(viewport: logsLayout.listRows)
        readLogs(effects: &effects)
        if logs.job == nil && !logs.jobReading { readJob(effects: &effects) }
        if connect.missing == nil { message = StatusMessage("provisioning logs of externalId \(externalId) (\(logs.window.title); t widens)") }
    }

    /// A send ended with accepted records: follow their provisioning logs, all from one time.
    mutating func followUpload(sendId: String, externalIds: [String], since: Date, effects: inout [AppEffect]) {
        followUpload(sendId: sendId, batches: [LogsUpload.Batch(externalIds: externalIds, acceptedAt: since)], effects: &effects)
    }

    /// A send ended with accepted documents, each with the time of its 202: reads now, then after
    /// 5, 10 and 20 s and every 30 s, until every user has an entry newer than its 202 or
    /// `notProcessedAfter` has passed. The job is read too: a stopped job processes nothing.
    mutating func followUpload(sendId: String, batches: [LogsUpload.Batch], effects: inout [AppEffect]) {
        guard let upload = LogsUpload(sendId: sendId, batches: batches) else { return }
        clock = max(clock, upload.lastAccepted)
        logs.generation += 1
        logs.pendingReads = 0
        logs.upload = upload
        logs.showsImported = false
        logs.uploadOnly = true
        logs.externalId = nil
        logs.failuresOnly = false
        logs.filterField = nil
        slideLogsWindow()
        logs.refilter(viewport: logsLayout.listRows)
        guard logsConnectionReady() else { logs.polling = .idle; return }
        logs.polling = .waiting(polls: 0, elapsed: 0)
        issueLogRead(LogQuery(since: upload.readFrom), effects: &effects)
        effects.append(.pollLogsAfter(seconds: LogsPolling.delay(afterPolls: 0), generation: logs.generation))
        if !logs.jobReading { readJob(effects: &effects) }
    }

    /// Time for the next read of a followed upload (stale generations and finished follows ignored).
    mutating func logsPollDue(generation: Int, effects: inout [AppEffect]) {
        guard generation == logs.generation, case .waiting(let polls, let elapsed) = logs.polling, let upload = logs.upload else { return }
        let waited = elapsed + LogsPolling.delay(afterPolls: polls)
        if checkUploadOverdue(waited: waited) { return }
        // A read still in flight (a slow network) is not doubled.
        if logs.pendingReads == 0, logsConnectionReady() { issueLogRead(LogQuery(since: upload.readFrom), effects: &effects) }
        logs.polling = .waiting(polls: polls + 1, elapsed: waited)
        effects.append(.pollLogsAfter(seconds: LogsPolling.delay(afterPolls: polls + 1), generation: generation))
    }

    /// The answer of a read: entries merged (newest first, once each), users' statuses updated; a
    /// followed upload that is still missing users reads the job again (is it still stopped?).
    mutating func logsFetched(_ result: LogsFetchResult, generation: Int, effects: inout [AppEffect]) {
        guard generation == logs.generation else { return }
        if let at = result.at { clock = max(clock, at) }
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
            slideLogsWindow()
            logs.refilter(viewport: logsLayout.listRows)
            applyProvisioningStatus(Set(fresh.map(\.externalId)))
            checkUploadCovered()
            if logs.polling.isWaiting, logs.uploadCovered.count == coveredBefore, !logs.jobReading { readJob(effects: &effects) }
        }
        if logs.polling.isWaiting { _ = checkUploadOverdue(waited: 0) }
    }

    mutating func jobFetched(_ result: JobFetchResult) {
        logs.jobReading = false
        switch result {
        case .status(let status):
            // A job seen starting again during a follow: what it holds is processed from now on.
            if let previous = logs.job, !previous.processesUploads, status.processesUploads { logs.upload?.jobStartedAt = clock }
            logs.job = status
            logs.jobReadAt = clock
            logs.jobError = nil
        case .failed(let reason):
            logs.jobError = reason
        }
    }

    /// The operator confirmed a job action in its dialog.
    mutating func confirmJobAction(_ action: JobAction, effects: inout [AppEffect]) {
        if let missing = connect.missing {
            message = StatusMessage("cannot \(action.rawValue) the job: \(missing)", .error)
            return
        }
        logs.jobBusy = action
        effects.append(.jobAction(connect.request, action))
        message = StatusMessage("asking Entra to \(action.rawValue) the job…")
    }

    mutating func jobActionFinished(_ action: JobAction, error: String?, effects: inout [AppEffect]) {
        logs.jobBusy = nil
        if let error {
            message = StatusMessage("could not \(action.rawValue) the job: \(error)", .error)
            return
        }
        message = StatusMessage(Self.jobDone(action), .success)
        readJob(effects: &effects)
        if action == .restart { purgeAfterRestart(effects: &effects) }
        guard action != .pause, logs.upload != nil else { return }
        // The wait for the upload's users counts from this start; a follow that gave up starts again.
        logs.upload?.jobStartedAt = clock
        if action == .restart, !logs.uploadMissing.isEmpty {
            let missing = LogsText.count(logs.uploadMissing.count, "user")
            message = StatusMessage("the job was restarted: Entra discards uploads still waiting to be processed, so the \(missing) of the upload without an entry may need to be sent again", .warning)
        }
        if logs.polling == .timedOut {
            logs.polling = .waiting(polls: 0, elapsed: 0)
            effects.append(.pollLogsAfter(seconds: LogsPolling.delay(afterPolls: 0), generation: logs.generation))
        }
    }
}
