@testable import App
import AppTesting
import Foundation
import Mapping
import SCIM
import TerminalUI
import TerminalUITesting
import XCTest

/// "What Entra will set" (issue 12 §3): the form's F6 pane and Preview's `e`, the mapping's source
/// and age from the App's clock, the job's schema arriving after a connect, a 403 on it.
final class WhatEntraWillSetTests: XCTestCase {
    private let t0 = Date(timeIntervalSince1970: 1_780_000_000)
    private let context = ScreenContext(theme: .builtinDefault, size: Size(width: 80, height: 24),
                                        clock: Date(timeIntervalSince1970: 0), timeZone: TimeZone(identifier: "UTC") ?? .current)

    private func sandbox() -> Keys {
        var state = Fixture.state(width: 80, height: 24)
        state.badge = Badge(label: "SANDBOX", role: .warning)
        state.connect = ConnectState(draft: Fixture.sandboxConnection, secret: "abc")
        return Keys(state)
    }

    /// The default mapping with mailNickname taken from the displayName instead: a job of its own.
    private var customSchema: SynchronizationSchema {
        var schema = SynchronizationSchema.defaultAPIDriven
        for r in schema.synchronizationRules.indices {
            for o in schema.synchronizationRules[r].objectMappings.indices {
                for a in schema.synchronizationRules[r].objectMappings[o].attributeMappings.indices
                where schema.synchronizationRules[r].objectMappings[o].attributeMappings[a].targetAttributeName == "mailNickname" {
                    schema.synchronizationRules[r].objectMappings[o].attributeMappings[a].source = .function("ToUpper([displayName])")
                }
            }
        }
        return schema
    }

    // MARK: pure updates

    func testF6TogglesTheFormsPaneWithoutTouchingTheRecord() {
        var state = UserFormState(recordID: 7, record: Fixture.user("7", "seven@contoso.com"))
        let on = UserFormUpdate.update(&state, .whatEntraWillSet, context)
        XCTAssertTrue(state.showsComputed)
        XCTAssertEqual(on, [.message(StatusMessage("what Entra will set for this user, as you type (F6 shows the checks)"))])
        let off = UserFormUpdate.update(&state, .whatEntraWillSet, context)
        XCTAssertFalse(state.showsComputed)
        XCTAssertEqual(off, [.message(StatusMessage("the checks again (F6 shows what Entra will set)"))])
        XCTAssertFalse(state.isModified)
    }

    func testF6AndAltWAreNotTypedIntoTheField() {
        var state = UserFormState(recordID: 7, record: Fixture.user("7", "seven@contoso.com"))
        for key in [Key.function(6), .alt("w")] {
            let (handled, requests) = UserFormUpdate.key(&state, key, context, keymaps: .standard)
            XCTAssertFalse(handled, "\(key) is a command, not text")
            XCTAssertEqual(requests, [])
        }
        XCTAssertEqual(state.record.externalId, "7")
    }

    func testPreviewETogglesAndTheMovementKeysScrollTheComputedRowsWithinTheMapping() {
        var state = PreviewState(store: RecordStore([Fixture.user("7", "seven@contoso.com")]))
        _ = PreviewUpdate.update(&state, .whatEntraWillSet, context, selected: 0, computedCount: 21)
        XCTAssertTrue(state.showsComputed)
        // 80x24: the pane is 20 rows, one of them the title.
        _ = PreviewUpdate.update(&state, .move(.pageDown), context, selected: 0, computedCount: 21)
        XCTAssertEqual(state.computedTop, 2, "a page stops where the last mapping is on the last row")
        _ = PreviewUpdate.update(&state, .move(.up), context, selected: 0, computedCount: 21)
        XCTAssertEqual(state.computedTop, 1)
        _ = PreviewUpdate.update(&state, .move(.top), context, selected: 0, computedCount: 21)
        XCTAssertEqual(state.computedTop, 0)
        let off = PreviewUpdate.update(&state, .whatEntraWillSet, context, selected: 0, computedCount: 21)
        XCTAssertFalse(state.showsComputed)
        XCTAssertEqual(off, [.message(StatusMessage("the JSON again (e shows what Entra will set)"))])
    }

