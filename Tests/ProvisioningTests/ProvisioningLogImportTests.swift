import Foundation
@testable import Provisioning
import SCIM
import XCTest

/// A customer's provisioning-log download reads back into the same entries, whichever form it has.
final class ProvisioningLogImportTests: XCTestCase {
    var scratch: URL!

    static var examples: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/support-bundle")
    }

    override func setUp() async throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("scimterm-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDown() async throws { try? FileManager.default.removeItem(at: scratch) }

    private func write(_ name: String, _ text: String) throws -> String {
        let url = scratch.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func testTheJSONSampleReadsEveryEntryWithStepsChangesAndTheFailureReason() throws {
        let entries = try ProvisioningLogImport.read(path: Self.examples.appendingPathComponent("provisioning-logs.json").path)
        XCTAssertEqual(entries.map(\.externalId), ["EMP1001", "EMP1002", "EMP1003"])
        XCTAssertEqual(entries.map(\.action), ["create", "update", "create"])
        XCTAssertEqual(entries[1].changes, [.init(property: "jobTitle", old: "Engineer", new: "Rear Admiral"),
                                            .init(property: "accountEnabled", old: "True", new: "False")])
        XCTAssertEqual(entries[2].status, "failure")
        XCTAssertEqual(entries[2].errorCode, "AzureActiveDirectoryInvalidDomain")
    }

    func testTheCSVSampleReadsTheSameEntriesAsTheJSONSampleFromAnyOfItsThreeFiles() throws {
        let json = try ProvisioningLogImport.read(path: Self.examples.appendingPathComponent("provisioning-logs.json").path)
        for name in ["ProvisioningLogs.csv", "ProvisioningLogs_ProvisioningSteps.csv", "ProvisioningLogs_ModifiedProperties.csv"] {
            let csv = try ProvisioningLogImport.read(path: Self.examples.appendingPathComponent(name).path)
            XCTAssertEqual(csv.map(\.id), json.map(\.id), name)
            XCTAssertEqual(csv.map(\.steps), json.map(\.steps), name)
            XCTAssertEqual(csv.map(\.changes), json.map(\.changes), name)
            XCTAssertEqual(csv.map(\.reason), json.map(\.reason), name)
            XCTAssertEqual(csv.map(\.recommendedAction), json.map(\.recommendedAction), name)
            XCTAssertEqual(csv.map(\.displayName), json.map(\.displayName), name)
        }
    }

    func testAGraphPageAndABetaEntryAreRead() throws {
        let page = #"{"value":[{"id":"1","action":"Create","statusInfo":{"status":"Failure"},"provisioningStatusInfo":{"status":"failure","errorInformation":{"errorCode":"X","reason":"why"}},"sourceIdentity":{"id":"E1"}}]}"#
        let entries = try ProvisioningLogImport.json(Array(page.utf8), path: "page.json")
        XCTAssertEqual(entries.map(\.action), ["create"])
        XCTAssertEqual(entries.first?.reason, "why")
    }

    func testBrokenJSONNamesTheFileLineAndColumn() {
        XCTAssertThrowsError(try ProvisioningLogImport.json(Array("[\n  {\"id\": }]".utf8), path: "logs.json")) { error in
            XCTAssertTrue("\(error)".hasPrefix("logs.json:2:10: not JSON"), "\(error)")
        }
        XCTAssertThrowsError(try ProvisioningLogImport.json(Array(#"{"Operations":[]}"#.utf8), path: "bulk.json")) { error in
            XCTAssertTrue("\(error)".contains("not a provisioning-log download"), "\(error)")
        }
    }

    func testShuffledColumnsABOMCRLFAndQuotedCommasAreRead() throws {
        let logs = try write("export.csv", "\u{FEFF}Status,Source ID,Change ID,Action,Status Reason,Id\r\n"
            + "failure,E9,c9,create,\"bad, \"\"really\"\" bad\",id9\r\n")
        _ = try write("export_ProvisioningSteps.csv", "Description,Status,Change ID,Step Type,Step Name\r\nsaw it,success,c9,import,EntryImport\r\n")
        _ = try write("export_ModifiedProperties.csv", "New Value,Change ID,Old Value,Property Name\r\n\"a, b\",c9,,department\r\n")
        let entries = try ProvisioningLogImport.read(path: logs)
        XCTAssertEqual(entries.count, 1)
        XCTAssertEqual(entries[0].id, "id9")
        XCTAssertEqual(entries[0].externalId, "E9")
        XCTAssertEqual(entries[0].status, "failure")
        XCTAssertEqual(entries[0].reason, "bad, \"really\" bad")
        XCTAssertEqual(entries[0].steps, [.init(name: "EntryImport", type: "import", status: "success", description: "saw it")])
        XCTAssertEqual(entries[0].changes, [.init(property: "department", old: nil, new: "a, b")])
    }

    func testAMissingThirdFileIsAClearError() throws {
        let logs = try write("ProvisioningLogs.csv", "Change ID,Status\nc1,success\n")
        _ = try write("ProvisioningLogs_ProvisioningSteps.csv", "Change ID,Step Name\nc1,EntryImport\n")
        XCTAssertThrowsError(try ProvisioningLogImport.read(path: logs)) { error in
            XCTAssertTrue("\(error)".contains("the modified-properties file (a file named like ProvisioningLogs_ModifiedProperties.csv) is not beside it"), "\(error)")
        }
    }

    func testAFileWithoutAChangeIdColumnIsRefused() throws {
        let logs = try write("L.csv", "Id,Status\n1,success\n")
        _ = try write("L_ProvisioningSteps.csv", "Change ID,Step Name\n")
        _ = try write("L_ModifiedProperties.csv", "Change ID,Property Name\n")
        XCTAssertThrowsError(try ProvisioningLogImport.read(path: logs)) { error in
            XCTAssertTrue("\(error)".contains("L.csv:1:1: no \"changeid\" column"), "\(error)")
        }
    }
}
