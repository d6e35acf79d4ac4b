import Foundation
import Provisioning
import TerminalUI

/// The Logs screen's sense of time: it never asks the system clock. Time arrives with ticks and
/// with answers (the context's clock, which the App advances first); while the screen is shown it
/// ticks every second, so the ages it prints ("read 12 s ago") move, the time window slides, and a
/// follow notices when an upload is overdue.
extension LogsUpdate {
    /// A tick arrived (the context's clock holds its time).
    static func ticked(_ state: inout LogsState, _ context: ScreenContext, _ inputs: LogsInputs) -> [ScreenEffect] {
        with(&state, context, inputs) { $0.ticked() }
    }

    /// Starts the screen's ticks unless they run: the first one comes at once, with the time.
    mutating func startClock() {
        guard logs.clockDue == nil else { return }
        // Any tick from now on is the chain's: the first answers this request.
        logs.clockDue = clock
        logs.clockTicking = false
        run(.tickAfter(milliseconds: 0))
    }

    /// Only the chain's own tick re-arms it, so ticks of other timers (a send's, the connection
    /// test's) never start a second chain.
    mutating func ticked() {
        guard let due = logs.clockDue, clock >= due.addingTimeInterval(-0.2) else { return }
        guard inputs.shown, connection.missing == nil, !logs.showsImported else {
            logs.clockDue = nil
            logs.clockTicking = false
            return
        }
        logs.clockDue = clock.addingTimeInterval(1)
        logs.clockTicking = true
        run(.tickAfter(milliseconds: 1000))
        slideWindow()
        logs.refilter(viewport: layout.listRows)
        if logs.readOnTick {
            readLogs()
        } else if logs.refreshOnTick {
            logs.refreshOnTick = false
            let stale = logs.lastRead.map { clock.timeIntervalSince($0) > 60 } ?? true
            if stale, logs.pendingReads == 0, !logs.polling.isWaiting {
                readLogs()
                if !logs.jobReading { readJob() }
            }
        }
        _ = checkUploadOverdue(waited: 0)
    }

    /// The time window ends now: its start moves with the clock.
    mutating func slideWindow() {
        logs.windowStart = logs.window.seconds.map { clock.addingTimeInterval(-$0) }
    }

    /// Past `notProcessedAfter` with users still missing, the follow stops and says so (the waiting
    /// line words it after the job's state). `waited` (the polls' own delays) ends a follow whose
    /// reads never come back. True when it stopped.
    mutating func checkUploadOverdue(waited: Double) -> Bool {
        guard case .waiting = logs.polling, let upload = logs.upload, !logs.uploadMissing.isEmpty else { return false }
        let overdue = clock >= upload.overdue(after: logs.notProcessedAfter)
        guard overdue || waited >= logs.notProcessedAfter + LogsPolling.unansweredMargin else { return false }
        logs.polling = .timedOut
        if let text = LogsFollowText(logs: logs, now: clock).overdue() { say(StatusMessage(text, .warning)) }
        return true
    }
}
