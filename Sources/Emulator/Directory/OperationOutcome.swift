/// What one bulkUpload operation did to the directory, before it becomes a log entry.
///
/// Kept as a value until the whole batch is applied because managers are resolved last: linking a
/// manager can still add a step, a modified property, or turn a skip into an update.
struct OperationOutcome: Sendable {
    struct Step: Sendable {
        var kind: ProvisioningStepKind
        var status: String
        /// What happened, after the portal's label ("Import from API: Received User …").
        var text: String
        var details: [(String, String)] = []
    }

    struct Failure: Sendable {
        var code: String
        var reason: String
        var category: String
        var recommendedAction: String
    }

    /// create | update | disable | other
    var action: String
    /// success | warning | failure | skipped
    var status: String
    var sourceId: String
    var sourceName: String
    var targetId: String?
    /// import, matching, scoping, then reference resolution when a manager was sent; the export step
    /// is derived from the final action, or from `failure`.
    var steps: [Step]
    var modified: [(name: String, old: String?, new: String?)] = []
    var failure: Failure?
    /// The manager's externalId the record sent, to be linked after the batch.
    var manager: String?

    /// The closing export step ("Provision User").
    var exportStep: Step? {
        if let failure {
            guard action != "other" else { return nil }  // never matched: nothing was exported
            return Step(kind: action == "create" ? .exportAdd : .exportUpdate, status: "failure", text: failure.reason)
        }
        let kind = ProvisioningStepKind.export(for: action)
        let text: String
        switch action {
        case "create": text = "User '\(sourceName)' was created in Microsoft Entra ID."
        case "disable": text = "User '\(sourceName)' was disabled in Microsoft Entra ID."
        case "update": text = "User '\(sourceName)' was updated in Microsoft Entra ID."
        default: text = "User '\(sourceName)' already has the values sent; nothing was changed."
        }
        return Step(kind: kind, status: action == "other" ? "skipped" : "success", text: text)
    }

    /// Adds the reference-resolution step. A manager that is not in the directory leaves the
    /// attribute unset and turns a success into a warning; a newly linked one is a modification.
    mutating func resolveManager(_ manager: String, found: Bool, previous: String?) {
        steps.append(Step(kind: .referenceResolution, status: found ? "success" : "warning",
                          text: found ? "Manager '\(manager)' was linked."
                              : "Manager with externalId '\(manager)' was not found; the manager attribute was not set."))
        if !found {
            if status == "success" { status = "warning" }
            return
        }
        guard previous != manager else { return }
        modified.append(("manager", previous, manager))
        if action == "other" {
            action = "update"
            status = "success"
        }
    }
}
