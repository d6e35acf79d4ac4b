import Foundation

extension BulkUploader {
    /// Journals every call Entra counts against the tenant's daily quota and, when the plan says the
    /// send will not fit, lets only the calls that fit go now (the rest stays resumable).
    /// Returns the plan, for the confirmation or `--dry-run`.
    public mutating func planDailyQuota(_ quota: Int?, needed: Int, now: Date) -> DailyQuotaPlan {
        guard let journal else { return DailyQuotaPlan(needed: needed, recent: [], quota: quota, now: now) }
        let tenant = client.settings.tenant
        onCall = { at in try? journal.recordCall(tenant: tenant, at: at) }
        let plan = DailyQuotaPlan(needed: needed, recent: (try? journal.calls(tenant: tenant, now: now)) ?? [], quota: quota, now: now)
        if !plan.fits { callAllowance = plan.now }
        return plan
    }
}
