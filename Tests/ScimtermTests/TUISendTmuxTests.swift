import Foundation
import XCTest

/// End to end on the built binary in tmux: send the sandbox users and watch the 202s, open an
/// exchange for its request id, export a HAR, copy a request as curl and replay it, and a
/// fault-injected sandbox that still gets every record accepted.
final class TUISendTmuxTests: XCTestCase {
    static let secret = "e2e-secret-for-the-sandbox-0123456789abc"

    func testSendShowsThe202sThenHARAndCurlReplayWithoutSecrets() throws {
        let tui = try SandboxTUI("scimterm-send")
        try tui.launch("--sandbox --emulator-config \(try tui.emulatorConfig(secret: Self.secret, processingDelay: 0.5))", width: 120, height: 36)
        try tui.tmux.tmux(["set-option", "-g", "set-clipboard", "on"])
        try tui.waitFor("the sandbox users and the job") { $0.contains("25 users") && $0.contains("job Active") }
        try tui.send("F5")
        try tui.waitFor("the confirmation") { $0.contains("Send to SANDBOX") || $0.contains("Send to Entra") }
        XCTAssertTrue(tui.screen.contains("Tenant  8c1b3d9e-5a4f-4e2b-9c7d-0f6a2b1e3d4c"), tui.screen)
        try tui.send("Enter")
        try tui.waitFor("every request accepted") { $0.contains("✓ done: every request accepted (202)") }
        XCTAssertTrue(tui.screen.contains("202"), tui.screen)

        // Open the upload's exchange: its request-id is what a Microsoft support case asks for.
        try tui.send("/")
        try tui.type("bulkUpload")
        try tui.send("Enter")
        try tui.waitFor("the bulkUpload exchange with its request id") {
            $0.contains("#") && $0.contains("bulkUpload #1 · 202 Accepted · request-id ")
        }

        // HAR: every exchange, as JSON, with no secret and no token.
        let har = tui.scratch.appendingPathComponent("session.har").path
        try tui.send("h", "C-u")
        try tui.type(har)
        try tui.send("Enter")
        try tui.waitFor("the HAR written") { _ in FileManager.default.fileExists(atPath: har) }
        let harBytes = try Data(contentsOf: URL(fileURLWithPath: har))
        let harText = String(decoding: harBytes, as: UTF8.self)
        XCTAssertFalse(harText.contains(Self.secret), "no client secret in the HAR")
        let parsed = try JSONSerialization.jsonObject(with: harBytes) as? [String: Any]
        let entries = (parsed?["log"] as? [String: Any])?["entries"] as? [[String: Any]] ?? []
        XCTAssertGreaterThanOrEqual(entries.count, 3, "token, job, bulkUpload at least")
        XCTAssertFalse(harText.contains("eyJ") && harText.range(of: #"eyJ[A-Za-z0-9_-]{20,}\."#, options: .regularExpression) != nil,
                       "no whole token in the HAR")

        // Copy as curl: to tmux's clipboard through OSC 52, and to a file; replayed with a token it gives 202.
        try tui.send("c")
        try tui.waitFor("the copy confirmed") { $0.contains("sent to the clipboard (OSC 52)") }
        let exports = tui.scratch.appendingPathComponent("data/scimterm/exports")
        let files = try FileManager.default.contentsOfDirectory(atPath: exports.path).filter { $0.hasPrefix("curl-") }
        let script = try String(contentsOf: exports.appendingPathComponent(try XCTUnwrap(files.first)), encoding: .utf8)
        XCTAssertTrue(script.contains("$TOKEN") && !script.contains(Self.secret), script)
        let clipboard = try tui.tmux.tmux(["show-buffer"])
        XCTAssertEqual(clipboard.trimmingCharacters(in: .whitespacesAndNewlines), script.trimmingCharacters(in: .whitespacesAndNewlines))

        let url = try XCTUnwrap(script.range(of: #"http://127\.0\.0\.1:\d+"#, options: .regularExpression).map { String(script[$0]) })
        let token = try Self.token(authority: url)
        let output = try Self.shell(script, environment: ["TOKEN": token])
        XCTAssertTrue(output.contains("HTTP/1.1 202"), output)
        try tui.send("q")
    }

    func testTheLogsScreenFillsWithEntriesIncludingAFailureAndItsReason() throws {
        let tui = try SandboxTUI("scimterm-logs")
        try tui.launch("--sandbox", width: 120, height: 40)
        try tui.waitFor("the sandbox") { $0.contains("25 users") && $0.contains("job Active") }
        // José takes Zoë's userName: Entra cannot give two users one userPrincipalName.
        try tui.send("Down", "Enter", "Down", "C-e", "C-u")
        try tui.type("zoe.angstrom@contoso.com")
        try tui.waitFor("the edit") { $0.contains("Editing zoe.angstrom@contoso.com  externalId 1002") }
        try tui.send("Escape")
        try tui.waitFor("back on Users") { $0.contains("USERS") }
        try tui.send("F5")
        try tui.waitFor("the confirmation") { $0.contains("[ Send") }
        if tui.screen.contains("Send anyway") { try tui.send("Left") }
        try tui.send("Enter")
        try tui.waitFor("every request accepted") { $0.contains("✓ done: every request accepted (202)") }
        try tui.send("6")
        try tui.waitFor("the entries of the upload", timeout: 30) { $0.contains("All 25 users of the upload have entries") }
        XCTAssertTrue(tui.screen.contains("create  success 1001"), tui.screen)
        try tui.send("f")
        try tui.waitFor("the failure with Microsoft's reason") {
            $0.contains("failure 1002") && $0.contains("AzureActiveDirectoryConflictEntry") && $0.contains("is already")
        }
        // Enter goes to the user's row in Users, where the status says what Entra did.
        try tui.send("Enter")
        try tui.waitFor("the user in Users") { $0.contains("USERS") && $0.contains("Entra could not provision it") }
        try tui.quit(from: "USERS")
    }

    func testAFaultInjectedSandboxShowsTheWaitsAndStillGetsEveryRecordAccepted() throws {
        let tui = try SandboxTUI("scimterm-faults")
        try tui.launch("--sandbox --batch-size 5 --rate-limit 2 --fault-internal-error 0.3 --seed 7", width: 100, height: 30)
        try tui.waitFor("the sandbox") { $0.contains("25 users") && $0.contains("job Active") }
        try tui.send("F5")
        try tui.waitFor("the confirmation") { $0.contains("5 requests of at most 5 operations") }
        try tui.send("Enter")
        try tui.waitFor("a wait with its reason", timeout: 30) { $0.contains("waiting") && ($0.contains("429") || $0.contains("500")) }
        try tui.waitFor("every record accepted", timeout: 120) { $0.contains("✓ done: every request accepted (202)") && $0.contains("25/25 users") }
        XCTAssertTrue(tui.screen.contains("5/5 accepted"), tui.screen)
        try tui.send("q")
    }

    func testASendCutByAnSSHDropIsOfferedForResumeAndFinishes() throws {
        let tui = try SandboxTUI("scimterm-resume")
        let slow = "--sandbox --batch-size 1 --rate-limit 0 --fault-latency 400"
        try tui.launch(slow)
        try tui.waitFor("the sandbox") { $0.contains("25 users") && $0.contains("job Active") }
        try tui.send("F5")
        try tui.waitFor("the confirmation") { $0.contains("25 requests of at most 1 operations") }
        try tui.send("Enter")
        try tui.waitFor("a few requests accepted", timeout: 30) { $0.contains("3/25 accepted") || $0.contains("4/25 accepted") }
        let pid = try XCTUnwrap(tui.pid)
        XCTAssertEqual(kill(pid, SIGHUP), 0)
        XCTAssertEqual(try tui.exitStatus(), "129")

        try tui.launch(slow)
        try tui.waitFor("the resume offer") { $0.contains("Resume the interrupted send?") }
        XCTAssertTrue(tui.screen.contains("of 25 requests"), tui.screen)
        try tui.send("Enter")
        // The finished send folds to its one line (the list gets the box's rows back); it still says
        // every user and every request was accepted, and r opens the full report.
        try tui.waitFor("the rest sent", timeout: 60) {
            $0.contains("✓ done: every request accepted (202)") && $0.contains("25/25 users") && $0.contains("25/25 accepted")
        }
        XCTAssertTrue(tui.screen.contains("r full report") && !tui.screen.contains("┌ Send ·"), tui.screen)
        try tui.send("r")
        try tui.waitFor("the full report") { $0.contains("┌ Send ·") && $0.contains("requests  ✓✓✓✓✓") && $0.contains("took ") }
        try tui.send("q")
        try tui.launch(slow)
        try tui.waitFor("the sandbox again") { $0.contains("25 users") && $0.contains("job Active") }
        XCTAssertFalse(tui.screen.contains("Resume the interrupted send?"), "a finished send is not offered again")
        try tui.send("q")
    }

    // MARK: - helpers

    /// A client-credentials token from the emulator, the way Microsoft's quickstart gets one.
    static func token(authority: String) throws -> String {
        let body = "grant_type=client_credentials&client_id=3f2e1d0c-9b8a-4765-a432-10fedcba9876&client_secret=\(secret)&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default"
        let out = try shell("curl -sS -d '\(body)' \(authority)/8c1b3d9e-5a4f-4e2b-9c7d-0f6a2b1e3d4c/oauth2/v2.0/token", environment: [:])
        let json = try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any]
        return try XCTUnwrap(json?["access_token"] as? String, out)
    }

    static func shell(_ script: String, environment: [String: String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
