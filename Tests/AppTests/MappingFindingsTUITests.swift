@testable import App
import AppTesting
import Foundation
import Mapping
import Provisioning
import SCIM
import TerminalUI
import TerminalUITesting
import XCTest

/// The job's mapping's findings in the TUI (issue 12 §3) and "add to the job's schema" from them
/// (§4): findings only against a mapping that was read, every user re-checked when the schema
/// arrives, the form checking as you type, and `x` → confirmation (Cancel first) → the effect.
final class MappingFindingsTUITests: XCTestCase {
    static let contoso = "urn:ietf:params:scim:schemas:extension:contoso:1.0:User"
    static let badge = contoso + ":badgeId"
    private let t0 = Date(timeIntervalSince1970: 1_780_000_000)

    static func badged(_ externalId: String = "9001", _ userName: String = "badge@contoso.com") -> UserRecord {
        var r = Fixture.user(externalId, userName)
        r.schemas.append(contoso)
        r.setExtensionAttribute(contoso, "badgeId", .string("B-\(externalId)"))
        return r
    }

    /// The sandbox users and one with a badgeId, connected, validated without a mapping.
    private func workspace(width: Int = 80, height: Int = 24, journal: Bool = true) -> Keys {
        var state = Fixture.state(width: width, height: height, records: TUIApp.sampleUsers() + [Self.badged()])
        state.connect = ConnectState(draft: Fixture.sandboxConnection, secret: "abc")
        state.journalPath = journal ? "/tmp/scimterm-never-opened/journal.sqlite" : nil
        state.clock = t0
        return Keys(state)
    }

    /// Runs what the effects ask, validation as the runner does it (synchronously).
    private func run(_ k: Keys, _ effects: [AppEffect]) {
        for effect in effects {
            guard case .validate(let generation, let entries, let mapping) = effect else { continue }
            k.send(EffectRunner.validated(generation: generation, entries, mapping: mapping))
        }
    }

    /// The job's schema arrives (a connect), and the validation it starts comes back.
    private func pulled(_ k: Keys, _ schema: SynchronizationSchema = .defaultAPIDriven, at: Date? = nil) {
        let (next, effects) = TUI.update(k.state, .schemaPulled(.schema(schema), at: at ?? t0))
        k.state = next
        run(k, effects)
    }

    private var badgeID: Int { 26 }

    private func badgeFindings(_ k: Keys) -> [Diagnostic] { (k.state.diagnostics[badgeID] ?? []).filter { $0.rule.hasPrefix("schema.") } }

    // MARK: findings only with a read mapping

    func testMicrosoftsDefaultStandInGivesNoMappingFindingsAndNoLabel() {
        let k = workspace()
        XCTAssertNil(k.state.mappingCheck)
        XCTAssertEqual(k.state.validateEffect, .validate(generation: k.state.changeGeneration, k.state.store.entries, mapping: nil))
        XCTAssertNil(k.state.mappingFindingsLabel)
        XCTAssertTrue(k.state.diagnostics.values.joined().allSatisfy { !$0.rule.hasPrefix("schema.") })
        XCTAssertFalse(k.screen()[1].contains("mapping:"), k.screen()[1])
    }

    func testAPulledSchemaRevalidatesEveryUserAndTheUnreadAttributeIsAWarningOnItsUser() {
        let k = workspace()
        let (_, effects) = TUI.update(k.state, .schemaPulled(.schema(.defaultAPIDriven), at: t0))
        guard case .validate(_, let entries, let mapping?)? = effects.first(where: { if case .validate = $0 { return true }; return false }) else {
            return XCTFail("a pulled schema re-validates every user: \(effects)")
        }
        XCTAssertEqual(entries.count, 26)
        XCTAssertEqual(mapping.origin, .job(readAt: t0))
        pulled(k)
        let found = badgeFindings(k)
        XCTAssertEqual(found.map(\.rule), ["schema.attribute.unread"])
        XCTAssertEqual(found.first?.severity, .warning)
        XCTAssertEqual(found.first?.message, "accepted and ignored: the job's mapping does not read \(Self.badge); add it to the schema and a mapping")
        XCTAssertEqual(k.state.usersLookup.badge(badgeID).text, "warning")
        XCTAssertEqual(k.state.mappingFindingsLabel, "mapping: job schema read just now")
        k.state.clock = t0.addingTimeInterval(180)
        k.state.size = Size(width: 120, height: 24)
        XCTAssertTrue(k.screen()[1].hasSuffix("· mapping: job schema read 3 min ago"), k.screen()[1])
    }

    func testTheOncePerFileNoteIsAFileFindingAndIsReplacedByTheNextValidation() {
        let k = workspace()
        pulled(k)
        let notes = k.state.findings.file.filter { $0.rule == "schema.source.absent" }
        XCTAssertFalse(notes.isEmpty, "the default mapping reads attributes no sandbox user carries")
        XCTAssertEqual(k.state.findings.notes, notes.count)
        pulled(k, at: t0.addingTimeInterval(60))
        XCTAssertEqual(k.state.findings.file.filter { $0.rule == "schema.source.absent" }.count, notes.count, "replaced, not added twice")
    }

