import Foundation
import SCIM

/// The emulator's Entra directory: it really applies accepted uploads, so tests can check what a
/// send did (every record exactly once, managers linked, duplicates rejected).
struct Directory: Sendable {
    private(set) var users: [String: DirectoryUser] = [:]  // by externalId

    var count: Int { users.count }

    func user(externalId: String) -> DirectoryUser? { users[externalId] }

    /// Applies a batch and returns one log entry per operation, in order.
    mutating func process(_ batch: UploadBatch, cycleId: String, servicePrincipalName: String, now: Date) -> [ProvisioningLogEntry] {
        let builder = LogEntryBuilder(jobId: batch.jobId, cycleId: cycleId,
                                      servicePrincipal: (batch.servicePrincipalId, servicePrincipalName), now: now)
        var entries: [ProvisioningLogEntry] = []
        var pendingManagers: [(index: Int, externalId: String, manager: String)] = []
        for op in batch.operations {
            let (entry, manager) = apply(op.bulkId, op.data, builder: builder)
            if let manager { pendingManagers.append((entries.count, entry.sourceId, manager)) }
            entries.append(entry)
        }
        // Managers are resolved after the whole batch, as Entra does, so order within a payload is free.
        for pending in pendingManagers {
            let resolved = users[pending.manager] != nil
            if resolved { users[pending.externalId]?.managerExternalId = pending.manager }
            entries[pending.index] = builder.withManagerStep(entries[pending.index], manager: pending.manager, resolved: resolved)
        }
        return entries
    }

    private mutating func apply(_ bulkId: String, _ data: JSONObject, builder: LogEntryBuilder) -> (ProvisioningLogEntry, String?) {
        let record = UserRecord(data: data)
        let externalId = record.externalId?.trimmingCharacters(in: .whitespaces) ?? ""
        let name = record.displayName ?? record.userName ?? externalId
        let importStep = LogEntryBuilder.Step(name: "Import from API", type: "import", status: "success",
                                              description: "Received User '\(name)' from the API request (bulkId \(bulkId)).",
                                              details: [("bulkId", bulkId), ("externalId", externalId)])
        guard !externalId.isEmpty else {
            return (builder.entry(action: "other", status: "failure", sourceId: "", sourceName: name, targetId: nil,
                                  steps: [LogEntryBuilder.Step(name: "Import from API", type: "import", status: "failure",
                                                               description: "Source identifier of an entry cannot be empty.")],
                                  modified: [], failure: .init(code: "InvalidSourceIdentifier", reason: "Source identifier of an entry cannot be empty.",
                                                               category: "NonServiceFailure", recommendedAction: "Set externalId to the worker's unique id in the source system and send the record again.")), nil)
        }
        var newProperties = DefaultAttributeMapping.properties(of: data)
        let existing = users[externalId]
        let matchStep = LogEntryBuilder.Step(
            name: "Match user", type: "matching", status: "success",
            description: existing == nil ? "No user with employeeId '\(externalId)' was found; a new user will be created."
                : "Matched User '\(externalId)' to the Entra ID user '\(existing?.userPrincipalName ?? existing?.displayName ?? "")'.")
        let scopeStep = LogEntryBuilder.Step(name: "Determine if User is in scope", type: "scoping", status: "success",
                                             description: "User '\(name)' is in scope.")
        if let upn = newProperties["userPrincipalName"]?.lowercased(),
            let clash = users.values.first(where: { $0.externalId != externalId && $0.userPrincipalName?.lowercased() == upn }) {
            let reason = "The userPrincipalName '\(upn)' is already used by the user with employeeId '\(clash.externalId)'."
            return (builder.entry(action: existing == nil ? "create" : "update", status: "failure", sourceId: externalId, sourceName: name,
                                  targetId: existing?.objectId, steps: [importStep, matchStep, scopeStep,
                                  LogEntryBuilder.Step(name: "Provision User", type: "export", status: "failure", description: reason)],
                                  modified: [], failure: .init(code: "AzureActiveDirectoryConflictEntry", reason: reason, category: "NonServiceFailure",
                                                               recommendedAction: "Make userName unique, or fix the other record's externalId if both describe the same person.")), nil)
        }
        if newProperties["userPrincipalName"] == nil, let old = existing?.userPrincipalName { newProperties["userPrincipalName"] = old }
        let old = existing?.properties ?? [:]
        let changed = Set(old.keys).union(newProperties.keys).filter { old[$0] != newProperties[$0] }.sorted()
        let action: String, description: String, status: String
        if existing == nil {
            action = "create"; status = "success"
            description = "User '\(name)' was created in Microsoft Entra ID."
        } else if changed.isEmpty {
            action = "other"; status = "skipped"
            description = "User '\(name)' already has the values sent; nothing was changed."
        } else if old["accountEnabled"] == "True" && newProperties["accountEnabled"] == "False" {
            action = "disable"; status = "success"
            description = "User '\(name)' was disabled in Microsoft Entra ID."
        } else {
            action = "update"; status = "success"
            description = "User '\(name)' was updated in Microsoft Entra ID."
        }
        let objectId = existing?.objectId ?? UUID().uuidString.lowercased()
        users[externalId] = DirectoryUser(objectId: objectId, externalId: externalId, properties: newProperties,
                                          managerExternalId: existing?.managerExternalId)
        let provision = LogEntryBuilder.Step(name: "Provision User", type: "export", status: status, description: description)
        let entry = builder.entry(action: action, status: status, sourceId: externalId, sourceName: name, targetId: objectId,
                                  steps: [importStep, matchStep, scopeStep, provision],
                                  modified: changed.map { ($0, old[$0], newProperties[$0]) })
        let manager = record.managerExternalId.flatMap { $0.isEmpty ? nil : $0 }
        return (entry, manager)
    }
}

extension LogEntryBuilder {
    /// Adds the reference-resolution step; an unresolved manager turns a success into a warning.
    func withManagerStep(_ entry: ProvisioningLogEntry, manager: String, resolved: Bool) -> ProvisioningLogEntry {
        guard var o = entry.json.objectValue, var steps = o["provisioningSteps"]?.arrayValue else { return entry }
        let step: JSONValue = .object([
            "name": "Resolve manager reference", "provisioningStepType": "referenceResolution",
            "status": .string(resolved ? "success" : "warning"),
            "description": .string(resolved ? "Manager '\(manager)' was linked."
                : "Manager with externalId '\(manager)' was not found; the manager attribute was not set."),
            "details": [:],
        ])
        steps.insert(step, at: max(0, steps.count - 1))
        o["provisioningSteps"] = .array(steps)
        var result = entry
        if !resolved, entry.status == "success", var info = o["provisioningStatusInfo"]?.objectValue {
            info["status"] = "warning"
            o["provisioningStatusInfo"] = .object(info)
            result.status = "warning"
        }
        result.json = .object(o)
        return result
    }
}
