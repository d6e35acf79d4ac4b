import App
import AppTesting
import Foundation
import Provisioning
import SCIM
import TerminalUI
import XCTest

/// The client reads provisioning log entries in the shapes Graph really sends: Microsoft's example
/// responses capitalise some enums (`"provisioningStepType": "Import"`, `"errorCategory":
/// "NonServiceFailure"`), beta still carries `statusInfo` and `action`, and step names are
/// identifiers (`EntryImport`, `EntrySynchronizationAdd`, `EntryExportUpdate`) that the portal labels.
final class LogsGraphShapeTests: XCTestCase {
    /// A v1.0 success shaped like Microsoft's first example response: capitalised step types.
    static let v1Success = """
        {"id": "a1f0c9de-5b77-4d21-9a0e-0c3d2e1f4a5b", "activityDateTime": "2025-05-01T10:06:12.1234567Z",
         "tenantId": "8c1b3d9e-5a4f-4e2b-9c7d-0f6a2b1e3d4c", "jobId": "API2AAD.0123456789abcdef0123456789abcdef.0b2b8f2c-7b71-4f8a-9a56-6c5d4e3f2a10",
         "cycleId": "c7a1e0f2-3b4d-4c5e-8f9a-0b1c2d3e4f50", "changeId": "9d8c7b6a-5f4e-4d3c-2b1a-0f9e8d7c6b5a",
         "provisioningAction": "Update", "durationInMilliseconds": 3120,
         "provisioningStatusInfo": {"status": "Success", "errorInformation": null},
         "provisioningSteps": [
           {"name": "EntryImport", "provisioningStepType": "Import", "status": "Success",
            "description": "Retrieved User '1002' from API", "details": {}},
           {"name": "EntryExportUpdate", "provisioningStepType": "Export", "status": "Success",
            "description": "User '1002' was updated in Azure Active Directory", "details": {"ReportableIdentifier": "1002"}}],
         "modifiedProperties": [{"displayName": "department", "oldValue": "Sales", "newValue": "Engineering"}],
         "servicePrincipal": {"id": "0b2b8f2c-7b71-4f8a-9a56-6c5d4e3f2a10", "displayName": "API-driven provisioning"},
         "sourceIdentity": {"identityType": "User", "id": "1002", "displayName": "José García", "details": {}},
         "targetIdentity": {"identityType": "User", "id": "5e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b", "displayName": "", "details": {}}}
        """

    /// A failure shaped like Microsoft's second example: lower-case step types, three named steps,
    /// `nonServiceFailure` as the schema spells it.
    static let v1Failure = """
        {"id": "b2e1d0cf-6c88-4e32-8b1f-1d4e3f2a5b6c", "activityDateTime": "2025-05-01T10:06:14Z",
         "provisioningAction": "create",
         "provisioningStatusInfo": {"status": "failure", "errorInformation": {"errorCode": "AzureActiveDirectoryConflictEntry",
            "reason": "Another user already has this userPrincipalName.", "additionalDetails": null,
            "errorCategory": "nonServiceFailure", "recommendedAction": null}},
         "provisioningSteps": [
           {"name": "EntryImportAdd", "provisioningStepType": "import", "status": "success", "description": "Received User '1005' change of type (Add) from API", "details": {}},
           {"name": "EntrySynchronizationAdd", "provisioningStepType": "matching", "status": "success", "description": "User '1005' will be created in Azure Active Directory", "details": {}},
           {"name": "EntryExportAdd", "provisioningStepType": "export", "status": "failure", "description": "Failed to create User '1005' in Azure Active Directory", "details": {}}],
         "sourceIdentity": {"identityType": "User", "id": "1005", "displayName": "Łukasz Kowalczyk", "details": {}}}
        """

    /// beta with only the deprecated names, and the example's capitalised error category.
    static let betaOld = """
        {"id": "c3f2e1a0-7d99-4f43-9c20-2e5f4a3b6c7d", "activityDateTime": "2025-05-01T10:06:15Z",
         "action": "Create user", "statusInfo": {"status": "Failure", "errorInformation": {"errorCode": "X",
            "reason": "why", "errorCategory": "NonServiceFailure", "recommendedAction": "what"}},
         "provisioningSteps": [{"name": "EntryReferenceResolution", "provisioningStepType": "ReferenceResolution", "status": "Skipped",
            "description": "Resolve manager reference: the manager '0417' is not provisioned yet", "details": {}},
           {"name": "EntrySomethingNew", "provisioningStepType": "somethingNew", "status": "success", "description": "", "details": {}}],
         "sourceIdentity": {"id": "1013", "displayName": "Jürgen Müller"}}
        """

