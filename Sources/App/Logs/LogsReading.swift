import Foundation
import Provisioning
import TerminalUI

/// Reading the provisioning logs and the job, and what their answers change outside the screen
/// (the users' statuses in the Users table).
extension AppState {
    /// The Logs screen was opened: the first read of the logs and the job, and again when what it
    /// shows is more than a minute old (not while an upload is followed: the polls read).
    mutating func logsScreenOpened(effects: inout [AppEffect]) {
        guard screen == .logs, connect.missing == nil, logs.pendingReads == 0, !logs.polling.isWaiting else { return }
        let stale = logs.lastRead.map { Date().timeIntervalSince($0) > 60 } ?? (logs.error == nil)
        guard stale else { return }
        readLogs(effects: &effects)
        if !logs.jobReading { readJob(effects: &effects) }
    }

    /// Reads the logs for the filters now (r, a user from the Users screen).
    mutating func readLogs(effects: inout [AppEffect]) {
        guard logsConnectionReady() else { return }
        let now = Date()
        logs.windowStart = logs.window.seconds.map { now.addingTimeInterval(-$0) }
        logs.refilter(viewport: logsLayout.listRows)
        issueLogRead(logs.query(now: now), effects: &effects)
    }

    /// Reads again only when the filters now want entries the last read did not ask for.
    mutating func readLogsIfWidened(effects: inout [AppEffect]) {
        let wanted = logs.query(now: Date())
        if let last = logs.lastQuery, Self.query(last, covers: wanted) { return }
        readLogs(effects: &effects)
    }

    mutating func issueLogRead(_ query: LogQuery, effects: inout [AppEffect]) {
        logs.lastQuery = query
        logs.pendingReads += 1
        effects.append(.fetchLogs(connect.request, query, generation: logs.generation))
    }

    mutating func readJob(effects: inout [AppEffect]) {
        guard logsConnectionReady() else { return }
        logs.jobReading = true
        effects.append(.fetchJob(connect.request))
    }

    /// False, and says why in the status line, when the connection is not complete; a different
    /// endpoint than the entries came from starts afresh.
    mutating func logsConnectionReady() -> Bool {
        if let missing = connect.missing {
            message = StatusMessage("cannot read the provisioning logs: \(missing) (Connect, 1)", .warning)
            return false
        }
        let endpoint = connect.request.endpoint
        if let previous = logs.endpoint, previous != endpoint {
            logs.reset()
            logs.generation += 1
            logs.pendingReads = 0
        }
        logs.endpoint = endpoint
        return true
    }

    /// Whether entries read with `read` include every entry `wanted` asks for.
    static func query(_ read: LogQuery, covers wanted: LogQuery) -> Bool {
        if let id = read.externalId, id != wanted.externalId { return false }
        if let cycle = read.cycleId, cycle != wanted.cycleId { return false }
        if read.failuresOnly && !wanted.failuresOnly { return false }
        if let since = read.since {
            guard let from = wanted.since, from >= since else { return false }
        }
        return true
    }

    /// The Users table's status of each record named in a read: what the newest known entry says.
    /// A send on its way keeps its own status, and a record just sent takes only entries of that
    /// upload (an older entry says nothing about it).
    mutating func applyProvisioningStatus(_ externalIds: Set<String>) {
        var newest: [String: LogEntry] = [:]
        for entry in logs.entries where externalIds.contains(entry.log.externalId) && !entry.log.externalId.isEmpty {
            if newest[entry.log.externalId] == nil { newest[entry.log.externalId] = entry }
        }
        guard !newest.isEmpty else { return }
        for record in store.entries {
            guard let externalId = record.record.externalId, let entry = newest[externalId],
                let status = Self.sendStatus(of: entry.log)
            else { continue }
            switch sendStatus[record.id] {
            case .queued?, .sending?: continue
            case .accepted?, .failed?:
                if let upload = logs.upload, let date = entry.date, date < upload.readFrom { continue }
            default: break
            }
            sendStatus[record.id] = status
        }
    }

    static func sendStatus(of log: ProvisioningLog) -> RecordSendStatus? {
        switch log.status.lowercased() {
        case "failure": return .provisioningFailed(reason: log.reason ?? log.errorCode ?? "Entra gave no reason")
        case "success", "warning", "skipped": return .provisioned(action: LogsText.action(log))
        default: return nil
        }
    }

    /// Stops following once every user of the upload has an entry, and says how it went.
    mutating func checkUploadCovered() {
        guard let upload = logs.upload else { return }
        switch logs.polling {
        case .waiting, .timedOut: break
        default: return
        }
        let covered = logs.uploadCovered
        guard covered.count >= upload.count else { return }
        logs.polling = .complete
        let failed = failedUsers(of: upload)
        let text = "Entra processed all \(LogsText.count(upload.count, "user")) of the upload"
            + (failed == 0 ? ", none failed" : ": \(failed) failed (Logs, f shows failures)")
        message = StatusMessage(text, failed == 0 ? .success : .warning)
    }

    /// Users of the upload whose newest entry since the send is a failure.
    func failedUsers(of upload: LogsUpload) -> Int {
        var seen: Set<String> = []
        var failed = 0
        for entry in logs.entries where upload.externalIds.contains(entry.log.externalId) && !seen.contains(entry.log.externalId) {
            if let date = entry.date, date < upload.readFrom { continue }
            seen.insert(entry.log.externalId)
            if entry.isFailure { failed += 1 }
        }
        return failed
    }
}
