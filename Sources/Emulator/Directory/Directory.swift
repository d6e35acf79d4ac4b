import Foundation
import SCIM

/// The emulator's Entra directory: it really applies accepted uploads, so tests can check what a
/// send did (every record exactly once, managers linked, duplicates rejected).
struct Directory: Sendable {
    private(set) var users: [String: DirectoryUser] = [:]  // by externalId
    /// Lower-cased userPrincipalName → the externalId that holds it, kept with every change so that
    /// checking a userName for a clash costs O(1), not a scan of the directory.
    private var upnOwners: [String: String] = [:]

    /// How a batch is processed and reported.
    struct Context: Sendable {
        var cycleId: String
        var tenantId: String
        var servicePrincipalName: String
        var flowNullValues: Bool
        var now: Date
    }

    var count: Int { users.count }

    func user(externalId: String) -> DirectoryUser? { users[externalId] }

    /// Applies a batch and returns one log entry per operation, in order.
    mutating func process(_ batch: UploadBatch, _ context: Context) -> [ProvisioningLogEntry] {
        let builder = LogEntryBuilder(jobId: batch.jobId, cycleId: context.cycleId, tenantId: context.tenantId,
                                      servicePrincipal: (batch.servicePrincipalId, context.servicePrincipalName), now: context.now)
        var outcomes = batch.operations.map { apply($0.bulkId, $0.data, flowNullValues: context.flowNullValues) }
        // Managers are resolved after the whole batch, as Entra does, so order within a payload is free.
        for i in outcomes.indices {
            guard let manager = outcomes[i].manager else { continue }
            let externalId = outcomes[i].sourceId
            let found = users[manager] != nil
            let previous = users[externalId]?.managerExternalId
            if found { users[externalId]?.managerExternalId = manager }
            outcomes[i].resolveManager(manager, found: found, previous: previous)
        }
        return outcomes.map(builder.entry)
    }

    private mutating func apply(_ bulkId: String, _ data: JSONObject, flowNullValues: Bool) -> OperationOutcome {
        let record = UserRecord(data: data)
        let externalId = record.externalId?.trimmingCharacters(in: .whitespaces) ?? ""
        let name = record.displayName ?? record.userName ?? externalId
        guard !externalId.isEmpty else { return Self.emptySourceIdentifier(name: name) }
        let importStep = OperationOutcome.Step(kind: .importFromAPI, status: "success",
                                               text: "Received User '\(name)' from the API request (bulkId \(bulkId)).",
                                               details: [("bulkId", bulkId), ("externalId", externalId)])
        let existing = users[externalId]
        let old = existing?.properties ?? [:]
        let new = DefaultAttributeMapping.apply(DefaultAttributeMapping.carried(by: data), active: record.active, to: old,
                                                flowNullValues: flowNullValues)
        let steps = [importStep, Self.matchStep(externalId, existing), OperationOutcome.Step(kind: .scoping, status: "success", text: "User '\(name)' is in scope.")]
        if let owner = conflictingOwner(of: new["userPrincipalName"], externalId: externalId) {
            return Self.conflict(upn: new["userPrincipalName"] ?? "", owner: owner, externalId: externalId, name: name,
                                 existing: existing, steps: steps)
        }
        var modified = DefaultAttributeMapping.changes(from: old, to: new)
        let sentManager = record.managerExternalId.flatMap { $0.isEmpty ? nil : $0 }
        var manager = existing?.managerExternalId
        if flowNullValues, sentManager == nil, let previous = manager {
            modified.append(("manager", previous, nil))
            manager = nil
        }
        let objectId = existing?.objectId ?? UUID().uuidString.lowercased()
        store(DirectoryUser(objectId: objectId, externalId: externalId, properties: new, managerExternalId: manager))
        let action = existing == nil ? "create" : modified.isEmpty ? "other"
            : old["accountEnabled"] == "True" && new["accountEnabled"] == "False" ? "disable" : "update"
        return OperationOutcome(action: action, status: action == "other" ? "skipped" : "success", sourceId: externalId,
                                sourceName: name, targetId: objectId, steps: steps, modified: modified, manager: sentManager)
    }

    /// Stores a user and moves its userPrincipalName in the index.
    private mutating func store(_ user: DirectoryUser) {
        if let before = users[user.externalId]?.userPrincipalName?.lowercased(), upnOwners[before] == user.externalId {
            upnOwners[before] = nil
        }
        if let upn = user.userPrincipalName?.lowercased() { upnOwners[upn] = user.externalId }
        users[user.externalId] = user
    }

    /// The externalId of another user that already holds the userPrincipalName, if any.
    private func conflictingOwner(of upn: String?, externalId: String) -> String? {
        guard let upn, let owner = upnOwners[upn.lowercased()], owner != externalId else { return nil }
        return owner
    }

    private static func matchStep(_ externalId: String, _ existing: DirectoryUser?) -> OperationOutcome.Step {
        guard let existing else {
            return .init(kind: .matchNew, status: "success", text: "No user with employeeId '\(externalId)' was found; a new user will be created.")
        }
        return .init(kind: .matchExisting, status: "success",
                     text: "Matched User '\(externalId)' to the Entra ID user '\(existing.userPrincipalName ?? existing.displayName)'.")
    }

    private static func emptySourceIdentifier(name: String) -> OperationOutcome {
        let reason = "Source identifier of an entry cannot be empty."
        return OperationOutcome(action: "other", status: "failure", sourceId: "", sourceName: name, targetId: nil,
                                steps: [.init(kind: .importFromAPI, status: "failure", text: reason)],
                                failure: .init(code: "InvalidSourceIdentifier", reason: reason, category: "NonServiceFailure",
                                               recommendedAction: "Set externalId to the worker's unique id in the source system and send the record again."))
    }

    /// A userName held by another externalId: Entra refuses to create a second user with that UPN.
    private static func conflict(upn: String, owner: String, externalId: String, name: String, existing: DirectoryUser?,
                                 steps: [OperationOutcome.Step]) -> OperationOutcome {
        let reason = "The userPrincipalName '\(upn.lowercased())' is already used by the user with employeeId '\(owner)'."
        return OperationOutcome(action: existing == nil ? "create" : "update", status: "failure", sourceId: externalId, sourceName: name,
                                targetId: existing?.objectId, steps: steps,
                                failure: .init(code: "AzureActiveDirectoryConflictEntry", reason: reason, category: "NonServiceFailure",
                                               recommendedAction: "Make userName unique, or fix the other record's externalId if both describe the same person."))
    }
}
