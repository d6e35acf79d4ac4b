import App
import AppTesting
import SCIM
import TerminalUI
import XCTest

final class ConnectUpdateTests: XCTestCase {
    private func connectScreen(_ draft: ConnectionDraft = ConnectionDraft(), secret: String = "") -> Keys {
        var state = AppState(size: Size(width: 100, height: 30), workspace: Workspace(records: [], connection: draft))
        state.connect = ConnectState(draft: draft, secret: secret)
        XCTAssertEqual(state.screen, .connect, "an empty workspace starts on Connect")
        return Keys(state)
    }

    func testEndpointIsParsedAsYouTypeWithImmediateFeedback() {
        let k = connectScreen()
        k.press("down down down down down down down down").type("https://graph.microsoft.com/v1.0/servicePrincipals/my-app")
        XCTAssertTrue(k.text.contains("✗ expected …/v1.0/servicePrincipals/{id}/synchronization/jobs/{jobId}/bulkUpload"), k.text)
        k.press("ctrl-u").type(Fixture.sandboxConnection.endpoint.replacingOccurrences(of: "http://127.0.0.1:8080", with: "https://graph.microsoft.us"))
        let screen = k.text
        XCTAssertTrue(screen.contains("✓ cloud             US Gov L4 (GCC High)"), screen)
        XCTAssertTrue(screen.contains("service principal 0b2b8f2c-7b71-4f8a-9a56-6c5d4e3f2a10"), screen)
        XCTAssertEqual(k.state.workspace.connection.endpoint.hasPrefix("https://graph.microsoft.us"), true, "autosaved draft")
    }

    func testTestConnectionSaysWhatIsMissingThenRunsWithTheSecret() {
        let k = connectScreen(Fixture.sandboxConnection)
        k.press("ctrl-t")
        XCTAssertEqual(k.state.message?.text, "Fill in the client secret.")
        XCTAssertTrue(k.effects.isEmpty || !k.effects.contains { if case .testConnection = $0 { return true } else { return false } })
        k.press("down down down down down down down").type("s3cret")
        XCTAssertTrue(k.text.contains("••••••"), "masked")
        XCTAssertFalse(k.text.contains("s3cret"))
        k.press("ctrl-t")
        guard case .testConnection(let request, let generation)? = k.effects.first(where: { if case .testConnection = $0 { return true } else { return false } }) else {
            return XCTFail("no test effect: \(k.effects)")
        }
        XCTAssertEqual(request.secret, "s3cret")
        k.send(.connectionTested(generation: generation, .connected(ConnectionReport(
            jobState: "Paused", advice: "The job is paused: uploads are accepted but queued.", tokenExpiry: "14:05", processesUploads: false))))
        XCTAssertTrue(k.text.contains("✓ Signed in (token valid until 14:05). Job state: Paused"), k.text)
        XCTAssertTrue(k.text.contains("job Paused"), "the header shows the job state on every screen")
        XCTAssertFalse(String(decoding: k.state.workspace.encoded(), as: UTF8.self).contains("s3cret"), "never saved")
    }

    func testTheCAFileTravelsWithTheTestTrimmedAndEmptyMeansNone() {
        let k = connectScreen(Fixture.sandboxConnection, secret: "s")
        k.press("ctrl-t")
        XCTAssertEqual(testRequest(k)?.caFile, "", "no CA file: the system's CAs only")
        for _ in 0..<10 { k.press("down") }
        XCTAssertEqual(k.state.connect.form.focusedField?.label, "CA file")
        k.type(" /etc/ssl/proxy-ca.pem ")
        k.effects = []
        k.press("ctrl-t")
        XCTAssertEqual(testRequest(k)?.caFile, "/etc/ssl/proxy-ca.pem", "pasted whitespace is not part of the path")
    }

    private func testRequest(_ k: Keys) -> ConnectionRequest? {
        for case .testConnection(let request, _) in k.effects.reversed() { return request }
        return nil
    }

    func testAFailedSignInShowsTheExplanationAndTheFix() {
        let k = connectScreen(Fixture.sandboxConnection, secret: "wrong")
        k.press("ctrl-t")
        k.send(.connectionTested(generation: k.state.connect.testGeneration, .failed(ConnectionProblem(
            headline: "Sign-in failed (AADSTS7000215)", explanation: "The client secret is wrong.", fix: "Copy the secret's Value, not its ID."))))
        let screen = k.text
        XCTAssertTrue(screen.contains("✗ Sign-in failed (AADSTS7000215)"), screen)
        XCTAssertTrue(screen.contains("Fix: Copy the secret's Value, not its ID."), screen)
    }

