@testable import App
import AppTesting
import Foundation
import Mapping
import SCIM
import TerminalUI
import TerminalUITesting
import XCTest

/// "Check with Entra" (issue 12 §3) in the App: the key asks for the calls only when connected, the
/// answers become per-row marks and a header with the check's age on the App's clock, and an edit
/// drops the marks rather than show them beside the new value.
final class CheckWithEntraTests: XCTestCase {
    private let t0 = Date(timeIntervalSince1970: 1_780_000_000)
    private let context = ScreenContext(theme: .builtinDefault, size: Size(width: 80, height: 24),
                                        clock: Date(timeIntervalSince1970: 0), timeZone: TimeZone(identifier: "UTC") ?? .current)

    private func sandbox(connected: Bool = true) -> Keys {
        var state = Fixture.state(width: 80, height: 24)
        state.badge = Badge(label: "SANDBOX", role: .warning)
        state.connect = ConnectState(draft: Fixture.sandboxConnection, secret: "abc")
        let k = Keys(state)
        k.send(.clockAdvanced(t0))
        if connected {
            k.send(.connectionTested(generation: 0, .connected(ConnectionReport(jobState: "Active", advice: "", tokenExpiry: "12:00",
                                                                                 processesUploads: true))))
        }
        k.effects = []
        return k
    }

    private func asked(_ k: Keys) -> (items: [ExpressionCheck.Item], generation: Int)? {
        for effect in k.effects { if case .checkWithEntra(_, let items, let generation) = effect { return (items, generation) } }
        return nil
    }

    /// Entra's answers as the local evaluator would give them, but for `differing` targets.
    private func replies(_ k: Keys, _ items: [ExpressionCheck.Item], differing: [String: [String]] = [:]) -> [ExpressionCheck.Reply] {
        let local = k.state.entraCheck?.local.attributes ?? []
        return zip(items, local).map { item, attribute in
            if let unasked = ExpressionCheck.unasked(item) { return unasked }
            var values: [String] = []
            if case .value(let value) = attribute.outcome { values = value.all }
            return .answered(ParseExpressionResult(parsingSucceeded: true, evaluationSucceeded: true,
                                                   evaluationResult: differing[item.targetAttributeName] ?? values))
        }
    }

    // MARK: pure updates

    func testF7AndAltCAskForTheCheckAndOpenThePaneWithoutTyping() {
        for key in [Key.function(7), .alt("c")] {
            var state = UserFormState(recordID: 7, record: Fixture.user("7", "seven@contoso.com"))
            let (handled, typed) = UserFormUpdate.key(&state, key, context, keymaps: .standard)
            XCTAssertFalse(handled, "\(key) is a command, not text")
            XCTAssertEqual(typed, [])
            XCTAssertEqual(UserFormUpdate.update(&state, .checkWithEntra, context), [.checkWithEntra(recordID: 7)])
            XCTAssertTrue(state.showsComputed, "the marks are shown where they land")
            XCTAssertFalse(state.isModified)
        }
    }

    func testPreviewCAsksForTheSelectedUser() {
        var state = PreviewState(store: RecordStore([Fixture.user("7", "seven@contoso.com")]))
        XCTAssertEqual(PreviewUpdate.update(&state, .checkWithEntra, context, selected: 0), [.checkWithEntra(recordID: 0)])
        XCTAssertTrue(state.showsComputed)
    }

    // MARK: through the App

    func testWithoutAConnectionTheKeySaysToConnectFirstAndAsksNothing() {
        let k = sandbox(connected: false)
        k.press("enter f7")
        XCTAssertNil(asked(k))
        XCTAssertEqual(k.state.message, StatusMessage("check with Entra needs a connection: test it on Connect (1) first", .warning))
    }

    func testTheKeyAsksEveryDeterministicMappingOfTheUserOnTheConnection() throws {
        let k = sandbox()
        k.press("enter f7")
        let (items, generation) = try XCTUnwrap(asked(k))
        XCTAssertEqual(k.effects, [.checkWithEntra(k.state.connect.request, items, generation: generation)])
        XCTAssertEqual(items.map(\.targetAttributeName), k.state.entraMapping.compiled.mappings.map(\.targetAttributeName))
        let upn = try XCTUnwrap(items.first { $0.targetAttributeName == "userPrincipalName" }?.request)
        XCTAssertEqual(upn.properties, [.init(key: "userName", values: ["zoe.angstrom@contoso.com"])])
        XCTAssertTrue(k.text.contains("asking Entra's parseExpression about 21 mappings…"), k.text)
    }

    func testTheAnswersBecomeMarksAndTheHeaderAgesOnTheAppsClock() throws {
        let k = sandbox()
        k.press("enter f7")
        let (items, generation) = try XCTUnwrap(asked(k))
        k.send(.entraChecked(generation: generation, items: items, replies(k, items, differing: ["mailNickname": ["zoe"]]), at: t0))
        k.send(.clockAdvanced(t0.addingTimeInterval(12)))
        XCTAssertTrue(k.text.contains("checked with Entra 12 s ago: 20 agree, 1 differs"), k.text)
        XCTAssertEqual(k.state.message, StatusMessage("checked with Entra: 20 agree, 1 differs", .warning))
        ScreenAssert.equal(k.screen(), Self.form80)
    }

