import Emulator
import Foundation
import SCIM
import XCTest

/// Log entries as Graph serves them: step names are identifiers, the portal's label opens the
/// description, provisioningStepType is the schema's lower-case value, tenantId is filled.
final class LogEntryShapeTests: XCTestCase {
    private let t0 = CoreDriver.t0

    private func steps(_ e: JSONObject) -> [JSONObject] { e["provisioningSteps"]?.arrayValue?.compactMap(\.objectValue) ?? [] }

    private func entry(_ entries: [JSONObject], _ id: String) throws -> JSONObject {
        try XCTUnwrap(entries.first { $0.object("sourceIdentity")?.string("id") == id }, "no entry for \(id)")
    }

    func testCreateUpdateSkipAndManagerSteps() async throws {
        let d = CoreDriver()
        try await d.send([PartialUpdateTests.fullRecord("m1", manager: nil)], at: t0)
        let created = try entry(try await d.logs(at: t0), "m1")
        XCTAssertEqual(created.string("tenantId"), SandboxIds.tenant)
        XCTAssertEqual(steps(created).map { $0.string("name") }, ["EntryImport", "EntryImportAdd", "EntrySynchronizationScoping", "EntryExportAdd"])
        XCTAssertEqual(steps(created).map { $0.string("provisioningStepType") }, ["import", "matching", "scoping", "export"])
        let labels = ["Import from API: ", "Match user: ", "Determine if User is in scope: ", "Provision User: "]
        for (step, label) in zip(steps(created), labels) {
            XCTAssertTrue(step.string("description")?.hasPrefix(label) ?? false, "\(step.string("description") ?? "") ← \(label)")
        }
        XCTAssertEqual(steps(created).last?.string("description"), "Provision User: User 'Babs Jensen' was created in Microsoft Entra ID.")

        let managed = PartialUpdateTests.fullRecord("m1", manager: "m0").replacingOccurrences(of: "Tour Guide", with: "Guide")
        try await d.send([managed, PartialUpdateTests.fullRecord("m0", manager: nil)], at: t0 + 60)
        let updated = try entry(try await d.logs(at: t0 + 60).filter { $0.string("activityDateTime") == GraphTime.string(t0 + 60) }, "m1")
        XCTAssertEqual(steps(updated).map { $0.string("name") },
                       ["EntryImport", "EntryImportUpdate", "EntrySynchronizationScoping", "EntryReferenceResolution", "EntryExportUpdate"])
        XCTAssertEqual(steps(updated)[3].string("provisioningStepType"), "referenceResolution")
        XCTAssertTrue(steps(updated)[3].string("description")?.hasPrefix("Resolve manager reference: ") ?? false)
        let changes = updated["modifiedProperties"]?.arrayValue?.compactMap { $0.objectValue?.string("displayName") } ?? []
        XCTAssertEqual(changes, ["jobTitle", "manager"])

        try await d.send([managed], at: t0 + 120)
        let same = try entry(try await d.logs(at: t0 + 120).filter { $0.string("activityDateTime") == GraphTime.string(t0 + 120) }, "m1")
        XCTAssertEqual(same.object("provisioningStatusInfo")?.string("status"), "skipped")
        XCTAssertEqual(steps(same).last?.string("name"), "EntryExportSkip")
        XCTAssertEqual(steps(same).last?.string("status"), "skipped")
    }

    func testFailuresNameTheStepThatFailed() async throws {
        let d = CoreDriver()
        let a = #"{"externalId":"a","userName":"same@contoso.com","active":true}"#
        let b = #"{"externalId":"b","userName":"SAME@contoso.com","active":true}"#
        let empty = #"{"externalId":"","userName":"x@contoso.com","active":true}"#
        try await d.send([a, b, empty], at: t0)
        let entries = try await d.logs(at: t0)
        let clash = try entry(entries, "b")
        XCTAssertEqual(steps(clash).last?.string("name"), "EntryExportAdd")
        XCTAssertEqual(steps(clash).last?.string("status"), "failure")
        XCTAssertEqual(clash.object("provisioningStatusInfo")?.object("errorInformation")?.string("errorCode"), "AzureActiveDirectoryConflictEntry")
        let noId = try entry(entries, "")
        XCTAssertEqual(steps(noId).map { $0.string("name") }, ["EntryImport"])
        XCTAssertEqual(noId.object("provisioningStatusInfo")?.object("errorInformation")?.string("reason"), "Source identifier of an entry cannot be empty.")
        let exists = await d.core.userExists(externalId: "b")
        XCTAssertFalse(exists)
    }

    func testAUserNameFreedByARenameCanBeTaken() async throws {
        let d = CoreDriver()
        try await d.send([#"{"externalId":"a","userName":"first@contoso.com","active":true}"#], at: t0)
        try await d.send([#"{"externalId":"a","userName":"renamed@contoso.com","active":true}"#,
                          #"{"externalId":"b","userName":"first@contoso.com","active":true}"#], at: t0 + 60)
        let b = await d.core.userProperties(externalId: "b")
        XCTAssertEqual(b?["userPrincipalName"], "first@contoso.com", "the index forgot a's old name")
        try await d.send([#"{"externalId":"c","userName":"Renamed@contoso.com","active":true}"#], at: t0 + 120)
        let c = await d.core.userExists(externalId: "c")
        XCTAssertFalse(c, "the index knows a's new name, without regard to case")
    }
}