    func testAStaleTestResultIsIgnored() {
        let k = connectScreen(Fixture.sandboxConnection, secret: "x")
        k.press("ctrl-t ctrl-t")
        k.send(.connectionTested(generation: 1, .failed(ConnectionProblem(headline: "old", explanation: "", fix: ""))))
        XCTAssertTrue(k.state.connect.isTesting)
    }
}

final class PreviewTests: XCTestCase {
    private func manyUsers(_ n: Int) -> AppState {
        Fixture.state(records: (1...n).map { Fixture.user(String($0), "u\($0)@contoso.com") })
    }

    func testDocumentsOfFiftyWithCountsAndPaging() {
        let k = Keys(manyUsers(120))
        k.press("4")
        XCTAssertEqual(k.state.preview?.documents.count, 3)
        XCTAssertTrue(k.text.contains("Document 1 of 3 · 50 operations"), k.text)
        k.press("] ]")
        XCTAssertTrue(k.text.contains("Document 3 of 3 · 20 operations"), k.text)
        let shown = k.state.preview?.prettyBytes ?? []
        XCTAssertEqual(shown, k.state.preview?.documents[2].bytes(style: .pretty()), "the exact bytes the builder makes")
    }

    func testJumpToTheSelectedUsersOperation() {
        let k = Keys(manyUsers(120))
        for _ in 0..<74 { k.press("j") }
        k.press("p")
        XCTAssertEqual(k.state.screen, .preview)
        XCTAssertEqual(k.state.preview?.index, 1)
        XCTAssertEqual(k.state.message?.text, "document 2, operation 25 (bulkId 75)")
        let top = k.state.preview?.pane.top ?? 0
        XCTAssertEqual(k.state.preview?.pane.lines[top], "    {")
        XCTAssertTrue(k.state.preview?.pane.lines[top + 2].contains("\"bulkId\": \"75\"") == true)
    }

    func testSearchFindsAnEditMadeInTheForm() {
        let k = Keys(Fixture.state())
        k.press("enter down down").type(" Quux")
        k.press("esc 4 /").type("quux").press("enter")
        XCTAssertEqual(k.state.preview?.pane.matches.count, 1)
        XCTAssertTrue(k.text.contains("\"displayName\": \"Zoë Ångström Quux\""), k.text)
        XCTAssertTrue(k.text.contains("match 1 of 1"), k.text)
    }

    func testSaveAsWritesEveryDocument() {
        let k = Keys(manyUsers(60))
        k.press("4 w ctrl-u").type("/tmp/out.json").press("enter")
        guard case .writeFile(let path, let bytes)? = k.effects.last else { return XCTFail("\(k.effects)") }
        XCTAssertEqual(path, "/tmp/out.json")
        XCTAssertEqual(try PayloadReader.read(json: bytes).records.count, 60, "scimterm reads it back")
    }
}

final class PaletteAndHelpTests: XCTestCase {
    func testPaletteRunsAnActionByName() {
        let k = Keys(Fixture.state())
        k.press(":").type("sort by")
        XCTAssertTrue(k.text.contains("Sort by the next column"), k.text)
        k.press("enter")
        XCTAssertNil(k.state.overlay)
        XCTAssertEqual(k.state.users.sort, .externalId)
    }

    func testPaletteSwitchesToTheScreenOfTheAction() {
        let k = Keys(Fixture.state())
        k.press("ctrl-p").type("test connection").press("enter")
        XCTAssertEqual(k.state.screen, .connect)
    }

    func testHelpIsBuiltFromTheKeymap() {
        let k = Keys(Fixture.state())
        k.press("?")
        let screen = k.text
        for binding in AppKeymap.standard.keymap(for: .users).bindings.prefix(8) {
            XCTAssertTrue(screen.contains(binding.help), "\(binding.help) missing:\n\(screen)")
        }
        k.press("x")
        XCTAssertNil(k.state.overlay)
        XCTAssertEqual(k.state.store.count, 25, "the key that closes help does nothing else")
    }

    func testScreensSwitchWithTabNumbersAndAltNumbers() {
        let k = Keys(Fixture.state())
        k.press("tab")
        XCTAssertEqual(k.state.screen, .form)
        k.press("tab")
        XCTAssertEqual(k.state.screen, .preview)
        k.press("1")
        XCTAssertEqual(k.state.screen, .connect)
        k.press("2")
        XCTAssertEqual(k.state.screen, .connect, "on Connect, 2 is typed into the field")
        k.press("alt-2")
        XCTAssertEqual(k.state.screen, .users)
        k.press("shift-tab")
        XCTAssertEqual(k.state.screen, .connect)
    }
}
