import Foundation
import SCIM

/// One `provisioningObjectSummary` (ENTRA.md §5), with the fields the `$filter` needs kept typed.
struct ProvisioningLogEntry: Sendable {
    var id: String
    var activityDateTime: Date
    var jobId: String
    var cycleId: String
    var sourceId: String
    var status: String
    var json: JSONValue
}

/// Builds log entries with the portal's four steps: Import from API, Match user, Determine if User
/// is in scope, Provision User.
struct LogEntryBuilder {
    var jobId: String
    var cycleId: String
    var servicePrincipal: (id: String, name: String)
    var now: Date

    struct Step {
        var name: String
        var type: String
        var status: String
        var description: String
        var details: [(String, String)] = []
    }

    struct Failure {
        var code: String
        var reason: String
        var category: String
        var recommendedAction: String
    }

    func entry(action: String, status: String, sourceId: String, sourceName: String, targetId: String?,
               steps: [Step], modified: [(name: String, old: String?, new: String?)], failure: Failure? = nil) -> ProvisioningLogEntry {
        let id = UUID().uuidString.lowercased()
        var statusInfo: JSONObject = ["status": .string(status)]
        if let failure {
            statusInfo.append("errorInformation", .object([
                "errorCode": .string(failure.code), "reason": .string(failure.reason),
                "additionalDetails": .string(failure.reason), "errorCategory": .string(failure.category),
                "recommendedAction": .string(failure.recommendedAction),
            ]))
        }
        let json: JSONValue = .object([
            "id": .string(id),
            "activityDateTime": .string(GraphError.isoDate(now)),
            "tenantId": .null,
            "jobId": .string(jobId),
            "cycleId": .string(cycleId),
            "changeId": .string(UUID().uuidString.lowercased()),
            "durationInMilliseconds": .number(JSONNumber(Int.random(in: 40...400))),
            "initiatedBy": ["id": "", "displayName": "Azure AD Provisioning Service", "initiatorType": "system"],
            "provisioningAction": .string(action),
            "provisioningStatusInfo": .object(statusInfo),
            "provisioningSteps": .array(steps.map(stepJSON)),
            "modifiedProperties": .array(modified.map {
                ["displayName": .string($0.name), "oldValue": $0.old.map { .string($0) } ?? .null, "newValue": $0.new.map { .string($0) } ?? .null]
            }),
            "servicePrincipal": ["id": .string(servicePrincipal.id), "displayName": .string(servicePrincipal.name)],
            "sourceIdentity": ["id": .string(sourceId), "displayName": .string(sourceName), "identityType": "User", "details": [:]],
            "sourceSystem": ["id": "", "displayName": "API", "details": [:]],
            "targetIdentity": ["id": .string(targetId ?? ""), "displayName": .string(sourceName), "identityType": "User", "details": [:]],
            "targetSystem": ["id": "", "displayName": "Entra ID", "details": [:]],
        ])
        return ProvisioningLogEntry(id: id, activityDateTime: now, jobId: jobId, cycleId: cycleId, sourceId: sourceId, status: status, json: json)
    }

    private func stepJSON(_ s: Step) -> JSONValue {
        var details = JSONObject()
        for (k, v) in s.details { details.append(k, .string(v)) }
        return .object([
            "name": .string(s.name), "provisioningStepType": .string(s.type), "status": .string(s.status),
            "description": .string(s.description), "details": .object(details),
        ])
    }
}