    func testPreviewEWithNoUserSelectedSaysSo() {
        var state = PreviewState(store: RecordStore([]))
        let said = PreviewUpdate.update(&state, .whatEntraWillSet, context, selected: nil, computedCount: 21)
        XCTAssertEqual(said, [.message(StatusMessage("no user selected: pick one on Users (2)", .warning))])
    }

    func testTheSourceLabelNamesTheOriginAndItsAgeOnTheGivenClock() {
        let job = EntraMapping(origin: .job(readAt: t0), schema: .defaultAPIDriven)
        XCTAssertEqual(job.label(now: t0.addingTimeInterval(20)), "job schema read just now")
        XCTAssertEqual(job.label(now: t0.addingTimeInterval(3 * 60 + 59)), "job schema read 3 min ago")
        XCTAssertEqual(job.label(now: t0.addingTimeInterval(2 * 3600)), "job schema read 2 h ago")
        XCTAssertEqual(job.label(now: t0.addingTimeInterval(86_400)), "job schema read 1 day ago")
        let file = EntraMapping(origin: .file("/tmp/x/schema.json"), schema: .defaultAPIDriven)
        XCTAssertEqual(file.label(now: t0), "from schema.json (a schema file, not read from the job now)")
        XCTAssertEqual(EntraMapping.microsoftDefault.label(now: t0), "Microsoft's default mapping (not read from the job)")
    }

    // MARK: through the App

    func testAConnectAsksForTheSchemaAndItsArrivalChangesTheFormsValuesAndLabel() {
        let k = sandbox()
        k.send(.clockAdvanced(t0))
        k.send(.connectionTested(generation: 0, .connected(ConnectionReport(jobState: "Active", advice: "", tokenExpiry: "12:00",
                                                                             processesUploads: true))))
        XCTAssertEqual(k.effects.filter { if case .pullSchema = $0 { return true } else { return false } }, [.pullSchema(k.state.connect.request)])
        k.press("enter f6")
        XCTAssertTrue(k.text.contains("mailNickname       zoe.angstrom "), k.text)
        XCTAssertTrue(k.text.contains("Microsoft's default mapping (not read from the job)"), k.text)
        k.send(.schemaPulled(.schema(customSchema), at: t0))
        k.send(.clockAdvanced(t0.addingTimeInterval(180)))
        XCTAssertTrue(k.text.contains("mailNickname       ZOË ÅNGSTRÖM"), k.text)
        XCTAssertTrue(k.text.contains("What Entra will set · job schema read 3 min ago"), k.text)
    }

    func testA403OnTheSchemaKeepsTheDefaultMappingAndNamesThePermission() {
        let k = sandbox()
        k.send(.schemaPulled(.failed("needs Synchronization.Read.All"), at: t0))
        k.press("enter f6")
        XCTAssertTrue(k.text.contains("─ Entra sets · default mapping · schema: needs Synchronization.Read.All ─"),
                      k.text)
        XCTAssertEqual(k.state.entraMapping.origin, .microsoftDefault)
    }

    func testASchemaFileIsKeptOverTheJobsAndNoPullIsAsked() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("entra-sets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("schema.json").path
        try Data(customSchema.encoded()).write(to: URL(fileURLWithPath: path))
        var state = Fixture.state(width: 80, height: 24)
        XCTAssertNil(TUIApp.loadSchema(path, into: &state))
        XCTAssertEqual(state.entraMapping.origin, .file(path))
        let k = Keys(state)
        k.send(.connectionTested(generation: 0, .connected(ConnectionReport(jobState: "Active", advice: "", tokenExpiry: "12:00",
                                                                             processesUploads: true))))
        XCTAssertFalse(k.effects.contains { if case .pullSchema = $0 { return true } else { return false } })
        k.press("enter f6")
        XCTAssertTrue(k.text.contains("from schema.json"), k.text)
        XCTAssertTrue(k.text.contains("ZOË ÅNGSTRÖM"), k.text)
    }

