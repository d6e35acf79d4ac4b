import App
import AppTesting
import Foundation
import SCIM
import XCTest

/// Opening a file shows what was read and, when something was rejected or left out, says what
/// and where.
final class ImportReportTests: XCTestCase {
    private func write(_ text: String, name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("scimterm-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    private func open(_ path: String, mapping: String? = nil) async -> Keys {
        let loaded = await AppServices.live.loadFile(path, mapping)
        let k = Keys(Fixture.state())
        k.send(.fileLoaded(path: path, loaded))
        return k
    }

    func testRejectedOperationsAreListedWithTheirLines() async throws {
        let path = try write("""
            {"schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"], "Operations": [
              {"method": "POST", "bulkId": "1", "path": "/Users", "data": {"externalId": "1", "userName": "a@contoso.com", "active": true}},
              {"method": "POST", "bulkId": "2", "path": "/Users", "data": "not a user"},
              {"method": "POST", "bulkId": "3", "path": "/Users"}
            ]}
            """, name: "customer.json")
        let k = await open(path)
        XCTAssertEqual(k.state.store.count, 1)
        XCTAssertEqual(k.state.message?.level, .warning)
        XCTAssertTrue(k.state.message?.text.contains("read 1 user (JSON), 2 rejected") ?? false, k.state.message?.text ?? "")
        let screen = k.text
        XCTAssertTrue(screen.contains("Imported customer.json"), screen)
        XCTAssertTrue(screen.contains("Not imported (2):"), screen)
        XCTAssertTrue(screen.contains("line 3:"), screen)
        XCTAssertTrue(screen.contains("line 4:"), screen)
        k.press("enter")
        XCTAssertNil(k.state.overlay, "OK closes the report")
        XCTAssertEqual(k.state.screen, .users)
    }

    func testAnArrayItemThatIsNoUserIsRejectedNotSkippedSilently() async throws {
        let path = try write(#"[{"externalId": "1", "userName": "a@contoso.com", "active": true}, 42]"#, name: "users.json")
        let k = await open(path)
        XCTAssertEqual(k.state.store.count, 1)
        XCTAssertTrue(k.text.contains("item 2 of the array is a number"), k.text)
    }

    func testCSVValuesThatDoNotFitAreReportedAsImportedWithAProblem() async throws {
        let path = try write("externalId,userName,active\n1,a@contoso.com,true\n2,b@contoso.com,maybe\n3,c@contoso.com,true,extra\n",
                             name: "hr.csv")
        let k = await open(path)
        XCTAssertEqual(k.state.store.count, 3)
        let screen = k.text
        XCTAssertTrue(screen.contains("Imported with a problem (2):"), screen)
        XCTAssertTrue(screen.contains("\"maybe\" in column active"), screen)
        XCTAssertTrue(screen.contains("line 4:1: this row has 4 fields"), screen)
    }

    func testACleanFileNeedsNoDialog() async throws {
        let path = try write("externalId,userName,active\n1,a@contoso.com,true\n", name: "clean.csv")
        let k = await open(path)
        XCTAssertNil(k.state.overlay)
        XCTAssertEqual(k.state.message?.level, .success)
        XCTAssertTrue(k.state.message?.text.hasSuffix("read 1 user (CSV)") ?? false, k.state.message?.text ?? "")
    }

    func testOpeningACSVAsksForItsMappingAndReadsMicrosoftsSampleWithIt() async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let csv = root.appendingPathComponent("Tests/SCIMTests/Fixtures/microsoft-samples/csv-with-2-records.csv").path
        let mapping = root.appendingPathComponent("examples/csv2scim-mapping.toml").path
        let k = Keys(Fixture.state())
        k.press("ctrl-o").type(csv).press("enter")
        XCTAssertTrue(k.text.contains("Mapping for csv-with-2-records.csv"), k.text)
        k.type(mapping).press("enter")
        guard case .loadFile(let path, let asked)? = k.effects.last else { return XCTFail("no load: \(k.effects)") }
        XCTAssertEqual(path, csv)
        XCTAssertEqual(asked, mapping)

        k.send(.fileLoaded(path: csv, await AppServices.live.loadFile(csv, mapping)))
        XCTAssertEqual(k.state.store.count, 2)
        XCTAssertEqual(k.state.store.entries[0].record.externalId, "1222", "WorkerID is the externalId, as in CSV2SCIM")
        XCTAssertEqual(k.state.store.entries[0].record.active, false, "WorkerStatus Inactive")

        k.press("ctrl-o").type(csv).press("enter")
        XCTAssertEqual(k.state.overlay.flatMap { if case .dialog(let d, _) = $0 { return d.input.text } else { return nil } }, mapping,
                       "the last mapping is offered again")
    }

    func testAJSONFileIsReadWithoutAskingForAMapping() {
        let k = Keys(Fixture.state())
        k.press("ctrl-o").type("customer.json").press("enter")
        XCTAssertNil(k.state.overlay)
        guard case .loadFile("customer.json", nil)? = k.effects.last else { return XCTFail("\(k.effects)") }
    }
}
