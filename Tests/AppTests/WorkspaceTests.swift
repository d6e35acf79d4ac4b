import App
import AppTesting
import Foundation
import SCIM
import TerminalUI
import XCTest

final class WorkspaceTests: XCTestCase {
    private var dir = ""

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("scimterm-ws-\(UUID().uuidString)").path
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    func testRoundTripKeepsOrderUnknownAttributesAndNoSecret() throws {
        var record = Fixture.user("1", "a@contoso.com")
        record.data.append("zzCustom", ["n": .number(JSONNumber(parsing: "1.50")!)])
        let workspace = Workspace(records: [record], connection: Fixture.sandboxConnection)
        let decoded = try Workspace.decode(workspace.encoded())
        XCTAssertEqual(decoded, workspace)
        XCTAssertTrue(String(decoding: workspace.encoded(), as: UTF8.self).contains("1.50"), "number literal kept")
    }

    func testAtomicWriteMakesAPrivateFileAndFolder() throws {
        let path = dir + "/scimterm/workspace.json"
        try SafeFile.writeAtomically(Array("{}".utf8), to: path)
        let file = try FileManager.default.attributesOfItem(atPath: path)
        XCTAssertEqual((file[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        let folder = try FileManager.default.attributesOfItem(atPath: dir + "/scimterm")
        XCTAssertEqual((folder[.posixPermissions] as? NSNumber)?.intValue, 0o700)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir + "/scimterm"), ["workspace.json"], "no temporary left")
    }

    func testEmergencySaveWritesTheLatestSnapshot() throws {
        let path = dir + "/emergency.json"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        EmergencySave.configure(path: path)
        EmergencySave.update(Array("first".utf8))
        EmergencySave.update(Array("second".utf8))
        EmergencySave.writeNow()
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "second")
    }

    func testStartupReopensTheWorkspaceAndTheSandboxKeepsItsOwn() throws {
        let env = ["XDG_DATA_HOME": dir + "/data", "XDG_CONFIG_HOME": dir + "/config", "HOME": dir]
        let paths = AppPaths.standard(environment: env)
        XCTAssertEqual(paths.workspace(sandbox: false), dir + "/data/scimterm/workspace.json")
        try SafeFile.writeAtomically(Workspace(records: [Fixture.user("9", "nine@contoso.com")]).encoded(), to: paths.workspace(sandbox: false))
        let normal = TUIApp.initialState(TUIOptions(environment: env), size: Size(width: 80, height: 24))
        XCTAssertEqual(normal.store.records.map(\.externalId), ["9"])
        XCTAssertEqual(normal.screen, .users)
        let sandbox = SandboxConnection(tenant: "t", clientId: "c", secret: "s", endpoint: "http://127.0.0.1:1/x", authority: "http://127.0.0.1:1")
        let fresh = TUIApp.initialState(TUIOptions(sandbox: sandbox, environment: env), size: Size(width: 80, height: 24))
        XCTAssertEqual(fresh.store.count, 25, "the sample users")
        XCTAssertEqual(fresh.connect.secret, "s")
        XCTAssertEqual(fresh.badge?.label, "SANDBOX")
        XCTAssertEqual(fresh.workspacePath, paths.workspace(sandbox: true))
    }

    func testACorruptWorkspaceIsLeftAloneAndNotOverwritten() throws {
        let env = ["XDG_DATA_HOME": dir, "HOME": dir]
        let path = AppPaths.standard(environment: env).workspace(sandbox: false)
        try SafeFile.writeAtomically(Array("{ not json".utf8), to: path)
        let state = TUIApp.initialState(TUIOptions(environment: env), size: Size(width: 80, height: 24))
        XCTAssertNil(state.workspacePath, "autosave is off so the file can be rescued")
        XCTAssertEqual(state.message?.level, .error)
    }

    func testTheSandboxUsersAreReadFromTheBundledExample() {
        let users = TUIApp.sampleUsers()
        XCTAssertEqual(users.count, 25)
        XCTAssertTrue(users.contains { $0.managerExternalId != nil }, "a manager chain")
    }
}

/// The real loop on a headless terminal, with effects run for real (files) or faked (network).
final class AppLoopTests: XCTestCase {
    func testSandboxStartTestsTheConnectionAndAnEditIsAutosaved() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("scimterm-loop-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let env = ["XDG_DATA_HOME": dir, "HOME": dir]
        let sandbox = SandboxConnection(tenant: Fixture.sandboxConnection.tenant, clientId: Fixture.sandboxConnection.clientId,
                                        secret: "s", endpoint: Fixture.sandboxConnection.endpoint, authority: Fixture.sandboxConnection.authority)
        let terminal = HeadlessTerminal(width: 100, height: 30)
        let services = AppServices(
            testConnection: { request in
                request.secret == "s"
                    ? .connected(ConnectionReport(jobState: "Active", advice: "The job is running.", tokenExpiry: "12:00", processesUploads: true))
                    : .failed(ConnectionProblem(headline: "bad", explanation: "", fix: ""))
            },
            loadFile: { _, _ in LoadedFile(records: [], summary: "") })
        let loop = AppLoop(state: TUIApp.initialState(TUIOptions(sandbox: sandbox, environment: env), size: terminal.size),
                           terminal: terminal, services: services)
        loop.dispatch(.started)
        XCTAssertTrue(loop.runUntilIdle())
        XCTAssertTrue(terminal.screenText.contains("job Active"), terminal.screenText)
        XCTAssertTrue(terminal.screenText.contains("1 with warnings"), "validated in the background:\n\(terminal.screenText)")
        terminal.send(.enter, .down, .down)
        terminal.type(" Edited")
        XCTAssertTrue(loop.runUntilIdle())
        let saved = try Workspace.decode(Array(try Data(contentsOf: URL(fileURLWithPath: dir + "/scimterm/sandbox-workspace.json"))))
        XCTAssertEqual(saved.records.first?.displayName, "Zoë Ångström Edited")
        XCTAssertEqual(loop.state.savedGeneration, loop.state.changeGeneration, "autosaved")
    }
}