    private func log(_ text: String) throws -> ProvisioningLog {
        try XCTUnwrap(ProvisioningLog(try JSONParser.parse(text)))
    }

    func testEnumsAreReadWithoutRegardToCaseAndKeptInTheSchemasSpelling() throws {
        let success = try log(Self.v1Success)
        XCTAssertEqual(success.status, "success")
        XCTAssertEqual(success.action, "update")
        XCTAssertEqual(success.steps.map(\.type), ["import", "export"])
        XCTAssertEqual(success.steps.map(\.status), ["success", "success"])
        XCTAssertFalse(success.isFailure)

        let failure = try log(Self.v1Failure)
        XCTAssertTrue(failure.isFailure)
        XCTAssertEqual(failure.errorCategory, "nonServiceFailure")
        XCTAssertEqual(failure.errorCode, "AzureActiveDirectoryConflictEntry")

        let old = try log(Self.betaOld)
        XCTAssertEqual(old.status, "failure", "beta's statusInfo")
        XCTAssertEqual(old.action, "create", "beta's action 'Create user'")
        XCTAssertEqual(old.errorCategory, "nonServiceFailure", "NonServiceFailure")
        XCTAssertEqual(old.reason, "why")
        XCTAssertEqual(old.steps.map(\.type), ["referenceResolution", "somethingNew"], "an enum we do not know is kept as it came")
    }

    func testStepsShowThePortalLabelBesideGraphsName() throws {
        XCTAssertEqual(try log(Self.v1Success).steps.map(\.title), ["Import from API (EntryImport)", "Provision User (EntryExportUpdate)"])
        XCTAssertEqual(try log(Self.v1Failure).steps.map(\.title),
                       ["Import from API (EntryImportAdd)", "Match user (EntrySynchronizationAdd)", "Provision User (EntryExportAdd)"])
        XCTAssertEqual(try log(Self.betaOld).steps.map(\.title), ["Resolve manager reference (EntryReferenceResolution)", "EntrySomethingNew"])
        let scoping = ProvisioningLog.Step(name: "EntrySynchronizationScoping", type: "scoping", status: "success", description: "")
        XCTAssertEqual(scoping.title, "Determine if User is in scope (EntrySynchronizationScoping)")
        let byName = ProvisioningLog.Step(name: "EntryExportDelete", type: "", status: "success", description: "")
        XCTAssertEqual(byName.title, "Provision User (EntryExportDelete)", "no type: the name's prefix says the phase")
        let portal = ProvisioningLog.Step(name: "Match user", type: "matching", status: "success", description: "")
        XCTAssertEqual(portal.title, "Match user", "a name that is the label is not doubled")
    }

    func testTheDetailShowsLabelsAndStatusesFromAnyCasing() throws {
        let k = LogFixture.connected(width: 120, height: 40)
        k.state.logs.window = .all
        k.press("6")
        k.send(.logsFetched(generation: k.state.logs.generation, .entries([try log(Self.v1Success)], at: LogFixture.base)))
        let text = k.text
        XCTAssertTrue(text.contains("update  success 1002"), text)
        XCTAssertTrue(text.contains("success  Import from API (EntryImport)"), text)
        XCTAssertTrue(text.contains("success  Provision User (EntryExportUpdate)"), text)
        XCTAssertTrue(text.contains("ReportableIdentifier: 1002"), text)

        k.send(.logsFetched(generation: k.state.logs.generation, .entries([try log(Self.betaOld)], at: LogFixture.base)))
        k.press("home")
        let beta = k.text
        XCTAssertTrue(beta.contains("create  failure 1013"), beta)
        XCTAssertTrue(beta.contains("skipped  Resolve manager reference (EntryReferenceResolution)"), beta)
        XCTAssertTrue(beta.contains("the manager '0417' is not provisioned yet"), beta)
        XCTAssertFalse(beta.contains("Resolve manager reference: the manager"), "the label opening the description is not repeated")
    }
}
