import Foundation
import Mapping
import SCIM

/// The emulator's Entra directory: it really applies accepted uploads, so tests can check what a
/// send did (every record exactly once, managers linked, duplicates rejected). What a record sets
/// is what the job's mapping computes (`JobMapping`), and users are matched on its matching attribute.
struct Directory: Sendable {
    private(set) var users: [String: DirectoryUser] = [:]  // by externalId
    /// userPrincipalName → the externalId that holds it, so checking a userName for a clash is O(1).
    private var upnOwners = PropertyIndex(property: "userPrincipalName")
    /// The matching attribute's value → the externalId that holds it; rebuilt when a PUT schema
    /// matches on another attribute.
    private var matchOwners = PropertyIndex(property: "employeeId")
    /// The other targets a SelectUniqueValue mapping writes → their values' owners, built when a
    /// mapping first needs one and then kept with every change.
    private var uniqueOwners: [String: PropertyIndex] = [:]

    /// How a batch is processed and reported.
    struct Context: Sendable {
        var cycleId: String
        var tenantId: String
        var servicePrincipalName: String
        var flowNullValues: Bool
        var now: Date
        var mapping: JobMapping
        /// The clock, default domain and random sources the expressions read.
        var evaluation: EvaluationContext
    }

    var count: Int { users.count }

    func user(externalId: String) -> DirectoryUser? { users[externalId] }

