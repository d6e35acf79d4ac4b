@testable import App
import Emulator
import Foundation
import Provisioning
import SCIM
import TerminalUI
import XCTest

/// The Logs screen against a real emulator over loopback HTTP: the app sends the sample users, follows
/// their provisioning logs until every one has an entry, and shows the steps and a real failure.
final class LogsLoopbackTests: XCTestCase {
    private static let secret = "logs-loopback-secret~0123456789.abcdefghij"

    func testASendIsFollowedUntilEveryUserHasAnEntryWithStepsAndMicrosoftsReasonForAFailure() throws {
        var settings = EmulatorConfig.sandbox(secret: Self.secret)
        settings.rateLimit = 0
        settings.processingDelaySeconds = 0
        let config = settings
        let emulator = try LiveSandbox.blocking { try await EmulatorServer.start(config: config) }
        defer { _ = try? LiveSandbox.blocking { await emulator.stop() } }
        // Someone already holds Łukasz's userName in the tenant: his create will fail.
        try LiveSandbox.blocking { try await Self.preload(emulator) }

        let draft = ConnectionDraft(tenant: SandboxIds.tenant, clientId: SandboxIds.clientId, endpoint: emulator.endpoint,
                                    authority: emulator.baseURL)
        var state = AppState(size: Size(width: 200, height: 60), workspace: Workspace(records: TUIApp.sampleUsers(), connection: draft))
        state.connect = ConnectState(draft: draft, secret: Self.secret)
        state.screen = .users
        let terminal = HeadlessTerminal(width: 200, height: 60)
        let services = AppServices.live
        defer { _ = try? LiveSandbox.blocking { await services.session.shutdown() } }
        let loop = AppLoop(state: state, terminal: terminal, services: services)
        loop.dispatch(.started)

        terminal.send(.function(5))
        wait(loop, "the send's confirmation") { _ in terminal.screenText.contains("Send all 25") }
        terminal.send(.enter)
        wait(loop, "every user of the upload logged") { $0.logs.polling == .complete }
        terminal.send(.character("6"))
        wait(loop, "the Logs screen") { _ in terminal.screenText.contains("All 25 users of the upload have entries (1 failed): following stopped.") }
        var screen = terminal.screenText
        XCTAssertTrue(screen.contains("25 of 26 entries · this upload (25 users)"), "0417's entry is not of this upload:\n\(screen)")
        XCTAssertTrue(screen.contains("state       Active · The job is running"), screen)
        XCTAssertTrue(screen.contains("create  failure 1005"), screen)

        terminal.send(.character("f"))
        wait(loop, "failures only") { _ in terminal.screenText.contains("1 of 26 entries") }
        screen = terminal.screenText
        XCTAssertTrue(screen.contains("error        AzureActiveDirectoryConflictEntry"), screen)
        XCTAssertTrue(screen.contains("reason       The userPrincipalName 'lukasz.kowalczyk@contoso.com' is already used by the user with"), screen)
        XCTAssertTrue(screen.contains("what to do   Make userName unique"), screen)

        terminal.send(.character("f"), .character("/"))
        terminal.type("1001")
        terminal.send(.enter)
        wait(loop, "1001's entry") { _ in terminal.screenText.contains("1 of 26 entries · this upload (25 users) · externalId 1001") }
        screen = terminal.screenText
        for step in ["success  Import from API", "success  Match user", "success  Determine if User is in scope", "success  Provision User",
                     "User 'Zoë Ångström' was created in Microsoft Entra ID.", "Modified properties (old → new)"] {
            XCTAssertTrue(screen.contains(step), "\(step) in:\n\(screen)")
        }

        let id = { (ext: String) in loop.state.store.entries.first { $0.record.externalId == ext }?.id ?? -1 }
        XCTAssertEqual(loop.state.sendStatus[id("1001")], .provisioned(action: "create"))
        XCTAssertEqual(loop.state.sendStatus[id("1005")], .provisioningFailed(reason: "The userPrincipalName 'lukasz.kowalczyk@contoso.com' is already used by the user with employeeId '0417'."))
        terminal.send(.enter)
        wait(loop, "1001 in Users") { $0.screen == .users }
        XCTAssertEqual(loop.state.users.selectedID(store: loop.state.store), id("1001"))
    }

    /// Steps the loop (never a fixed sleep) until the state meets `condition`, or fails after 20 s.
    private func wait(_ loop: AppLoop, _ what: String, file: StaticString = #filePath, line: UInt = #line,
                      _ condition: (AppState) -> Bool) {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            loop.step(timeoutMilliseconds: 0)
            loop.draw()
            if condition(loop.state) { return }
            usleep(5_000)
        }
        // Where the follow stood, so a timeout says why.
        let logs = loop.state.logs
        let follow = "polling \(logs.polling), reads pending \(logs.pendingReads), \(logs.entries.count) entries, "
            + "\(logs.uploadCovered.count) of \(logs.upload?.count ?? 0) users covered, error \(logs.error ?? "none")"
        XCTFail("timed out waiting for \(what); message: \(loop.state.message?.text ?? "none"); \(follow)", file: file, line: line)
    }

    /// Uploads a user "0417" holding lukasz.kowalczyk@contoso.com, and lets the emulator process it.
    private static func preload(_ emulator: RunningEmulator) async throws {
        let transport = try AsyncHTTPTransport(options: .init())
        let settings = ConnectionSettings(tenant: SandboxIds.tenant, clientId: SandboxIds.clientId,
                                          endpoint: try ProvisioningEndpoint(parsing: emulator.endpoint), authority: emulator.baseURL)
        let recorder = ExchangeRecorder()
        let tokens = TokenProvider(settings: settings, credential: .secret(.init(secret)), transport: transport, recorder: recorder)
        let client = GraphClient(settings: settings, tokens: tokens, transport: transport, recorder: recorder)
        var record = UserRecord()
        record.schemas = [SCIMSchema.user]
        record.externalId = "0417"
        record.userName = "lukasz.kowalczyk@contoso.com"
        record.displayName = "Łukasz Kowalczyk (contractor)"
        record.active = true
        let documents = BulkRequestBuilder().documents(for: [record]).map { BulkUploader.Document(body: $0.bytes(), externalIds: ["0417"]) }
        let summary = await BulkUploader(client: client).send(documents)
        await transport.shutdown()
        XCTAssertEqual(summary.acceptedDocuments, 1)
        await emulator.core.processDue()
        let exists = await emulator.core.userExists(externalId: "0417")
        XCTAssertTrue(exists)
    }
}