    func testAnOlderChecksAnswerChangesNothing() throws {
        let k = sandbox()
        k.press("enter f7")
        let (items, first) = try XCTUnwrap(asked(k))
        k.effects = []
        k.press("f7")
        let (_, second) = try XCTUnwrap(asked(k))
        XCTAssertEqual(second, first + 1)
        k.send(.entraChecked(generation: first, items: items, replies(k, items), at: t0))
        guard case .asking? = k.state.entraCheck?.progress else { return XCTFail("the first check's answer was taken for the second's") }
    }

    func testAnEditDropsTheMarksAndNeverShowsThemForTheNewValue() throws {
        let k = sandbox()
        k.press("enter f7")
        let (items, generation) = try XCTUnwrap(asked(k))
        k.send(.entraChecked(generation: generation, items: items, replies(k, items), at: t0))
        XCTAssertTrue(k.text.contains("✓"), k.text)
        k.press("down ctrl-e")
        k.type("x")
        let record = try XCTUnwrap(k.state.form?.record)
        XCTAssertEqual(k.state.entraCheck?.shown(for: record, now: t0), .stale)
        XCTAssertFalse(k.text.contains("✓"), k.text)
        XCTAssertTrue(k.text.contains("checked with Entra before this user was edited: F7 checks again"), k.text)
        k.press("alt-z")
        XCTAssertTrue(k.text.contains("✓"), "undone: the user is again the one checked")
    }

    func testPreviewShowsTheMarksToo() throws {
        let k = sandbox()
        k.press("4 c")
        let (items, generation) = try XCTUnwrap(asked(k))
        k.send(.entraChecked(generation: generation, items: items, replies(k, items), at: t0))
        ScreenAssert.equal(k.screen(), Self.preview80)
    }

    static let form80 = """
         1 Connect  2 Users  3 Edit  4 Preview  5 Activity  6 Logs  job Active  SANDBOX
         Editing zoe.angstrom@contoso.com  externalId 1001
         Identity
         externalId               1001
         userName                 zoe.angstrom@contoso.com
         displayName              Zoë Ångström
         nickName
         profileUrl
         preferredLanguage
         locale
         timezone
        ─ What Entra will set · Microsoft's default mapping (not read from the job) ────
         checked with Entra 12 s ago: 20 agree, 1 differs
         ★ ✓ employeeId         1001                         Always  ← externalId
           ✓ accountEnabled     True                         Always  ← Switch([active]…
           ✓ userPrincipalName  zoe.angstrom@contoso.com     Always  ← userName
           ≠ mailNickname       zoe.angstrom                 Always  ≠ Entra: "zoe"
           ✓ displayName        Zoë Ångström                 Always  ← displayName
           ✓ givenName          Zoë                          Always  ← name.givenName
           ✓ surname            Ångström                     Always  ← name.familyName
           ✓ jobTitle           Chief Executive Officer      Always  ← title
           ✓ mail               zoe.angstrom@contoso.com     Always  ← emails[type eq …
         … 12 more mappings (Preview's e shows them all)
         EDIT  checked with Entra: 20 agree, 1 differs
        """

    static let preview80 = """
         1 Connect  2 Users  3 Edit  4 Preview  5 Activity  6 Logs  job Active  SANDBOX
         User zoe.angstrom@contoso.com  externalId 1001
        ─ What Entra will set · Microsoft's default mapping (not read from the job) ────
         checked with Entra 0 s ago: 21 agree, 0 differ
         ★ ✓ employeeId         1001                         Always  ← externalId
           ✓ accountEnabled     True                         Always  ← Switch([active]…
           ✓ userPrincipalName  zoe.angstrom@contoso.com     Always  ← userName
           ✓ mailNickname       zoe.angstrom                 Always  ← Replace([userNa…
           ✓ displayName        Zoë Ångström                 Always  ← displayName
           ✓ givenName          Zoë                          Always  ← name.givenName
           ✓ surname            Ångström                     Always  ← name.familyName
           ✓ jobTitle           Chief Executive Officer      Always  ← title
           ✓ mail               zoe.angstrom@contoso.com     Always  ← emails[type eq …
           ✓ telephoneNumber    does not flow: no value      Always  ← phoneNumbers[ty…
           ✓ mobile             does not flow: no value      Always  ← phoneNumbers[ty…
           ✓ streetAddress      does not flow: no value      Always  ← addresses[type …
           ✓ city               Kraków                       Always  ← addresses[type …
           ✓ state              does not flow: no value      Always  ← addresses[type …
           ✓ postalCode         does not flow: no value      Always  ← addresses[type …
           ✓ country            PL                           Always  ← addresses[type …
           ✓ preferredLanguage  does not flow: no value      Always  ← preferredLangua…
         … 4 more mappings (↓ and PgDn scroll)
         mappings 1–17 of 21 · ★ matches users · c checks with Entra · e shows the JSON
         PREVIEW  checked with Entra: 21 agree, 0 differ
        """
}

extension AppState {
    /// The check the App holds (on its mapping), for the tests' reading.
    var entraCheck: EntraCheck? { entraMapping.check }
}