    func testAnAnswerCheckedAgainstAnOlderMappingIsDropped() {
        let k = workspace()
        let stale = EffectRunner.validated(generation: k.state.changeGeneration, k.state.store.entries, mapping: nil)
        pulled(k)
        k.send(stale)
        XCTAssertEqual(badgeFindings(k).map(\.rule), ["schema.attribute.unread"], "the answer without the mapping came late and is dropped")
    }

    func testASchemaFileGivesFindingsAndItsLabel() {
        let k = workspace()
        k.state.entraMapping = EntraMapping(origin: .file("/tmp/job-schema.json"), schema: .defaultAPIDriven)
        run(k, [k.state.validateEffect])
        XCTAssertEqual(badgeFindings(k).map(\.rule), ["schema.attribute.unread"])
        XCTAssertEqual(k.state.mappingFindingsLabel, "mapping: schema file job-schema.json")
    }

    // MARK: the form

    func testTheFormChecksAgainstTheMappingAsYouTypeAndWhenTheSchemaArrives() {
        let k = workspace()
        k.state.users.list.selected = badgeID - 1
        k.state.openForm()
        XCTAssertFalse(k.state.form?.diagnostics.contains { $0.rule == "schema.attribute.unread" } ?? true, "no mapping read yet")
        pulled(k)
        XCTAssertEqual(k.state.form?.diagnostics.filter { $0.rule.hasPrefix("schema.") }.map(\.rule), ["schema.attribute.unread"])
        let text = k.text
        XCTAssertTrue(text.contains("accepted and ignored"), text)
    }

    func testAFormOpenedAfterThePullCarriesTheMapping() {
        let k = workspace()
        pulled(k)
        k.state.users.list.selected = badgeID - 1
        k.state.openForm()
        XCTAssertEqual(k.state.form?.mapping?.origin, .job(readAt: t0))
        XCTAssertTrue(k.state.form?.diagnostics.contains { $0.rule == "schema.attribute.unread" } ?? false)
    }

    // MARK: x: add to the job's schema

    /// The Problems list open on the badge finding.
    private func problemsOnBadge(_ k: Keys) {
        k.press("!")
        guard case .problems(var problems)? = k.state.overlay else { return XCTFail("no Problems list") }
        guard let row = problems.refs.firstIndex(where: {
            $0 == .user(id: badgeID, index: 0) && k.state.problemRow($0)?.diagnostic.rule == "schema.attribute.unread"
        }) else {
            return XCTFail("no unread finding listed")
        }
        problems.list.selected = row
        k.state.overlay = .problems(problems)
    }

    func testXOpensTheConfirmationWithTheDiffTheRestartAndCancelFirst() {
        let k = workspace()
        pulled(k)
        problemsOnBadge(k)
        let (next, effects) = TUI.update(k.state, .key(.character("x")))
        k.state = next
        guard case .dialog(let dialog, .extendSchema(let plan))? = k.state.overlay else { return XCTFail("no confirmation: \(String(describing: k.state.overlay))") }
        XCTAssertEqual(plan.urn, Self.contoso)
        XCTAssertEqual(plan.diffLines, ["+ \(Self.badge) (String)"])
        XCTAssertEqual(dialog.buttons[dialog.selectedButton], "Cancel", "Cancel is the default")
        XCTAssertTrue(dialog.message.contains("restarts the job"), dialog.message)
        XCTAssertTrue(dialog.message.contains("Definitions only, no mapping"), dialog.message)
        XCTAssertEqual(effects, [.readRestartImpact(k.state.connect.request, journalPath: "/tmp/scimterm-never-opened/journal.sqlite")])

        k.send(.restartImpactRead(RestartImpact(pending: [], logsProblem: nil, readAt: t0)))
        guard case .dialog(let read, .extendSchema(let readPlan))? = k.state.overlay else { return XCTFail("the confirmation stays") }
        XCTAssertTrue(read.message.contains("no upload is accepted and waiting to be processed, so none is purged."), read.message)
        XCTAssertFalse(readPlan.readingImpact)

        let (cancelled, none) = TUI.update(k.state, .key(.enter))
        XCTAssertNil(cancelled.overlay)
        XCTAssertEqual(none, [], "Enter on the default writes nothing")
        XCTAssertEqual(cancelled.message?.text, "the job's schema is unchanged")
    }