    func testEditingUserNameRecomputesMailNicknameAndTheUPNAsYouType() {
        let k = sandbox()
        k.press("enter f6 down ctrl-e")
        k.type(".x")
        XCTAssertTrue(k.text.contains("userPrincipalName  zoe.angstrom@contoso.com.x"), k.text)
        k.press("ctrl-u")
        k.type("ann.lee@contoso.com")
        XCTAssertTrue(k.text.contains("mailNickname       ann.lee "), k.text)
        XCTAssertTrue(k.text.contains("userPrincipalName  ann.lee@contoso.com "), k.text)
    }

    // MARK: 80x24 screens

    func testFormWithWhatEntraWillSetAt80x24() {
        let k = sandbox()
        k.press("enter f6")
        ScreenAssert.equal(k.screen(), Self.form80)
    }

    func testPreviewEAt80x24() {
        let k = sandbox()
        k.press("4 e")
        ScreenAssert.equal(k.screen(), Self.preview80)
    }

    static let form80 = """
         1 Connect   2 Users   3 Edit   4 Preview   5 Activity   6 Logs         SANDBOX
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
         ★ employeeId         1001                         Always  ← externalId
           accountEnabled     True                         Always  ← Switch([active], …
           userPrincipalName  zoe.angstrom@contoso.com     Always  ← userName
           mailNickname       zoe.angstrom                 Always  ← Replace([userName…
           displayName        Zoë Ångström                 Always  ← displayName
           givenName          Zoë                          Always  ← name.givenName
           surname            Ångström                     Always  ← name.familyName
           jobTitle           Chief Executive Officer      Always  ← title
           mail               zoe.angstrom@contoso.com     Always  ← emails[type eq "w…
           telephoneNumber    does not flow: no value      Always  ← phoneNumbers[type…
         … 11 more mappings (Preview's e shows them all)
         EDIT  what Entra will set for this user, as you type (F6 shows the checks)
        """

    static let preview80 = """
         1 Connect   2 Users   3 Edit   4 Preview   5 Activity   6 Logs         SANDBOX
         User zoe.angstrom@contoso.com  externalId 1001
        ─ What Entra will set · Microsoft's default mapping (not read from the job) ────
         ★ employeeId         1001                         Always  ← externalId
           accountEnabled     True                         Always  ← Switch([active], …
           userPrincipalName  zoe.angstrom@contoso.com     Always  ← userName
           mailNickname       zoe.angstrom                 Always  ← Replace([userName…
           displayName        Zoë Ångström                 Always  ← displayName
           givenName          Zoë                          Always  ← name.givenName
           surname            Ångström                     Always  ← name.familyName
           jobTitle           Chief Executive Officer      Always  ← title
           mail               zoe.angstrom@contoso.com     Always  ← emails[type eq "w…
           telephoneNumber    does not flow: no value      Always  ← phoneNumbers[type…
           mobile             does not flow: no value      Always  ← phoneNumbers[type…
           streetAddress      does not flow: no value      Always  ← addresses[type eq…
           city               Kraków                       Always  ← addresses[type eq…
           state              does not flow: no value      Always  ← addresses[type eq…
           postalCode         does not flow: no value      Always  ← addresses[type eq…
           country            PL                           Always  ← addresses[type eq…
           preferredLanguage  does not flow: no value      Always  ← preferredLanguage
           employeeType       Employee                     Always  ← userType
         … 3 more mappings (↓ and PgDn scroll)
         mappings 1–18 of 21 · ★ matches users · c checks with Entra · e shows the JSON
         PREVIEW  what Entra will set for the selected user (e shows the JSON)
        """
}
