import Foundation
import SCIM

/// One `provisioningObjectSummary` (ENTRA.md §5), with the fields the `$filter` needs kept typed.
struct ProvisioningLogEntry: Sendable {
    var id: String
    var activityDateTime: Date
    var jobId: String
    var cycleId: String
    var changeId: String
    /// create | update | disable | other
    var action: String
    var servicePrincipalId: String
    var sourceId: String
    var sourceName: String
    /// The Entra object id, empty when nothing was matched or created.
    var targetId: String
    /// success | warning | failure | skipped
    var status: String
    var json: JSONValue
}

/// Turns operation outcomes into log entries as Graph v1.0 serves them: the steps of the portal
/// (Import from API, Match user, Determine if User is in scope, Provision User) under Graph's step names.
struct LogEntryBuilder {
    var jobId: String
    var cycleId: String
    var tenantId: String
    var servicePrincipal: (id: String, name: String)
    var now: Date
    /// Formatted once per batch: a date formatter per entry would dominate the cost of processing.
    private let activityDateTime: String

    init(jobId: String, cycleId: String, tenantId: String, servicePrincipal: (id: String, name: String), now: Date) {
        self.jobId = jobId
        self.cycleId = cycleId
        self.tenantId = tenantId
        self.servicePrincipal = servicePrincipal
        self.now = now
        activityDateTime = GraphError.isoDate(now)
    }

    func entry(_ o: OperationOutcome) -> ProvisioningLogEntry {
        let id = UUID().uuidString.lowercased()
        let changeId = UUID().uuidString.lowercased()
        let steps = o.steps + (o.exportStep.map { [$0] } ?? [])
        let json: JSONValue = .object([
            "id": .string(id),
            "activityDateTime": .string(activityDateTime),
            "tenantId": .string(tenantId),
            "jobId": .string(jobId),
            "cycleId": .string(cycleId),
            "changeId": .string(changeId),
            "durationInMilliseconds": .number(JSONNumber(Int.random(in: 40...400))),
            "initiatedBy": ["id": "", "displayName": "Azure AD Provisioning Service", "initiatorType": "system"],
            "provisioningAction": .string(o.action),
            "provisioningStatusInfo": statusInfo(o),
            "provisioningSteps": .array(steps.map(Self.stepJSON)),
            "modifiedProperties": .array(o.modified.map {
                ["displayName": .string($0.name), "oldValue": $0.old.map { .string($0) } ?? .null, "newValue": $0.new.map { .string($0) } ?? .null]
            }),
            "servicePrincipal": ["id": .string(servicePrincipal.id), "displayName": .string(servicePrincipal.name)],
            "sourceIdentity": ["id": .string(o.sourceId), "displayName": .string(o.sourceName), "identityType": "User", "details": [:]],
            "sourceSystem": ["id": "", "displayName": "API", "details": [:]],
            "targetIdentity": ["id": .string(o.targetId ?? ""), "displayName": .string(o.sourceName), "identityType": "User", "details": [:]],
            "targetSystem": ["id": "", "displayName": "Entra ID", "details": [:]],
        ])
        return ProvisioningLogEntry(id: id, activityDateTime: now, jobId: jobId, cycleId: cycleId, changeId: changeId, action: o.action,
                                    servicePrincipalId: servicePrincipal.id, sourceId: o.sourceId, sourceName: o.sourceName,
                                    targetId: o.targetId ?? "", status: o.status, json: json)
    }

    private func statusInfo(_ o: OperationOutcome) -> JSONValue {
        var info: JSONObject = ["status": .string(o.status)]
        if let f = o.failure {
            info.append("errorInformation", .object([
                "errorCode": .string(f.code), "reason": .string(f.reason), "additionalDetails": .string(f.reason),
                "errorCategory": .string(f.category), "recommendedAction": .string(f.recommendedAction),
            ]))
        }
        return .object(info)
    }

    private static func stepJSON(_ s: OperationOutcome.Step) -> JSONValue {
        var details = JSONObject()
        for (k, v) in s.details { details.append(k, .string(v)) }
        return .object([
            "name": .string(s.kind.name), "provisioningStepType": .string(s.kind.type), "status": .string(s.status),
            "description": .string("\(s.kind.label): \(s.text)"), "details": .object(details),
        ])
    }
}
