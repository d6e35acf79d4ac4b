import App
import Foundation
import SCIM
import TerminalUI
import XCTest

/// Helpers shared by the App tests: a state with the sandbox users, key presses through the pure
/// update, and screens as text.
enum Fixture {
    static let sandboxConnection = ConnectionDraft(
        tenant: "8c1b3d9e-5a4f-4e2b-9c7d-0f6a2b1e3d4c", clientId: "3f2e1d0c-9b8a-4765-a432-10fedcba9876",
        endpoint: "http://127.0.0.1:8080/v1.0/servicePrincipals/0b2b8f2c-7b71-4f8a-9a56-6c5d4e3f2a10/synchronization/jobs/API2AAD.0123456789abcdef0123456789abcdef.0b2b8f2c-7b71-4f8a-9a56-6c5d4e3f2a10/bulkUpload",
        authority: "http://127.0.0.1:8080")

    /// The sandbox users, validated the way the runner would, on the Users screen.
    static func state(width: Int = 100, height: Int = 30, records: [UserRecord]? = nil) -> AppState {
        var state = AppState(size: Size(width: width, height: height),
                             workspace: Workspace(records: records ?? TUIApp.sampleUsers(), connection: sandboxConnection))
        state.screen = .users
        return validated(state)
    }

    /// The sandbox users with a complete connection (the secret typed), not yet tested.
    static func connected(width: Int = 100, height: Int = 30) -> AppState {
        var state = Fixture.state(width: width, height: height)
        state.connect = ConnectState(draft: Fixture.sandboxConnection, secret: "abc")
        return state
    }

    /// Runs the whole-set validation synchronously, as if the effect had come back.
    static func validated(_ state: AppState) -> AppState {
        let found = Validator().recordDiagnostics(state.store.records)
        var byID: [Int: [Diagnostic]] = [:]
        for d in found {
            if let i = d.record { byID[state.store.entries[i].id, default: []].append(d) }
        }
        return TUI.update(state, .validated(generation: state.changeGeneration, byID)).0
    }

    static func user(_ externalId: String, _ userName: String, department: String = "Sales") -> UserRecord {
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

/// Presses keys through `TUI.update`, collecting the effects, as the loop would without running them.
final class Keys {
    var state: AppState
    var effects: [AppEffect] = []

    init(_ state: AppState) { self.state = state }

    @discardableResult
    func press(_ script: String) -> Keys {
        for spelling in script.split(separator: " ") {
            send(.key((try? Key(parsing: String(spelling))) ?? .escape))
        }
        return self
    }

    @discardableResult
    func type(_ text: String) -> Keys {
        for c in text { send(.key(.character(c))) }
        return self
    }

    func send(_ action: AppAction) {
        let (next, more) = TUI.update(state, action)
        state = next
        effects += more
    }

    func screen() -> [String] {
        var frame = ScreenBuffer(width: state.size.width, height: state.size.height)
        TUI.render(state, into: &frame)
        return frame.lines()
    }

    var text: String { screen().joined(separator: "\n") }
}

/// Screen comparison as text, with masks for what varies (ports, times), and a readable diff.
enum Screens {
    static func assertEqual(_ actual: [String], _ expected: String, masks: [String] = [],
                            file: StaticString = #filePath, line: UInt = #line) {
        let got = actual.map { mask($0, masks) }
        var want = expected.split(separator: "\n", omittingEmptySubsequences: false).map { mask(trimRight(String($0)), masks) }
        while want.count < got.count { want.append("") }
        if got == want && ProcessInfo.processInfo.environment["SCIMTERM_RECORD"] != "1" { return }
        var diff = ""
        for i in 0..<max(got.count, want.count) {
            let e = i < want.count ? want[i] : "∅", a = i < got.count ? got[i] : "∅"
            diff += (e == a ? "  " : "! ") + e + "\n" + (e == a ? "" : "  " + a + "   ← actual\n")
        }
        XCTFail("screens differ:\n\(diff)\nactual:\n\"\"\"\n\(got.joined(separator: "\n"))\n\"\"\"", file: file, line: line)
    }

    static func mask(_ line: String, _ patterns: [String]) -> String {
        var out = line
        for p in patterns {
            guard let regex = try? NSRegularExpression(pattern: p) else { continue }
            out = regex.stringByReplacingMatches(in: out, range: NSRange(out.startIndex..., in: out), withTemplate: "###")
        }
        return out
    }

    static func trimRight(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }
}