    /// Applies a batch and returns one log entry per operation, in order.
    mutating func process(_ batch: UploadBatch, _ context: Context) -> [ProvisioningLogEntry] {
        let builder = LogEntryBuilder(jobId: batch.jobId, cycleId: context.cycleId, tenantId: context.tenantId,
                                      servicePrincipal: (batch.servicePrincipalId, context.servicePrincipalName), now: context.now)
        if let target = context.mapping.matchingTarget, target != matchOwners.property {
            matchOwners = PropertyIndex(property: target, users: users)
        }
        for unique in context.mapping.uniqueValues where unique.target != upnOwners.property && uniqueOwners[unique.target] == nil {
            uniqueOwners[unique.target] = PropertyIndex(property: unique.target, users: users)
        }
        let computed = context.mapping.evaluate(batch.operations.map(\.data), in: context.evaluation)
        var outcomes = zip(batch.operations, computed).map { apply($0.0.bulkId, $0.0.data, $0.1, context) }
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

    /// The owners of a target attribute's values (the userPrincipalName's are always kept).
    func valueIndex(for target: String) -> PropertyIndex {
        target == upnOwners.property ? upnOwners : uniqueOwners[target] ?? PropertyIndex(property: target, users: users)
    }

    private mutating func apply(_ bulkId: String, _ data: JSONObject, _ batchComputed: ComputedUser, _ context: Context) -> OperationOutcome {
        let record = UserRecord(data: data)
        let externalId = record.externalId?.trimmingCharacters(in: .whitespaces) ?? ""
        let name = record.displayName ?? record.userName ?? externalId
        guard !externalId.isEmpty else { return Self.emptySourceIdentifier(name: name) }
        let importStep = OperationOutcome.Step(kind: .importFromAPI, status: "success",
                                               text: "Received User '\(name)' from the API request (bulkId \(bulkId)).",
                                               details: [("bulkId", bulkId), ("externalId", externalId)])
        let mapping = context.mapping
        guard let matchingValue = MappedUser.matchingValue(batchComputed, mapping) else {
            return Self.emptyMatchingValue(mapping.matchingTarget ?? "", name: name, externalId: externalId, importStep)
        }
        let existingKey = matchOwners.owner(of: matchingValue)
        let existing = existingKey.flatMap { users[$0] }
        let computed = mapping.uniqueValues.isEmpty ? batchComputed
            : selectingUniqueValues(batchComputed, record: data, mapping: mapping, context: context.evaluation, holder: existingKey)
        let mapped = MappedUser(computed, mapping: mapping, isNew: existing == nil)
        let old = existing?.properties ?? [:]
        let new = mapped.apply(to: old, flowNullValues: context.flowNullValues)
        let shownMatch = CustomSecurityAttributes.shown(matchingValue, target: mapping.matchingTarget ?? "", hidden: mapped.redacted)
        let steps = [importStep, Self.matchStep(mapping.matchingTarget ?? "", shownMatch, existing),
                     OperationOutcome.Step(kind: .scoping, status: "success", text: "User '\(name)' is in scope.")]
        if let failure = mapped.failure {
            return Self.evaluationFailure(failure, externalId: externalId, name: name, existing: existing, steps: steps)
        }
        if let owner = conflictingOwner(of: new["userPrincipalName"], key: existingKey ?? externalId) {
            let upn = CustomSecurityAttributes.shown((new["userPrincipalName"] ?? "").lowercased(), target: "userPrincipalName", hidden: mapped.redacted)
            return Self.conflict(upn: upn, owner: owner, externalId: externalId, name: name,
                                 existing: existing, steps: steps)
        }
        var modified = mapped.changes(from: old, to: new, targets: mapping.targets)
        let sentManager = mapping.mapsManager ? record.managerExternalId.flatMap { $0.isEmpty ? nil : $0 } : nil
        var manager = existing?.managerExternalId
        if mapping.mapsManager, context.flowNullValues, sentManager == nil, let previous = manager {
            modified.append(("manager", previous, nil))
            manager = nil
        }
        let objectId = existing?.objectId ?? UUID().uuidString.lowercased()
        store(DirectoryUser(objectId: objectId, externalId: externalId, properties: new, managerExternalId: manager),
              replacing: existingKey)
        let action = existing == nil ? "create" : modified.isEmpty ? "other"
            : old["accountEnabled"] == "True" && new["accountEnabled"] == "False" ? "disable" : "update"
        return OperationOutcome(action: action, status: action == "other" ? "skipped" : "success", sourceId: externalId,
                                sourceName: name, targetId: objectId, steps: steps, modified: modified, manager: sentManager)
    }

    /// Stores a user under its externalId and moves its indexed values. A user matched under another
    /// key (a PUT schema that matches on another attribute) takes the record's externalId.
    private mutating func store(_ user: DirectoryUser, replacing oldKey: String?) {
        let previous = oldKey.flatMap { users[$0] }
        if let oldKey, oldKey != user.externalId { users[oldKey] = nil }
        upnOwners.move(key: user.externalId, from: previous?.properties, oldKey: oldKey ?? "", to: user.properties)
        matchOwners.move(key: user.externalId, from: previous?.properties, oldKey: oldKey ?? "", to: user.properties)
        for target in uniqueOwners.keys {
            uniqueOwners[target]?.move(key: user.externalId, from: previous?.properties, oldKey: oldKey ?? "", to: user.properties)
        }
        users[user.externalId] = user
    }

    /// The key of another user that already holds the userPrincipalName, if any.
    private func conflictingOwner(of upn: String?, key: String) -> String? {
        guard let upn, let owner = upnOwners.owner(of: upn), owner != key else { return nil }
        return owner
    }

    private static func matchStep(_ target: String, _ value: String, _ existing: DirectoryUser?) -> OperationOutcome.Step {
        guard let existing else {
            return .init(kind: .matchNew, status: "success", text: "No user with \(target) '\(value)' was found; a new user will be created.")
        }
        return .init(kind: .matchExisting, status: "success",
                     text: "Matched User '\(value)' to the Entra ID user '\(existing.userPrincipalName ?? existing.displayName)'.")
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
        let reason = "The userPrincipalName '\(upn)' is already used by the user with employeeId '\(owner)'."
        return OperationOutcome(action: existing == nil ? "create" : "update", status: "failure", sourceId: externalId, sourceName: name,
                                targetId: existing?.objectId, steps: steps,
                                failure: .init(code: "AzureActiveDirectoryConflictEntry", reason: reason, category: "NonServiceFailure",
                                               recommendedAction: "Make userName unique, or fix the other record's externalId if both describe the same person."))
    }
}
