/// A quarantine reason in plain words, with what Microsoft advises doing about it
/// (Microsoft's "Application provisioning in quarantine status" page; our wording).
public struct QuarantineAdvice: Sendable, Equatable {
    /// What happened, for someone who has never seen the reason's identifier.
    public var meaning: String
    /// What to do, ending with how to get the job going again.
    public var advice: String

    /// The advice for `reason`; `apiDriven` (an API2AAD/API2AD job) makes the missing notification
    /// email the first suspect of a quarantine exception, as ENTRA.md §5 says it causes one.
    public static func forReason(_ reason: String?, message: String? = nil, apiDriven: Bool) -> QuarantineAdvice {
        let restart = "then restart the job (scimterm job restart; allow about 40 minutes)."
        switch reason?.lowercased() {
        case "encounteredquarantineexception":
            if mentionsNotificationEmail(message) || apiDriven {
                return QuarantineAdvice(
                    meaning: "The provisioning service hit an error it could not get past; for an API-driven app the usual cause is that no notification email is set.",
                    advice: "In the Entra admin center, open the app's Provisioning > Settings, set a Notification Email and save; " + restart)
            }
            return QuarantineAdvice(
                meaning: "The provisioning service hit an error it could not get past (often credentials it cannot use).",
                advice: "Read the quarantine error below and fix its cause (for example the admin credentials), " + restart)
        case "encounteredescrowproportionthreshold", "encounteredbaseescrowthreshold", "encounteredtotalescrowthreshold":
            return QuarantineAdvice(
                meaning: "Too many of the job's recent provisioning attempts failed, so Entra stopped processing.",
                advice: "Read the failures in the provisioning logs (scimterm logs --failures), fix the data or the mapping, " + restart)
        case "quarantineondemand", "quarantinedondemand":
            return QuarantineAdvice(
                meaning: "The job was put in quarantine on purpose (by Microsoft or an administrator), not by a failure.",
                advice: "Find out who quarantined it and why (Microsoft support may have), " + restart)
        case "toomanydeletes":
            return QuarantineAdvice(
                meaning: "The cycle would delete or disable more accounts than the accidental-deletion threshold allows.",
                advice: "Review the pending deletions in the portal and allow them, or fix what made users leave scope, " + restart)
        case "ingestioninterrupted":
            return QuarantineAdvice(
                meaning: "Processing of the uploaded data was interrupted.",
                advice: "Upload again what was not processed (scimterm send --resume), " + restart)
        default:
            return QuarantineAdvice(
                meaning: "The job is in quarantine for a reason Entra does not name (\(reason ?? "none given")).",
                advice: "Read the quarantine error below and the provisioning logs, " + restart)
        }
    }

    private static func mentionsNotificationEmail(_ message: String?) -> Bool {
        guard let message = message?.lowercased() else { return false }
        return message.contains("notification") && message.contains("email")
    }
}
