import App
import AppTesting
import SCIM
import TerminalUI
import XCTest

final class UsersUpdateTests: XCTestCase {
    func testFilterNarrowsAsYouTypeAndEscClearsIt() {
        let k = Keys(Fixture.state())
        k.press("/").type("sal")
        let sales = k.state.users.rows.count
        XCTAssertGreaterThan(sales, 0)
        XCTAssertLessThan(sales, 25)
        k.type("es")
        XCTAssertTrue(k.state.users.rows.allSatisfy { (k.state.store.entries[$0].record.department ?? "") == "Sales" })
        XCTAssertTrue(k.text.contains("filter \"sales\"") || k.text.contains("/sales"))
        k.press("esc")
        XCTAssertEqual(k.state.users.rows.count, 25)
        XCTAssertNil(k.state.users.filterField)
    }

    func testFilterMatchesNonASCIICaseInsensitively() {
        let k = Keys(Fixture.state())
        k.press("/").type("JÜRGEN").press("enter")
        XCTAssertEqual(k.state.users.rows.map { k.state.store.entries[$0].record.externalId }, ["1013"])
        XCTAssertNil(k.state.users.filterField, "Enter keeps the filter and leaves the field")
    }

    func testSortCyclesColumnsAndReverses() {
        let k = Keys(Fixture.state())
        k.press("s s")
        XCTAssertEqual(k.state.users.sort, .userName)
        let names = k.state.users.rows.map { k.state.store.entries[$0].record.userName ?? "" }
        XCTAssertEqual(names, names.sorted { $0.lowercased() < $1.lowercased() })
        k.press("S")
        let reversed = k.state.users.rows.map { k.state.store.entries[$0].record.userName ?? "" }
        XCTAssertEqual(reversed, names.reversed())
    }

    func testDeleteMarkedThenUndoPutsThemBackInPlaceWithTheirIds() {
        let k = Keys(Fixture.state())
        let before = k.state.store.entries
        k.press("space j space")
        XCTAssertEqual(k.state.users.marks.count, 2)
        k.press("x")
        XCTAssertEqual(k.state.store.count, 23)
        XCTAssertTrue(k.effects.contains { if case .settleAfter = $0 { return true } else { return false } }, "a delete is autosaved")
        k.press("u")
        XCTAssertEqual(k.state.store.entries, before)
        k.press("ctrl-y")
        XCTAssertEqual(k.state.store.count, 23, "redo deletes again")
    }

    func testDuplicateInsertsACopyBelowAndAddOpensTheForm() {
        let k = Keys(Fixture.state())
        k.press("d")
        XCTAssertEqual(k.state.store.count, 26)
        XCTAssertEqual(k.state.store.entries[1].record.externalId, "1001-copy")
        XCTAssertEqual(k.state.store.entries[1].record.displayName, "Zoë Ångström")
        k.press("a")
        XCTAssertEqual(k.state.store.count, 27)
        XCTAssertEqual(k.state.screen, .form)
        XCTAssertEqual(k.state.form?.recordID, k.state.store.entries.last?.id)
        XCTAssertEqual(k.state.unsent.count, 2)
    }

    func testStatusBadgeShowsTheWarningAndThePanelExplainsIt() throws {
        let k = Keys(Fixture.state())
        let warned = try XCTUnwrap(k.state.store.entries.firstIndex { k.state.worstSeverity(id: $0.id) == .warning })
        k.press("G")
        for _ in 0..<(24 - warned) { k.press("k") }
        let screen = k.text
        XCTAssertTrue(screen.contains("warning"), screen)
        XCTAssertTrue(screen.contains("Diagnostics · " + (k.state.store.entries[warned].record.userName ?? "")), screen)
    }

    func testFilteringOneHundredThousandUsersIsOnePass() {
        let records = (0..<100_000).map { Fixture.user(String($0), "user\($0)@contoso.com", department: $0 % 7 == 0 ? "Sales" : "Ops") }
        var state = AppState(size: Size(width: 100, height: 30), workspace: Workspace(records: records))
        state.screen = .users
        let k = Keys(state)
        k.press("/")
        let start = Date()
        k.type("user4")
        let perKey = Date().timeIntervalSince(start) / 5
        XCTAssertEqual(k.state.users.rows.count, 11_111)
        // Debug builds are ~10× slower than release; the release figure is the benchmark's business.
        XCTAssertLessThan(perKey, 0.5, "a filter keystroke took \(perKey) s")
        XCTAssertTrue(k.text.contains("user4@contoso.com"))
    }

    func testQuitAsksWhenChangesWereNotSent() {
        let k = Keys(Fixture.state())
        k.press("d q")
        guard case .dialog(_, .quit)? = k.state.overlay else { return XCTFail("expected the quit question") }
        XCTAssertTrue(k.text.contains("1 user was added or changed and not sent"), k.text)
        k.press("enter")
        XCTAssertFalse(k.state.quitRequested, "Stay is the default")
        k.press("q left enter")
        XCTAssertTrue(k.state.quitRequested)
    }

    func testQuitWithoutChangesDoesNotAsk() {
        let k = Keys(Fixture.state())
        k.press("q")
        XCTAssertTrue(k.state.quitRequested)
    }
}
