import App
import Foundation
import SCIM
import TerminalUI
import XCTest

/// Helpers shared by the App tests: a state with the sandbox users, key presses through the pure
/// update, and screens as text.
public enum Fixture {
    public static let sandboxConnection = ConnectionDraft(
        tenant: "8c1b3d9e-5a4f-4e2b-9c7d-0f6a2b1e3d4c", clientId: "3f2e1d0c-9b8a-4765-a432-10fedcba9876",
        endpoint: "http://127.0.0.1:8080/v1.0/servicePrincipals/0b2b8f2c-7b71-4f8a-9a56-6c5d4e3f2a10/synchronization/jobs/API2AAD.0123456789abcdef0123456789abcdef.0b2b8f2c-7b71-4f8a-9a56-6c5d4e3f2a10/bulkUpload",
        authority: "http://127.0.0.1:8080")

    /// The sandbox users, validated the way the runner would, on the Users screen.
    public static func state(width: Int = 100, height: Int = 30, records: [UserRecord]? = nil) -> AppState {
        var state = AppState(size: Size(width: width, height: height),
                             workspace: Workspace(records: records ?? TUIApp.sampleUsers(), connection: sandboxConnection))
        state.screen = .users
        return validated(state)
    }

    /// The sandbox users with a complete connection (the secret typed), not yet tested.
    public static func connected(width: Int = 100, height: Int = 30) -> AppState {
        var state = Fixture.state(width: width, height: height)
        state.connect = ConnectState(draft: Fixture.sandboxConnection, secret: "abc")
        return state
    }

    /// Runs the whole-set validation synchronously, as if the effect had come back.
    public static func validated(_ state: AppState) -> AppState {
        let found = Validator().recordDiagnostics(state.store.records)
        var byID: [Int: [Diagnostic]] = [:]
        for d in found {
            if let i = d.record { byID[state.store.entries[i].id, default: []].append(d) }
        }
        return TUI.update(state, .validated(generation: state.changeGeneration, byID)).0
    }

    public static func user(_ externalId: String, _ userName: String, department: String = "Sales") -> UserRecord {
        var r = UserRecord()
        r.schemas = [SCIMSchema.user, SCIMSchema.enterpriseUser]
        r.externalId = externalId
        r.userName = userName
        r.displayName = userName.split(separator: "@").first.map(String.init)
        r.active = true
        r.setExtensionAttribute(SCIMSchema.enterpriseUser, "department", .string(department))
        return r
    }
}
