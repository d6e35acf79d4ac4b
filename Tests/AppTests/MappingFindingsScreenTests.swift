@testable import App
import AppTesting
import Foundation
import Mapping
import Provisioning
import SCIM
import TerminalUI
import TerminalUITesting
import XCTest

/// The job's mapping's findings and "add to the job's schema" as drawn at 80×24.
final class MappingFindingsScreenTests: XCTestCase {
    private let t0 = Date(timeIntervalSince1970: 1_780_000_000)

    /// The sandbox users and a badged one, the job's schema read 3 minutes ago, Problems on the badge.
    private func problemsOnTheBadge() -> Keys {
        var state = Fixture.state(width: 80, height: 24, records: TUIApp.sampleUsers() + [MappingFindingsTUITests.badged()])
        state.connect = ConnectState(draft: Fixture.sandboxConnection, secret: "abc")
        state.badge = Badge(label: "SANDBOX", role: .warning)
        state.clock = t0
        state.journalPath = "/tmp/scimterm-never-opened/journal.sqlite"
        let k = Keys(state)
        let (next, effects) = TUI.update(k.state, .schemaPulled(.schema(.defaultAPIDriven), at: t0))
        k.state = next
        for case .validate(let generation, let entries, let mapping) in effects {
            k.send(EffectRunner.validated(generation: generation, entries, mapping: mapping))
        }
        k.state.clock = t0.addingTimeInterval(180)
        k.press("!")
        guard case .problems(var problems)? = k.state.overlay,
              let row = problems.refs.firstIndex(of: .user(id: 26, index: 0)) else {
            XCTFail("no Problems list")
            return k
        }
        problems.list.selected = row
        problems.list = problems.list.clamped(total: problems.refs.count, viewport: ProblemsLayout(size: k.state.size).viewport)
        k.state.overlay = .problems(problems)
        return k
    }

    func testProblemsShowsTheUnreadAttributeAndWhichMappingSaysSo() {
        ScreenAssert.equal(problemsOnTheBadge().screen(), Self.problems80)
    }

    func testTheConfirmationShowsTheDiffTheRestartAndWhatItDoesNotDo() {
        let k = problemsOnTheBadge()
        k.press("x")
        k.send(.restartImpactRead(RestartImpact(pending: [], logsProblem: nil, readAt: t0)))
        ScreenAssert.equal(k.screen(), Self.confirmation80)
    }

    static let problems80 = """
         1 Connect   2 Users   3 Edit   4 Preview   5 Activity   6 Logs         SANDBOX
        26┌ Problems · 0 errors, 28 warnings, 5 notes · Enter goes to it · Esc close…┐e…
          │severity line:col  user          rule            message                  │o…
          │warning            yuki.sato@co… schema.attribu… accepted and ignored: ur…│s
          │warning            chloe.martin… schema.attribu… accepted and ignored: ur…│ng
          │warning            oyvind.hanse… schema.attribu… accepted and ignored: ur…│ng
          │warning            talya.fleeta… schema.attribu… accepted and ignored: ur…│ng
          │warning            ginnie.fadim… schema.attribu… accepted and ignored: ur…│ng
          │warning            antonin.dvor… schema.attribu… accepted and ignored: ur…│ng
          │warning            saoirse.nibh… schema.attribu… accepted and ignored: ur…│ng
          │warning            kwame.mensah… schema.attribu… accepted and ignored: ur…│ng
          │warning            lea.rousseau… entra.active.m… no "active": Entra will …│ng
          │warning            lea.rousseau… entra.type.not… phoneNumbers of type "mo…│ng
          │warning            lea.rousseau… schema.attribu… accepted and ignored: ur…│ng
          │warning            mikko.virtan… schema.attribu… accepted and ignored: ur…│ng
          │warning            badge@contos… schema.attribu… accepted and ignored: th…│ng
        ─ │──────────────────────────────────────────────────────────────────────────│──
         w│badge@contoso.com · ["urn:ietf:params:scim:schemas:extension:contoso:1.0:…│e
          │accepted and ignored: the job's mapping does not read                     │
          │urn:ietf:params:scim:schemas:extension:contoso:1.0:User:badgeId; add it to│m
          │the schema and a mapping                                                  │
          │fix: Entra answers 202 and drops it; `scimterm schema extend` lists what  │e
          └─ mapping: job schema read 3 min ago · x add to the job's schema ─────────┘
         USERS  / filter  enter/e edit  f5/alt-s send  …  ?/f1/alt-h help  q/ctrl-c quit
        """

    static let confirmation80 = """
         1 Connect   2 Users   3 Edit   4 Preview   5 Activity   6 Logs         SANDBOX
        26 users · 0 with errors · 26 with warnings · file: 5 notes · mapping: job sche…
          file  5 notes: the job's mapping reads phoneNumbers[type eq "work"].value (fo…
          externalId userName              displayName      department    active status
          1001       zoe.angstrom@contoso… Zoë Ångström     Executive     yes    warning
          10┌ Add to the job's schema? ────────────────────────────────────────────┐ning
          10│ The job's schema (job schema read 3 min ago) lacks 1 attribute the   │ning
          10│ workspace's users carry. The PUT adds to the API directory's User    │ning
          10│ object:                                                              │ning
          10│ + urn:ietf:params:scim:schemas:extension:contoso:1.0:User:badgeId    │ning
          10│ (String)                                                             │ning
          10│ Definitions only, no mapping: Entra keeps ignoring them until a      │ning
          10│ mapping reads them (Attribute mapping in the portal).                │ning
          10│ Writing the schema restarts the job with a full cycle: no upload is  │ning
          10│ accepted and waiting to be processed, so none is purged.             │ning
          10│                                                                      │ning
        ─ Di│               [ Add and restart the job ]  [ Cancel ]                │────
         war└──────────────────────────────────────────────────────────────────────┘oye
                 eNumber  accepted and ignored:
                 urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNum
                 ber is in the job's schema, but no mapping reads it yet — add a
                 mapping for it (Entra admin center: the app's Provisioning > Attribute
                 mapping); only then does it reach Entra
         USERS  / filter  enter/e edit  f5/alt-s send  …  ?/f1/alt-h help  q/ctrl-c quit
        """
}
