import Foundation
import XCTest

/// End to end on the built binary in tmux: the sandbox's app lacks the logs permission, and the
/// Connect screen's test says so from the token, per call, with the job's health (issue 12 §5).
/// Nothing here reads the clock: ages are not asserted.
final class TUIPreflightTmuxTests: XCTestCase {
    static let secret = "e2e-preflight-secret-for-the-sandbox-0123"

    /// The sandbox tenant whose app may upload and control the job, but not read the logs.
    private func config(_ tui: SandboxTUI) throws -> String {
        let path = tui.scratch.appendingPathComponent("emulator-no-logs.toml").path
        try """
            processing_delay_seconds = 0
            [[tenants]]
            id = "8c1b3d9e-5a4f-4e2b-9c7d-0f6a2b1e3d4c"
              [[tenants.apps]]
              client_id = "3f2e1d0c-9b8a-4765-a432-10fedcba9876"
              secrets = ["\(Self.secret)"]
              permissions = ["SynchronizationData-User.Upload", "Synchronization.ReadWrite.All"]
              [[tenants.service_principals]]
              id = "0b2b8f2c-7b71-4f8a-9a56-6c5d4e3f2a10"
                [[tenants.service_principals.jobs]]
                id = "API2AAD.4f0f5f0d1c2b4a6e8d9c0b1a2f3e4d5c.1d2c3b4a-5e6f-4a8b-9c0d-1e2f3a4b5c6d"
                state = "Active"
            """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func testTheConnectScreenNamesTheMissingLogsPermission() throws {
        let tui = try SandboxTUI("scimterm-preflight")
        try tui.launch("--sandbox --emulator-config \(try config(tui))", width: 100, height: 30)
        try tui.waitFor("the sandbox users and the job") { $0.contains("25 users") && $0.contains("job Active") }
        try tui.send("1")
        try tui.waitFor("the missing logs permission, named from the token") {
            $0.contains("✗ read provisioning logs: missing AuditLog.Read.All (or ProvisioningLog.Read.All)")
        }
        let screen = tui.screen
        XCTAssertTrue(screen.contains("✓ Permissions: 6 of 7 calls allowed"), screen)
        XCTAssertTrue(screen.contains("Job state: Active"), screen)
        XCTAssertTrue(screen.contains("last successful run: none yet"), screen)
        XCTAssertFalse(screen.contains("✗ upload"), "the upload permission is there: \(screen)")

        // q on Connect would go to the focused picker: quit from Users.
        try tui.send("M-2")
        try tui.waitFor("the users") { $0.contains("USERS") }
        try tui.quit(from: "USERS")
    }
}
