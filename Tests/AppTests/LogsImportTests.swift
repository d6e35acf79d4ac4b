import App
import AppTesting
import Foundation
import Provisioning
import SCIM
import TerminalUI
import XCTest

/// A support bundle's provisioning-log download opened in the TUI (the command line's FILE or
/// ctrl-o): recognised by its content, shown in Logs as an imported set apart from the live
/// entries, linked to the workspace's users by externalId, and the users left as they are.
final class LogsImportTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private static func bundle(_ name: String) -> String { root.appendingPathComponent("examples/support-bundle/\(name)").path }
    private static let sampleIds = ["a1f0c2de-0003-4c1e-9a00-000000000003", "a1f0c2de-0002-4c1e-9a00-000000000002",
                                    "a1f0c2de-0001-4c1e-9a00-000000000001"]

    /// The customer's users (two of the download's three, and one it does not mention), connected.
    private func customer() -> Keys {
        let records = [Fixture.user("EMP1001", "ada.lovelace@contoso.com"), Fixture.user("EMP1003", "alan.turing@contoso.com"),
                       Fixture.user("EMP2000", "nobody@contoso.com")]
        var state = Fixture.state(width: 120, height: 36, records: records)
        state.connect = ConnectState(draft: Fixture.sandboxConnection, secret: "abc")
        return Keys(state)
    }

    private func open(_ k: Keys, _ path: String) async {
        k.send(.fileLoaded(path: path, await AppServices.live.loadFile(path, nil)))
    }

    private func status(_ k: Keys, _ externalId: String) -> RecordSendStatus? {
        guard let entry = k.state.store.entries.first(where: { $0.record.externalId == externalId }) else { return nil }
        return k.state.sendStatus[entry.id]
    }

    private func reads(_ effects: [AppEffect]) -> Int {
        effects.filter { if case .fetchLogs = $0 { return true } else { return false } }.count
    }

    func testTheJSONDownloadFillsLogsAsAnImportedSetAndLeavesTheUsersAlone() async throws {
        let k = customer()
        let usersBefore = k.state.store.records
        await open(k, Self.bundle("provisioning-logs.json"))

        XCTAssertEqual(k.state.store.records, usersBefore, "a log download never replaces the users")
        XCTAssertEqual(k.state.screen, .logs)
        XCTAssertTrue(k.state.logs.showsImported)
        XCTAssertEqual(k.state.logs.shown.map(\.id), Self.sampleIds, "newest first")
        XCTAssertEqual(Set(k.state.logs.shown.map(\.importedFrom)), ["provisioning-logs.json"])
        XCTAssertTrue(k.state.logs.entries.isEmpty, "nothing enters the live set")
        XCTAssertEqual(k.state.message?.text,
                       "imported 3 log entries from provisioning-logs.json (not live; 2 users of the workspace linked by externalId) · i live logs · x forget")
        XCTAssertEqual(reads(k.effects), 0, "opening a download reads nothing live")

        // Linked by externalId (sourceIdentity.id), marked imported; EMP1002 is not in the workspace.
        XCTAssertEqual(status(k, "EMP1001"), .imported(action: "create", reason: nil, file: "provisioning-logs.json"))
        guard case .imported("create", let reason?, "provisioning-logs.json")? = status(k, "EMP1003") else {
            return XCTFail("EMP1003 failed in the download: \(String(describing: status(k, "EMP1003")))")
        }
        XCTAssertTrue(reason.hasPrefix("The domain part of the userPrincipalName"), reason)
        XCTAssertNil(status(k, "EMP2000"))

        let screen = k.text
        XCTAssertTrue(screen.contains("Imported from provisioning-logs.json (not live) · 3 of 3 entries"), screen)
        XCTAssertTrue(screen.contains("read from the file, not live from Entra"), screen)
        XCTAssertTrue(screen.contains("imported from provisioning-logs.json · read from the file"), "the entry's detail:\n\(screen)")
        XCTAssertTrue(screen.contains("EMP1003"), screen)

        k.press("2")
        XCTAssertTrue(k.text.contains("(imp) ✗"), "the Users status column says it came from the import:\n\(k.text)")
        XCTAssertTrue(k.text.contains("(imp) ✓"), k.text)
    }

    func testCtrlOOpensADownloadInLogs() async throws {
        let k = customer()
        k.press("ctrl-o")
        XCTAssertTrue(k.text.contains("provisioning-log download opens in Logs, users kept"), k.text)
        let path = Self.bundle("provisioning-logs.json")
        k.type(path).press("enter")
        guard case .loadFile(path, nil)? = k.effects.last else { return XCTFail("no load: \(k.effects)") }
        await open(k, path)
        XCTAssertEqual(k.state.screen, .logs)
        XCTAssertEqual(k.state.logs.imported?.entries.count, 3)
        XCTAssertEqual(k.state.store.count, 3)
    }

    func testCtrlOOnAPortalLogCSVAsksForNoMapping() {
        let k = customer()
        let path = Self.bundle("ProvisioningLogs_ProvisioningSteps.csv")
        k.press("ctrl-o").type(path).press("enter")
        guard case .loadFile(path, nil)? = k.effects.last else { return XCTFail("asked for a mapping instead: \(k.text)") }
        k.press("ctrl-o").type("/tmp/hr.csv").press("enter")
        XCTAssertTrue(k.text.contains("Mapping for hr.csv"), "an HR CSV is still asked for its mapping:\n\(k.text)")
    }

    func testAnyOfThePortalsThreeCSVFilesOpensTheSameEntries() async throws {
        for name in ["ProvisioningLogs.csv", "ProvisioningLogs_ProvisioningSteps.csv", "ProvisioningLogs_ModifiedProperties.csv"] {
            let k = customer()
            await open(k, Self.bundle(name))
            XCTAssertEqual(k.state.logs.shown.map(\.id), Self.sampleIds, name)
            XCTAssertEqual(k.state.store.count, 3, name)
            XCTAssertEqual(k.state.logs.imported?.name, name)
            XCTAssertEqual(status(k, "EMP1001"), .imported(action: "create", reason: nil, file: name))
        }
    }

    func testAPayloadAndAnHRCSVAreNotTakenForLogDownloads() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("scimterm-logsimport-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        // A user carrying an activityDateTime-like field is still a payload: no provisioning action.
        let payload = dir.appendingPathComponent("provisioning-logs.json")
        try Data(#"[{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "externalId": "1", "userName": "a@contoso.com", "activityDateTime": "x", "active": true}]"#.utf8).write(to: payload)
        let csv = dir.appendingPathComponent("ProvisioningLogs.csv")
        try Data("externalId,userName,status\n1,a@contoso.com,active\n".utf8).write(to: csv)
        for path in [payload.path, csv.path] {
            let loaded = await AppServices.live.loadFile(path, nil)
            XCTAssertNil(loaded.logs, path)
            XCTAssertEqual(loaded.records.count, 1, "\(path): \(loaded.error ?? loaded.summary)")
        }
    }

    func testAGraphPageAndABetaEntryAreLogDownloadsTooAndABrokenOneIsReportedWithoutTouchingAnything() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("scimterm-logsimport-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let page = dir.appendingPathComponent("page.txt")
        try Data(#"{"@odata.context": "x", "value": [{"id": "b1", "activityDateTime": "2025-05-01T10:42:03Z", "action": "Create", "statusInfo": {"status": "success"}, "sourceIdentity": {"id": "EMP1001"}}]}"#.utf8).write(to: page)
        let k = customer()
        await open(k, page.path)
        XCTAssertEqual(k.state.logs.shown.map(\.id), ["b1"])
        XCTAssertEqual(status(k, "EMP1001"), .imported(action: "create", reason: nil, file: "page.txt"))

        let broken = dir.appendingPathComponent("broken.json")
        try Data(#"[{"activityDateTime": "2025-05-01T10:42:03Z", "provisioningAction": "create"}]"#.utf8).write(to: broken)
        await open(k, broken.path)
        XCTAssertEqual(k.state.message?.level, .error)
        XCTAssertTrue(k.state.message?.text.contains("element 0 is not a provisioningObjectSummary") ?? false, k.state.message?.text ?? "")
        XCTAssertEqual(k.state.logs.imported?.name, "page.txt", "the earlier import stays")
        XCTAssertEqual(k.state.store.count, 3)
    }

    func testALiveReadStaysApartFromTheImportedSetAndXForgetsIt() async throws {
        let k = customer()
        await open(k, Self.bundle("provisioning-logs.json"))
        _ = k.takeEffects()

        // r: the live logs are read and shown, said in the status line; the imported set waits behind i.
        k.press("r")
        XCTAssertFalse(k.state.logs.showsImported)
        XCTAssertEqual(k.state.message?.text, "reading the live logs; the entries imported from provisioning-logs.json stay apart (i shows them)")
        k.send(.tick(LogFixture.base))
        XCTAssertEqual(reads(k.takeEffects()), 1, "r reads live")
        let live = try LogFixture.created("EMP2000", "nobody", at: LogFixture.base.addingTimeInterval(-30))
        k.send(.logsFetched(generation: k.state.logs.generation, .entries([live], at: LogFixture.base)))
        XCTAssertEqual(k.state.logs.shown.map(\.id), [live.id])
        XCTAssertEqual(k.state.logs.imported?.entries.count, 3, "not mixed in")
        XCTAssertEqual(status(k, "EMP2000"), .provisioned(action: "create"), "a live entry sets a live status")

        k.press("i")
        XCTAssertTrue(k.state.logs.showsImported)
        XCTAssertEqual(k.state.logs.shown.map(\.id), Self.sampleIds)
        XCTAssertTrue(k.text.contains("Imported from provisioning-logs.json (not live)"), k.text)

        k.press("x")
        XCTAssertNil(k.state.logs.imported)
        XCTAssertFalse(k.state.logs.showsImported)
        XCTAssertEqual(k.state.logs.shown.map(\.id), [live.id])
        XCTAssertNil(status(k, "EMP1001"), "the import's statuses go with it")
        XCTAssertEqual(status(k, "EMP2000"), .provisioned(action: "create"), "a live one stays")
        XCTAssertEqual(k.state.message?.text, "forgot the entries imported from provisioning-logs.json")
    }

    func testAStatusThisSessionLearntIsNotOverwrittenByTheImport() async throws {
        let k = customer()
        let live = try LogFixture.conflict("EMP1001", "Ada", at: LogFixture.base)
        k.press("6")
        k.send(.tick(LogFixture.base))
        k.send(.logsFetched(generation: k.state.logs.generation, .entries([live], at: LogFixture.base)))
        XCTAssertEqual(status(k, "EMP1001"), .provisioningFailed(reason: LogFixture.conflictReason))
        await open(k, Self.bundle("provisioning-logs.json"))
        XCTAssertEqual(status(k, "EMP1001"), .provisioningFailed(reason: LogFixture.conflictReason))
    }

    func testTheCommandLinesSecondFileOpensAfterTheFirstAndLinksToItsUsers() async throws {
        let scratch = NSTemporaryDirectory() + "scimterm-logsimport-\(UUID().uuidString)"
        addTeardownBlock { try? FileManager.default.removeItem(atPath: scratch) }
        let env = ["XDG_DATA_HOME": scratch + "/data", "XDG_CONFIG_HOME": scratch + "/config", "HOME": scratch]
        let payload = Self.root.appendingPathComponent("examples/sandbox-users.json").path
        let download = Self.bundle("provisioning-logs.json")
        let state = TUIApp.initialState(TUIOptions(file: payload, environment: env, moreFiles: [download]), size: Size(width: 120, height: 36))
        let k = Keys(state)
        k.send(.started)
        let first = k.takeEffects().compactMap { effect -> String? in if case .loadFile(let path, _) = effect { return path } else { return nil } }
        XCTAssertEqual(first, [payload], "one file at a time: the users first")
        await open(k, payload)
        let second = k.takeEffects().compactMap { effect -> String? in if case .loadFile(let path, _) = effect { return path } else { return nil } }
        XCTAssertEqual(second, [download])
        let users = k.state.store.count
        await open(k, download)
        XCTAssertEqual(k.state.store.count, users)
        XCTAssertEqual(k.state.screen, .logs)
        XCTAssertEqual(k.state.logs.shown.count, 3)
        XCTAssertTrue(k.state.pendingFiles.isEmpty)
    }
}
