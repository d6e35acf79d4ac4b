import Foundation
import XCTest

/// `scimterm logs --import FILE` shows a customer's log download offline, as `logs` shows live entries.
final class LogsImportCommandTests: XCTestCase {
    static func example(_ name: String) -> String {
        CommandRunner.packageRoot.appendingPathComponent("examples/support-bundle").appendingPathComponent(name).path
    }

    func testTheJSONDownloadPrintsTheTableOldestFirstWithoutConnectionOptionsAndExits1OnAFailure() throws {
        let result = try CommandRunner.run(["logs", "--import", Self.example("provisioning-logs.json")])
        XCTAssertEqual(result.status, 1, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "2025-05-01T10:42:03Z  create   success  EMP1001  Ada Lovelace")
        XCTAssertTrue(lines.contains("2025-05-01T10:42:09Z  create   failure  EMP1003  Alan Turing"), result.stdout)
        XCTAssertTrue(result.stdout.contains("    AzureActiveDirectoryInvalidDomain: The domain part"), result.stdout)
    }

    func testTheCSVDownloadGivenByItsStepsFilePrintsTheSameTableAsTheJSON() throws {
        let json = try CommandRunner.run(["logs", "--import", Self.example("provisioning-logs.json")])
        let csv = try CommandRunner.run(["logs", "--import", Self.example("ProvisioningLogs_ProvisioningSteps.csv")])
        XCTAssertEqual(csv.status, 1, csv.stderr)
        XCTAssertEqual(csv.stdout, json.stdout)
    }

    func testJSONFormatWithAFilterPrintsOnlyThatEntryAndExits0() throws {
        let result = try CommandRunner.run(["logs", "--import", Self.example("ProvisioningLogs.csv"), "--format", "json", "--external-id", "EMP1002"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        XCTAssertEqual(parsed?.count, 1)
        XCTAssertEqual((parsed?.first?["sourceIdentity"] as? [String: Any])?["id"] as? String, "EMP1002")
        XCTAssertEqual((parsed?.first?["modifiedProperties"] as? [[String: Any]])?.count, 2)
    }

    func testUnreadableInputExits2WithLineAndColumn() throws {
        let file = try CommandRunner.temporaryFile(Array("[\n {\"id\": }]".utf8), name: "logs.json")
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try CommandRunner.run(["logs", "--import", file.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("\(file.path):2:9: not JSON"), result.stderr)
    }

    func testLogsWithoutImportStillRequiresTheConnection() throws {
        let result = try CommandRunner.run(["logs"])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("--tenant"), result.stderr)
    }
}
