@testable import App
import AppTesting
import Foundation
import Provisioning
import TerminalUI
import XCTest

/// `ConnectUpdate` on its own: a `ConnectState` and a key, command or answer in, the next state and
/// the requests to the App out. No `AppState`, no terminal.
final class ConnectUpdatePureTests: XCTestCase {
    private let context = ScreenContext(theme: .builtinDefault, size: Size(width: 100, height: 30),
                                        clock: Date(timeIntervalSince1970: 1_746_093_600),
                                        timeZone: TimeZone(identifier: "UTC") ?? .current)

    private func complete() -> ConnectState { ConnectState(draft: Fixture.sandboxConnection, secret: "abc") }

    private func focusing(_ id: String, _ state: ConnectState) throws -> ConnectState {
        var state = state
        let index = try XCTUnwrap(state.form.fields.firstIndex { $0.id == id }, "a field \(id)")
        state.form = state.form.focusing(index)
        return state
    }

    func testSteppingAPickerChangesTheSavedConnectionSoTheWorkspaceChanged() throws {
        var state = try focusing("accent", complete())
        let before = state.accent
        let (handled, requests) = ConnectUpdate.key(&state, .right, context, bound: false)
        XCTAssertTrue(handled)
        XCTAssertNotEqual(state.accent, before)
        XCTAssertEqual(state.form.focusedField?.id, "accent", "the focus stays on the picker")
        XCTAssertEqual(requests, [.workspaceChanged])
    }

    func testTextTypedIntoAPickerIsSwallowedWithoutChangingAnything() throws {
        var state = try focusing("cloud", complete())
        let before = state
        let (handled, requests) = ConnectUpdate.key(&state, .character("x"), context, bound: true)
        XCTAssertTrue(handled, "a printable key never falls through to a screen switch")
        XCTAssertEqual(state, before)
        XCTAssertEqual(requests, [])
    }

    func testTypingTheSecretIsNoChangeToTheWorkspaceButTypingTheTenantIs() throws {
        var state = try focusing("secret", complete())
        var (handled, requests) = ConnectUpdate.key(&state, .character("d"), context, bound: false)
        XCTAssertTrue(handled)
        XCTAssertEqual(state.secret, "abcd")
        XCTAssertEqual(requests, [], "the secret is never saved")

        state = try focusing("tenant", state)
        (handled, requests) = ConnectUpdate.key(&state, .character("x"), context, bound: false)
        XCTAssertTrue(handled)
        XCTAssertEqual(state.draft.tenant, Fixture.sandboxConnection.tenant + "x")
        XCTAssertEqual(requests, [.workspaceChanged])
    }

    func testABoundNonTextKeyOnATextFieldIsLeftToTheBindings() throws {
        var state = try focusing("tenant", complete())
        let (handled, requests) = ConnectUpdate.key(&state, .ctrl("t"), context, bound: true)
        XCTAssertFalse(handled)
        XCTAssertEqual(requests, [])
    }

    func testATestStartsOnlyWhenTheConnectionIsCompleteAndAnOldAnswerIsDropped() {
        var state = ConnectState(draft: Fixture.sandboxConnection)
        XCTAssertEqual(ConnectUpdate.update(&state, .testConnection, context),
                       [.message(StatusMessage("Fill in the client secret.", .warning))])
        XCTAssertEqual(state.test, .idle)

        state = complete()
        let requests = ConnectUpdate.update(&state, .testConnection, context)
        XCTAssertEqual(state.test, .running(generation: 1))
        XCTAssertEqual(requests, [.run(.testConnection(state.request, generation: 1)), .run(.tickAfter(milliseconds: 100))])

        let old = ConnectionProblem(headline: "old", explanation: "", fix: "")
        XCTAssertEqual(ConnectUpdate.tested(&state, .failed(old), generation: 0), [])
        XCTAssertEqual(state.test, .running(generation: 1), "an older test's answer changes nothing")

        let report = ConnectionReport(jobState: "Paused", advice: "", tokenExpiry: "12:00", processesUploads: false)
        XCTAssertEqual(ConnectUpdate.tested(&state, .connected(report), generation: 1),
                       [.message(StatusMessage("connected: job Paused", .warning))])
        XCTAssertEqual(state.jobState, "Paused")
    }

    func testSaveProfileAsksForANameThenSavesWhereThereIsAConfigFile() {
        var draft = Fixture.sandboxConnection
        draft.label = " PROD "
        var state = ConnectState(draft: draft, secret: "abc")
        let asked = ConnectUpdate.update(&state, .saveProfile, context)
        guard case .overlay(.dialog(let dialog, .saveProfile)?)? = asked.first, asked.count == 1 else {
            return XCTFail("one dialog asking for the name: \(asked)")
        }
        XCTAssertEqual(dialog.input.text, "prod", "the label, trimmed and lower-cased, is the suggested name")

        XCTAssertEqual(ConnectUpdate.saveProfile(&state, named: "  ", configPath: "/tmp/x.toml"),
                       [.message(StatusMessage("a profile needs a name", .warning))])
        XCTAssertTrue(state.profiles.isEmpty)

        var session = state
        XCTAssertEqual(ConnectUpdate.saveProfile(&session, named: "prod", configPath: nil),
                       [.workspaceChanged, .message(StatusMessage("profile prod kept for this session (no config file)", .warning))])

        let requests = ConnectUpdate.saveProfile(&state, named: "prod", configPath: "/tmp/x.toml")
        XCTAssertEqual(state.profileName, "prod")
        XCTAssertEqual(state.profiles.map(\.profile), ["prod"])
        XCTAssertEqual(requests, [.workspaceChanged, .run(.saveProfiles(state.profiles, path: "/tmp/x.toml"))])
    }
}
