extension HTTPExchange.Purpose {
    /// The application permission this call needs (ENTRA.md §3), so a 403 names the one that is
    /// missing instead of always blaming the upload permission.
    public var requiredPermission: String? {
        switch self {
        case .bulkUpload: return "SynchronizationData-User.Upload (or SynchronizationData-User.Upload.OwnedBy)"
        case .provisioningLogs: return "AuditLog.Read.All (or ProvisioningLog.Read.All)"
        case .job: return "Synchronization.Read.All"
        case .jobAction: return "Synchronization.ReadWrite.All"
        case .token, .other: return nil
        }
    }

    /// What the call was for, in the words of a 403 message ("reading the provisioning logs").
    public var activity: String {
        switch self {
        case .token: return "signing in"
        case .bulkUpload: return "uploading to bulkUpload"
        case .job: return "reading the provisioning job"
        case .jobAction(let action): return "\(Self.gerund(action)) the provisioning job"
        case .provisioningLogs: return "reading the provisioning logs"
        case .other: return "calling Graph"
        }
    }

    /// "pause" → "pausing", "restart" → "restarting".
    static func gerund(_ verb: String) -> String {
        guard !verb.isEmpty else { return "controlling" }
        return (verb.hasSuffix("e") ? String(verb.dropLast()) : verb) + "ing"
    }
}
