import App
import AppTesting
import Foundation
import Provisioning
import SCIM
import TerminalUI
import XCTest

/// Provisioning log entries as Graph sends them (ENTRA.md §5, and as the emulator writes them),
/// parsed from JSON text, and a connected state to read them into.
enum LogFixture {
    static let base = ISO8601DateFormatter().date(from: "2025-05-01T10:00:00Z")!

    struct Step {
        var name: String
        var type: String
        var status: String
        var description: String
        var details: String = "{}"
    }

    static func iso(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }

    /// One `provisioningObjectSummary`; `failure` is (code, reason, recommended action).
    static func json(id: String, at: Date, action: String, status: String, externalId: String, name: String,
                     steps: [Step], modified: [(String, String?, String?)] = [],
                     failure: (String, String, String)? = nil) -> String {
        func q(_ s: String?) -> String {
            guard let s else { return "null" }
            return "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        let error = failure.map { f in
            #", "errorInformation": {"errorCode": \#(q(f.0)), "reason": \#(q(f.1)), "additionalDetails": \#(q(f.1)), "errorCategory": "NonServiceFailure", "recommendedAction": \#(q(f.2))}"#
        } ?? ""
        let stepText = steps.map {
            #"{"name": \#(q($0.name)), "provisioningStepType": \#(q($0.type)), "status": \#(q($0.status)), "description": \#(q($0.description)), "details": \#($0.details)}"#
        }.joined(separator: ", ")
        let modifiedText = modified.map { #"{"displayName": \#(q($0.0)), "oldValue": \#(q($0.1)), "newValue": \#(q($0.2))}"# }.joined(separator: ", ")
        return """
            {"id": \(q(id)), "activityDateTime": \(q(iso(at))), "tenantId": null,
             "jobId": "API2AAD.0123456789abcdef0123456789abcdef.0b2b8f2c-7b71-4f8a-9a56-6c5d4e3f2a10",
             "cycleId": "c7a1e0f2-3b4d-4c5e-8f9a-0b1c2d3e4f50", "changeId": "9d8c7b6a-5f4e-4d3c-2b1a-0f9e8d7c6b5a",
             "durationInMilliseconds": 184,
             "initiatedBy": {"id": "", "displayName": "Azure AD Provisioning Service", "initiatorType": "system"},
             "provisioningAction": \(q(action)), "provisioningStatusInfo": {"status": \(q(status))\(error)},
             "provisioningSteps": [\(stepText)], "modifiedProperties": [\(modifiedText)],
             "servicePrincipal": {"id": "0b2b8f2c-7b71-4f8a-9a56-6c5d4e3f2a10", "displayName": "API-driven provisioning to Microsoft Entra ID"},
             "sourceIdentity": {"id": \(q(externalId)), "displayName": \(q(name)), "identityType": "User", "details": {}},
             "sourceSystem": {"id": "", "displayName": "API", "details": {}},
             "targetIdentity": {"id": "", "displayName": \(q(name)), "identityType": "User", "details": {}},
             "targetSystem": {"id": "", "displayName": "Entra ID", "details": {}}}
            """
    }

    static func parse(_ text: String) throws -> ProvisioningLog {
        try XCTUnwrap(ProvisioningLog(try JSONParser.parse(text)), "an entry with an id")
    }

    private static func importStep(_ name: String, _ externalId: String, bulkId: String) -> Step {
        Step(name: "Import from API", type: "import", status: "success",
             description: "Received User '\(name)' from the API request (bulkId \(bulkId)).",
             details: #"{"bulkId": "\#(bulkId)", "externalId": "\#(externalId)"}"#)
    }

    static func created(_ externalId: String, _ name: String, at: Date, id: String? = nil) throws -> ProvisioningLog {
        try parse(json(
            id: id ?? "e-\(externalId)-create", at: at, action: "create", status: "success", externalId: externalId, name: name,
            steps: [importStep(name, externalId, bulkId: "b-\(externalId)"),
                    Step(name: "Match user", type: "matching", status: "success",
                         description: "No user with employeeId '\(externalId)' was found; a new user will be created."),
                    Step(name: "Determine if User is in scope", type: "scoping", status: "success", description: "User '\(name)' is in scope."),
                    Step(name: "Provision User", type: "export", status: "success", description: "User '\(name)' was created in Microsoft Entra ID.")],
            modified: [("accountEnabled", nil, "True"), ("displayName", nil, name), ("employeeId", nil, externalId)]))
    }

    static func updated(_ externalId: String, _ name: String, at: Date, department: (String, String)) throws -> ProvisioningLog {
        try parse(json(
            id: "e-\(externalId)-update", at: at, action: "update", status: "success", externalId: externalId, name: name,
            steps: [importStep(name, externalId, bulkId: "b-\(externalId)-2"),
                    Step(name: "Match user", type: "matching", status: "success",
                         description: "Matched User '\(externalId)' to the Entra ID user '\(name)'."),
                    Step(name: "Determine if User is in scope", type: "scoping", status: "success", description: "User '\(name)' is in scope."),
                    Step(name: "Provision User", type: "export", status: "success", description: "User '\(name)' was updated in Microsoft Entra ID.")],
            modified: [("department", department.0, department.1)]))
    }

    static func skipped(_ externalId: String, _ name: String, at: Date) throws -> ProvisioningLog {
        try parse(json(
            id: "e-\(externalId)-skip", at: at, action: "other", status: "skipped", externalId: externalId, name: name,
            steps: [importStep(name, externalId, bulkId: "b-\(externalId)-3"),
                    Step(name: "Match user", type: "matching", status: "success",
                         description: "Matched User '\(externalId)' to the Entra ID user '\(name)'."),
                    Step(name: "Determine if User is in scope", type: "scoping", status: "success", description: "User '\(name)' is in scope."),
                    Step(name: "Provision User", type: "export", status: "skipped", description: "User '\(name)' already has the values sent; nothing was changed.")]))
    }

    static let conflictReason = "The userPrincipalName 'lukasz.kowalczyk@contoso.com' is already used by the user with employeeId '0417'."
    static let conflictAction = "Make userName unique, or fix the other record's externalId if both describe the same person."

    static func conflict(_ externalId: String, _ name: String, at: Date) throws -> ProvisioningLog {
        try parse(json(
            id: "e-\(externalId)-fail", at: at, action: "create", status: "failure", externalId: externalId, name: name,
            steps: [importStep(name, externalId, bulkId: "b-\(externalId)"),
                    Step(name: "Match user", type: "matching", status: "success",
                         description: "No user with employeeId '\(externalId)' was found; a new user will be created."),
                    Step(name: "Determine if User is in scope", type: "scoping", status: "success", description: "User '\(name)' is in scope."),
                    Step(name: "Provision User", type: "export", status: "failure", description: conflictReason)],
            failure: ("AzureActiveDirectoryConflictEntry", conflictReason, conflictAction)))
    }

    /// The sample users, connected to the sandbox (a secret typed, the job Active).
    static func connected(width: Int = 100, height: Int = 30) -> Keys {
        var state = Fixture.connected(width: width, height: height)
        state.timeZone = TimeZone(identifier: "UTC")!
        return Keys(state)
    }

    /// A send of these users ended, accepted, at `at`: what the send code hands the Logs screen.
    static func finishSend(_ k: Keys, externalIds: [String], at: Date) {
        let ids = externalIds.compactMap { ext in k.state.store.entries.first { $0.record.externalId == ext }?.id }
        k.state.send = SendProgress(title: "test", documents: [SendDocument(bytes: [], recordIDs: ids, externalIds: externalIds)],
                                    startedAt: at, accepted: [true])
        for id in ids { k.state.sendStatus[id] = .accepted }
        k.send(.sendFinished(SendResult(sendId: "send-1", cancelled: false, accepted: 1, failed: 0)))
    }

    static func recordID(_ k: Keys, _ externalId: String) -> Int? {
        k.state.store.entries.first { $0.record.externalId == externalId }?.id
    }
}

extension Keys {
    /// The effects asked for since the last call, and forgets them.
    func takeEffects() -> [AppEffect] {
        defer { effects = [] }
        return effects
    }
}
