import Foundation
import Provisioning
import SCIM

/// What the send confirmation reads from Entra and the journal when it opens: the job's state
/// (never the connection test's cached one) and this machine's calls against the daily quota.
public struct SendCheck: Equatable, Sendable {
    public var job: Observed<JobStatus>?
    public var jobError: String?
    public var readingJob = false
    /// This machine's calls to the tenant in the last 24 h, when read.
    public var calls: Observed<[Date]>?
    public var callsError: String?
    /// What the send does to users Entra has (disables, renames, manager changes), when read.
    public var impact: SendImpact?
    public var impactError: String?
    /// bulkUpload calls per 24 h for the tenant (ENTRA.md §3: 2,000 on P1/P2, 6,000 with ID Governance); 0 turns the plan off.
    public var dailyQuota = 2000

    public init() {}

    /// The job line of the confirmation.
    func jobLine(now: Date) -> String {
        if readingJob { return "reading the job's state from Entra…" }
        if let job {
            let meaning = job.value.code == "Active" ? "uploads are processed" : "uploads wait until the job runs"
            return "\(job.value.code) (read \(job.age(now: now))): \(meaning)"
        }
        if let jobError { return "state unknown: \(jobError)" }
        return "state not read"
    }

    /// The daily-quota plan for `needed` calls, or nil until the journal has been read.
    func plan(needed: Int, now: Date, profileQuota: Int?) -> DailyQuotaPlan? {
        guard let calls else { return nil }
        return DailyQuotaPlan(needed: needed, recent: calls.value, quota: profileQuota ?? dailyQuota, now: now)
    }
}

extension AppState {
    /// The send confirmation opened: read the job and the quota afresh; the changes are assessed
    /// for `records` (nil: every user).
    mutating func startSendCheck(records: [UserRecord]? = nil, effects: inout [AppEffect]) {
        sendCheck.readingJob = true
        sendCheck.jobError = nil
        effects.append(.observeJob(connect.request))
        sendCheck.impact = nil
        sendCheck.impactError = nil
        if let journalPath {
            effects.append(.readQuotaCalls(tenant: connect.request.tenant, journalPath: journalPath))
            // The sandbox's journal is its own and its port changes every run: any endpoint is this one.
            let endpoint = sandbox ? nil : (try? connect.parsedEndpoint?.get())?.bulkUploadURL
            effects.append(.assessSendImpact(records: records ?? store.records, endpoint: endpoint, journalPath: journalPath))
        }
        effects.append(.tickAfter(milliseconds: 1000))
    }

    mutating func jobObserved(_ result: JobFetchResult, at: Date) {
        clock = max(clock, at)
        sendCheck.readingJob = false
        switch result {
        case .status(let status):
            sendCheck.job = Observed(status, at: at)
            sendCheck.jobError = nil
        case .failed(let reason):
            sendCheck.jobError = reason
        }
        // The Logs screen's job panel shows the same fresh answer.
        jobFetched(result)
        refreshSendDialog()
    }

    mutating func quotaCallsRead(_ result: Result<[Date], QuotaReadError>, at: Date) {
        clock = max(clock, at)
        switch result {
        case .success(let calls): sendCheck.calls = Observed(calls, at: at); sendCheck.callsError = nil
        case .failure(let error): sendCheck.callsError = error.reason
        }
        refreshSendDialog()
    }

    /// Over the limit, the confirmation's default becomes Cancel: Enter alone must not disable them.
    mutating func sendImpactAssessed(_ result: Result<SendImpact, QuotaReadError>) {
        switch result {
        case .success(let impact): sendCheck.impact = impact
        case .failure(let error): sendCheck.impactError = error.reason
        }
        if case .dialog(var dialog, .send(let scopes))? = overlay, sendCheck.impact?.exceeds(maxDisable: nil) == true {
            dialog.selectedButton = dialog.buttons.count - 1
            overlay = .dialog(dialog, .send(scopes))
        }
        refreshSendDialog()
    }

    /// Rewrites the open send confirmation from the current facts (their ages move with the clock).
    mutating func refreshSendDialog() {
        guard case .dialog(var dialog, .send(let scopes))? = overlay else { return }
        dialog.message = SendPlanning(state: self).confirmation(scopes)
        overlay = .dialog(dialog, .send(scopes))
    }

    var isSendDialogOpen: Bool {
        if case .dialog(_, .send)? = overlay { return true }
        return false
    }
}
