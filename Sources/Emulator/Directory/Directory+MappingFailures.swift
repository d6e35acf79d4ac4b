import Foundation

/// The failures the job's mapping can cause, as provisioning log outcomes. Microsoft documents no
/// error codes for them: the codes are ours (docs/EMULATOR.md, "Choices of ours").
extension Directory {
    /// The matching attribute computes nothing: the user can be neither matched nor created.
    static func emptyMatchingValue(_ target: String, name: String, externalId: String,
                                   _ importStep: OperationOutcome.Step) -> OperationOutcome {
        let reason = "The matching attribute '\(target)' has no value for this user, so it cannot be matched."
        return OperationOutcome(action: "other", status: "failure", sourceId: externalId, sourceName: name, targetId: nil,
                                steps: [importStep, .init(kind: .matchNew, status: "failure", text: reason)],
                                failure: .init(code: "EmptyMatchingAttributeValue", reason: reason, category: "NonServiceFailure",
                                               recommendedAction: "Send the attribute the matching mapping reads, or change the job's matching attribute."))
    }

    /// An expression of the mapping fails for this user: nothing of the user is written.
    static func evaluationFailure(_ failure: (target: String, message: String), externalId: String, name: String,
                                  existing: DirectoryUser?, steps: [OperationOutcome.Step]) -> OperationOutcome {
        let reason = "The mapping of '\(failure.target)' could not be evaluated: \(failure.message)"
        return OperationOutcome(action: existing == nil ? "create" : "update", status: "failure", sourceId: externalId,
                                sourceName: name, targetId: existing?.objectId, steps: steps,
                                failure: .init(code: "AttributeMappingEvaluationFailure", reason: reason, category: "NonServiceFailure",
                                               recommendedAction: "Fix the expression in the job's attribute mapping, or the source value it reads."))
    }
}
