import App
import AppTesting
import Emulator
import Foundation
import Provisioning
import TerminalUI
import XCTest

/// The Connect screen's CA file against a real emulator serving HTTPS with its own CA, over loopback:
/// the live session refuses the certificate until the CA's PEM is named in the field, and says so.
final class CAFileLoopbackTests: XCTestCase {
    private static let secret = "ca-file-loopback-secret~0123456789.abcdefghij"
    private var directory = ""

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("scimterm-ca-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    func testWithoutTheCAFileTheTestNamesTheHostAndTheFixAndWithItItConnects() throws {
        let emulator = try LiveSandbox.blocking { try await EmulatorServer.start(config: Self.config, tls: true) }
        defer { _ = try? LiveSandbox.blocking { await emulator.stop() } }
        XCTAssertTrue(emulator.endpoint.hasPrefix("https://127.0.0.1:"), emulator.endpoint)
        let caPath = directory + "/emulator-ca.pem"
        try Data(try XCTUnwrap(emulator.caPEM).utf8).write(to: URL(fileURLWithPath: caPath))

        let draft = ConnectionDraft(tenant: SandboxIds.tenant, clientId: SandboxIds.clientId, endpoint: emulator.endpoint,
                                    authority: emulator.baseURL)
        var state = AppState(size: Size(width: 100, height: 30), workspace: Workspace(records: [], connection: draft))
        state.connect = ConnectState(draft: draft, secret: Self.secret)
        let terminal = HeadlessTerminal(width: 100, height: 30)
        let services = AppServices.live
        defer { _ = try? LiveSandbox.blocking { await services.session.shutdown() } }
        let loop = AppLoop(state: state, terminal: terminal, services: services)
        loop.dispatch(.started)

        terminal.send(.ctrl("t"))
        let refused = try XCTUnwrap(outcome(loop, "the test without the CA file", after: 0))
        guard case .failed(let problem) = refused else { return XCTFail("connected without trusting the CA: \(refused)") }
        XCTAssertEqual(problem.headline, "Untrusted TLS certificate from 127.0.0.1")
        XCTAssertTrue(problem.explanation.hasPrefix("Certificate verification failed"), problem.explanation)
        XCTAssertTrue(problem.explanation.contains("scimterm emulator CA"), "the issuer, as the transport read it: \(problem.explanation)")
        for hint in ["the profile's CA file", "SSL_CERT_FILE", "--ca-file"] {
            XCTAssertTrue(problem.fix.contains(hint), "\(hint) in: \(problem.fix)")
        }
        var screen = terminal.screenText
        XCTAssertTrue(screen.contains("✗ Untrusted TLS certificate from 127.0.0.1"), screen)
        XCTAssertTrue(screen.contains("Fix: Put the PEM of"), screen)
        XCTAssertTrue(screen.contains("CA file         PEM of a private CA to trust"), "the field the fix names is on screen:\n\(screen)")

        for _ in 0..<10 { terminal.send(.down) }
        terminal.type(caPath)
        terminal.send(.ctrl("t"))
        let trusted = try XCTUnwrap(outcome(loop, "the test with the CA file", after: loop.state.connect.testGeneration))
        guard case .connected(let report) = trusted else { return XCTFail("still refused with the CA file: \(trusted)") }
        XCTAssertEqual(report.jobState, "Active")
        screen = terminal.screenText
        XCTAssertTrue(screen.contains("✓ Signed in"), screen)
        XCTAssertEqual(loop.state.workspace.connection.caFile, caPath, "the CA file is kept with the connection")
    }

    /// A CA file that is not there, or holds no certificate, stops the test before anything is sent,
    /// naming the file.
    func testAMissingOrUnreadableCAFileIsAProblemNamingTheFile() throws {
        let missing = directory + "/no-such-ca.pem"
        let notPEM = directory + "/notes.txt"
        try Data("not a certificate\n".utf8).write(to: URL(fileURLWithPath: notPEM))
        let session = ProvisioningSession()
        defer { _ = try? LiveSandbox.blocking { await session.shutdown() } }
        // Nothing listens on port 9 (discard): reaching the network would be a different failure.
        func test(_ caFile: String) throws -> ConnectionOutcome {
            let request = ConnectionRequest(tenant: SandboxIds.tenant, clientId: SandboxIds.clientId, credential: .secret("s"),
                                            endpoint: Fixture.sandboxConnection.endpoint.replacingOccurrences(of: "http://127.0.0.1:8080", with: "https://127.0.0.1:9"),
                                            authority: "https://127.0.0.1:9", caFile: caFile)
            return try LiveSandbox.blocking { await session.test(request) }
        }
        guard case .failed(let gone) = try test(missing) else { return XCTFail("a missing CA file was accepted") }
        XCTAssertEqual(gone.headline, "The CA file \(missing) does not exist")
        XCTAssertTrue(gone.fix.contains("Correct the CA file's path"), gone.fix)
        guard case .failed(let garbage) = try test(notPEM) else { return XCTFail("a CA file without a certificate was accepted") }
        XCTAssertEqual(garbage.headline, "The CA file \(notPEM) holds no certificate")
        XCTAssertTrue(garbage.fix.contains("-----BEGIN CERTIFICATE-----"), garbage.fix)
        guard case .failed(let folder) = try test(directory) else { return XCTFail("a folder was accepted as the CA file") }
        XCTAssertEqual(folder.headline, "The CA file \(directory) cannot be read")
    }

    private static var config: EmulatorConfig {
        var settings = EmulatorConfig.sandbox(secret: secret)
        settings.rateLimit = 0
        settings.processingDelaySeconds = 0
        return settings
    }

    /// Steps the loop (never a fixed sleep) until a test later than `generation` has an outcome, or fails after 20 s.
    private func outcome(_ loop: AppLoop, _ what: String, after generation: Int, file: StaticString = #filePath,
                         line: UInt = #line) -> ConnectionOutcome? {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            loop.step(timeoutMilliseconds: 0)
            loop.draw()
            if case .finished(let outcome) = loop.state.connect.test, loop.state.connect.testGeneration > generation { return outcome }
            usleep(5_000)
        }
        XCTFail("timed out waiting for \(what); message: \(loop.state.message?.text ?? "none")", file: file, line: line)
        return nil
    }
}
