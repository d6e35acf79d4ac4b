import Foundation
import Provisioning
import TerminalUI

/// Reading the provisioning logs and the job, and what their answers change outside the screen
/// (the users' statuses in the Users table).
extension LogsUpdate {
    /// The Logs screen was opened: its clock starts (the ages on screen move with it), and the logs
    /// and the job are read the first time, and again when what it shows is more than a minute old
    /// (not while an upload is followed: the polls read). Staleness is judged at the first tick, which
    /// brings the time.
    mutating func screenOpened() {
        // An imported set is not observed now: no clock, no read until the live logs are asked for.
        guard inputs.shown, connection.missing == nil, !logs.showsImported else { return }
        startClock()
        guard logs.pendingReads == 0, !logs.readOnTick, !logs.polling.isWaiting else { return }
        if logs.lastRead == nil && logs.error == nil {
            readLogs()
            if !logs.jobReading { readJob() }
        } else {
            logs.refreshOnTick = true
        }
    }

    /// Reads the logs for the filters now (r, a user from the Users screen). The time window needs the
    /// time: without the screen's clock running, the read waits for its first tick (at once).
    mutating func readLogs() {
        guard connectionReady() else { return }
        guard logs.clockTicking else {
            logs.readOnTick = true
            startClock()
            return
        }
        logs.readOnTick = false
        slideWindow()
        logs.refilter(viewport: layout.listRows)
        issueRead(logs.query(now: clock))
    }

    /// Reads again only when the filters now want entries the last read did not ask for.
    mutating func readLogsIfWidened() {
        if logs.showsImported { return }
        let wanted = logs.query(now: clock)
        if let last = logs.lastQuery, Self.query(last, covers: wanted) { return }
        readLogs()
    }

    mutating func issueRead(_ query: LogQuery) {
        logs.lastQuery = query
        logs.pendingReads += 1
        run(.fetchLogs(connection.request, query, generation: logs.generation))
    }

    /// Reads the job; the answer comes with its time (`.jobObserved`), so the screen can say its age.
    mutating func readJob() {
        guard connectionReady() else { return }
        logs.jobReading = true
        run(.observeJob(connection.request))
    }

    /// False, and says why in the status line, when the connection is not complete; a different
    /// endpoint than the entries came from starts afresh.
    mutating func connectionReady() -> Bool {
        if let missing = connection.missing {
            say(StatusMessage("cannot read the provisioning logs: \(missing) (Connect, 1)", .warning))
            return false
        }
        let endpoint = connection.request.endpoint
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
        let failed = logs.failedUsers(of: upload)
        let text = "Entra processed all \(LogsText.count(upload.count, "user")) of the upload"
            + (failed == 0 ? ", none failed" : ": \(failed) failed (Logs, f shows failures)")
        say(StatusMessage(text, failed == 0 ? .success : .warning))
    }

    /// The Users table's status of each record named in a read: what the newest known entry says.
    /// A send on its way keeps its own status, and a record just sent takes only entries of that
    /// upload (an older entry says nothing about it). The statuses are the Users table's, so they
    /// come `inout`: one request per record would only be this loop written elsewhere.
    static func applyProvisioningStatus(_ externalIds: Set<String>, logs: LogsState, store: RecordStore,
                                        statuses: inout [Int: RecordSendStatus]) {
        var newest: [String: LogEntry] = [:]
        for entry in logs.entries where externalIds.contains(entry.log.externalId) && !entry.log.externalId.isEmpty {
            if newest[entry.log.externalId] == nil { newest[entry.log.externalId] = entry }
        }
        guard !newest.isEmpty else { return }
        for record in store.entries {
            guard let externalId = record.record.externalId, let entry = newest[externalId],
                let status = sendStatus(of: entry.log)
            else { continue }
            switch statuses[record.id] {
            case .queued?, .sending?: continue
            case .accepted?, .failed?:
                // Just sent: only an entry newer than its 202 says what Entra did with it.
                if let upload = logs.upload, upload.acceptedAt[externalId] != nil, !upload.isOutcome(entry) { continue }
            default: break
            }
            statuses[record.id] = status
        }
    }

    static func sendStatus(of log: ProvisioningLog) -> RecordSendStatus? {
        switch log.status.lowercased() {
        case "failure": return .provisioningFailed(reason: log.reason ?? log.errorCode ?? "Entra gave no reason")
        case "success", "warning", "skipped": return .provisioned(action: LogsText.action(log))
        default: return nil
        }
    }
}

extension LogsState {
    /// Users of the upload whose newest entry since the send is a failure.
    func failedUsers(of upload: LogsUpload) -> Int {
        var seen: Set<String> = []
        var failed = 0
        for entry in entries where upload.isOutcome(entry) && !seen.contains(entry.log.externalId) {
            seen.insert(entry.log.externalId)
            if entry.isFailure { failed += 1 }
        }
        return failed
    }
}