    func testTheConfirmationCountsTheUploadsTheRestartPurges() {
        let k = workspace()
        pulled(k)
        problemsOnBadge(k)
        k.press("x")
        let pending = (0..<3).map { SendJournal.AcceptedDocument(sendId: "s1", index: $0, externalIds: ["a\($0)", "b\($0)"], acceptedAt: t0) }
        k.send(.restartImpactRead(RestartImpact(pending: pending, logsProblem: nil, readAt: t0)))
        guard case .dialog(let dialog, .extendSchema(let plan))? = k.state.overlay else { return XCTFail("the confirmation stays") }
        XCTAssertEqual(plan.impact?.pending.count, 3, "the confirmed plan carries what to mark purged")
        XCTAssertTrue(dialog.message.contains("3 uploads (6 users) accepted but not yet processed are purged; "
            + "scimterm marks them \"purged by restart\" and offers to send them again."), dialog.message)
        XCTAssertEqual(dialog.buttons[dialog.selectedButton], "Cancel", "reading the count keeps the choice where it was")
    }

    func testConfirmingAsksTheRunnerToPullDiffAndPut() {
        let k = workspace()
        pulled(k)
        problemsOnBadge(k)
        k.press("x")
        k.send(.restartImpactRead(RestartImpact(pending: [], logsProblem: nil, readAt: t0)))
        guard case .dialog(_, .extendSchema(let plan))? = k.state.overlay else { return XCTFail("no confirmation") }
        k.press("left")
        let (_, effects) = TUI.update(k.state, .key(.enter))
        XCTAssertEqual(effects, [.extendSchema(k.state.connect.request, plan, journalPath: "/tmp/scimterm-never-opened/journal.sqlite")])
    }

    func testASchemaChangedMeanwhileIsShownAgainNotWritten() {
        let k = workspace()
        pulled(k)
        var input = InputAttributes()
        input.add(record: Self.badged().data)
        var schema = SynchronizationSchema.defaultAPIDriven
        schema = SchemaExtension(schema: schema, input: input.attributes, urn: Self.contoso).extended(schema) ?? schema
        let plan = SchemaExtendPlan(urn: Self.contoso, input: input.attributes + [.init(name: Self.contoso + ":floor", type: "Integer")],
                                    change: SchemaExtension(schema: schema, input: [.init(name: Self.contoso + ":floor", type: "Integer")],
                                                            urn: Self.contoso))
        k.send(.schemaExtended(.changed(plan), at: t0))
        guard case .dialog(let dialog, .extendSchema(let shown))? = k.state.overlay else { return XCTFail("the new diff is asked again") }
        XCTAssertEqual(dialog.title, "The job's schema changed: add these instead?")
        XCTAssertEqual(shown.diffLines, ["+ \(Self.contoso):floor (Integer)"])
        XCTAssertEqual(dialog.buttons[dialog.selectedButton], "Cancel")
    }

    func testWrittenAndReadBackTheFindingSaysNoMappingReadsItYet() {
        let k = workspace()
        pulled(k)
        var input = InputAttributes()
        input.add(record: Self.badged().data)
        let base = SynchronizationSchema.defaultAPIDriven
        let extended = SchemaExtension(schema: base, input: input.attributes, urn: Self.contoso).extended(base) ?? base
        let later = t0.addingTimeInterval(30)
        let (next, effects) = TUI.update(k.state, .schemaExtended(.extended(added: 1, repulled: .schema(extended), purged: nil), at: later))
        k.state = next
        XCTAssertEqual(k.state.message?.text, "added 1 attribute definition to the job's schema; the job restarts with a full cycle")
        XCTAssertEqual(k.state.entraMapping.origin, .job(readAt: later))
        run(k, effects)
        let found = badgeFindings(k)
        XCTAssertEqual(found.map(\.rule), ["schema.attribute.unread"], "still ignored: only the definition was added")
        XCTAssertEqual(found.first?.message, "accepted and ignored: \(Self.badge) is in the job's schema, but no mapping reads it yet")
        problemsOnBadge(k)
        k.press("x")
        XCTAssertTrue(k.state.message?.text.contains("is in the job's schema already: it needs a mapping") ?? false, "\(String(describing: k.state.message))")
    }

    func testWithASchemaFileXSaysTheFileWouldNotChange() {
        let k = workspace()
        k.state.entraMapping = EntraMapping(origin: .file("/tmp/job-schema.json"), schema: .defaultAPIDriven)
        run(k, [k.state.validateEffect])
        problemsOnBadge(k)
        let (next, effects) = TUI.update(k.state, .key(.character("x")))
        XCTAssertEqual(effects, [])
        XCTAssertTrue(next.message?.text.contains("scimterm schema extend") ?? false, "\(String(describing: next.message))")
        guard case .problems? = next.overlay else { return XCTFail("the list stays open") }
    }

    func testAForbiddenWriteNamesThePermission() {
        let k = workspace()
        pulled(k)
        let denied = GraphFailure.parse(TransportResponse(status: 403, headers: [], body: Array(#"{"error":{"code":"Authorization_RequestDenied","message":"no"}}"#.utf8)))
        let problem = ProvisioningSession.schemaProblem(.graph(denied), writing: true)
        k.send(.schemaExtended(.failed(problem), at: t0))
        XCTAssertEqual(k.state.message?.text,
                       "the job's schema is unchanged: writing the job's schema needs Synchronization.ReadWrite.All (Entra answered 403)")
    }
}
