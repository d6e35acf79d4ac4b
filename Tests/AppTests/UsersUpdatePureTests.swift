@testable import App
import AppTesting
import Foundation
import SCIM
import TerminalUI
import XCTest

/// The Users screen's update as a pure function: a state, the store and a command in; the new
/// state, the changed store and what the App is asked to do out. No AppState is involved.
final class UsersUpdatePureTests: XCTestCase {
    private let context = ScreenContext(theme: .builtinDefault, size: Size(width: 100, height: 30),
                                        clock: Date(timeIntervalSince1970: 0), timeZone: TimeZone(identifier: "UTC") ?? .current)

    /// Four users: ids 1...4, externalIds "1"..."4", the third without an externalId's value.
    private func fixture() -> (UsersState, RecordStore) {
        var third = Fixture.user("3", "carol@contoso.com", department: "Finance")
        third.externalId = ""
        let store = RecordStore([
            Fixture.user("1", "dave@contoso.com"), Fixture.user("2", "alice@contoso.com"),
            third, Fixture.user("4", "bob@contoso.com", department: "Finance"),
        ])
        var state = UsersState()
        state.refresh(store: store)
        return (state, store)
    }

    private func run(_ command: UsersCommand, _ state: inout UsersState, _ store: inout RecordStore,
                     unsent: inout Set<Int>, lookup: UsersLookup = UsersLookup()) -> [ScreenEffect] {
        UsersUpdate.update(&state, command, context, store: &store, unsent: &unsent, lookup: lookup)
    }

    private func names(_ state: UsersState, _ store: RecordStore) -> [String] {
        state.rows.map { store.entries[$0].record.userName ?? "" }
    }

    func testSortCyclesToUserNameAndSaysSoKeepingTheSelectedUser() {
        var (state, store) = fixture()
        var unsent: Set<Int> = []
        state.list.selected = 1
        _ = run(.sort, &state, &store, unsent: &unsent)
        let requests = run(.sort, &state, &store, unsent: &unsent)
        XCTAssertEqual(state.sort, .userName)
        XCTAssertEqual(requests, [.message(StatusMessage("sorted by userName"))])
        XCTAssertEqual(names(state, store), ["alice@contoso.com", "bob@contoso.com", "carol@contoso.com", "dave@contoso.com"])
        XCTAssertEqual(state.selectedID(store: store), 2, "alice stays selected wherever the sort puts her")
        XCTAssertEqual(run(.reverseSort, &state, &store, unsent: &unsent), [])
        XCTAssertEqual(names(state, store).first, "dave@contoso.com")
    }

    func testSortingByStatusReadsTheLookupsDiagnostics() {
        var (state, store) = fixture()
        var unsent: Set<Int> = []
        let warning = Diagnostic(.warning, rule: "r.w", source: "test", message: "w")
        let error = Diagnostic(.error, rule: "r.e", source: "test", message: "e")
        let lookup = UsersLookup(diagnostics: [4: [error], 2: [warning], 1: [Diagnostic(.note, rule: "r.n", source: "test", message: "n")]])
        for _ in 0..<6 { _ = run(.sort, &state, &store, unsent: &unsent, lookup: lookup) }
        XCTAssertEqual(state.sort, .status)
        XCTAssertEqual(state.rows.map { store.entries[$0].id }, [4, 2, 1, 3], "errors, then warnings, then the rest in order (a note is clean)")
    }

    func testDeletingTheMarkedAsksForARecountThenUndoPutsThemBack() {
        var (state, store) = fixture()
        var unsent: Set<Int> = []
        let before = store.entries
        XCTAssertEqual(run(.mark, &state, &store, unsent: &unsent), [])
        XCTAssertEqual(state.list.selected, 1, "marking moves down")
        _ = run(.move(.down), &state, &store, unsent: &unsent)
        _ = run(.mark, &state, &store, unsent: &unsent)
        XCTAssertEqual(state.marks, [1, 3])
        let deleted = run(.delete, &state, &store, unsent: &unsent)
        XCTAssertEqual(deleted, [.recordsChanged, .message(StatusMessage("deleted 2 users (u undoes)", .warning))])
        XCTAssertEqual(store.entries.map(\.id), [2, 4])
        XCTAssertEqual(state.rows.count, 2)
        XCTAssertTrue(state.marks.isEmpty)
        XCTAssertEqual(run(.undo, &state, &store, unsent: &unsent), [.recordsChanged, .message(StatusMessage("undone"))])
        XCTAssertEqual(store.entries, before)
        XCTAssertEqual(state.selectedID(store: store), 1, "the first restored user is selected")
        XCTAssertEqual(run(.undo, &state, &store, unsent: &unsent), [.message(StatusMessage("nothing to undo"))])
        XCTAssertEqual(run(.redo, &state, &store, unsent: &unsent), [.recordsChanged, .message(StatusMessage("redone"))])
        XCTAssertEqual(store.entries.map(\.id), [2, 4])
    }

    func testAddInsertsAnUnsentUserSelectsItAndAsksForTheForm() {
        var (state, store) = fixture()
        var unsent: Set<Int> = []
        let requests = run(.add, &state, &store, unsent: &unsent)
        XCTAssertEqual(requests, [.recordsChanged, .follow(.form), .message(StatusMessage("added a user: fill in externalId and userName"))])
        XCTAssertEqual(store.count, 5)
        let id = state.selectedID(store: store)
        XCTAssertEqual(id, 5)
        XCTAssertEqual(unsent, [5])
        XCTAssertEqual(store.entry(id: 5)?.record.userName, "")
        XCTAssertEqual(state.undo.count, 1)
    }

    func testDuplicateCopiesBelowWithNewNamesAndNothingSelectedDoesNothing() {
        var (state, store) = fixture()
        var unsent: Set<Int> = []
        let requests = run(.duplicate, &state, &store, unsent: &unsent)
        XCTAssertEqual(requests, [.recordsChanged, .message(StatusMessage("duplicated 1 user (u undoes)"))])
        XCTAssertEqual(store.entries[1].record.externalId, "1-copy")
        XCTAssertEqual(store.entries[1].record.userName, "copy.dave@contoso.com")
        XCTAssertEqual(unsent, [store.entries[1].id])

        var empty = UsersState()
        var none = RecordStore([])
        XCTAssertEqual(run(.duplicate, &empty, &none, unsent: &unsent), [])
        XCTAssertEqual(run(.delete, &empty, &none, unsent: &unsent), [])
        XCTAssertTrue(empty.undo.isEmpty, "nothing done, nothing to undo")
    }

    func testLinksToOtherScreensAreRequestsNamingTheUser() {
        var (state, store) = fixture()
        var unsent: Set<Int> = []
        XCTAssertEqual(run(.userLogs, &state, &store, unsent: &unsent), [.follow(.logs(externalId: "1"))])
        XCTAssertEqual(run(.open, &state, &store, unsent: &unsent), [.follow(.form)])
        XCTAssertEqual(run(.jumpToUser, &state, &store, unsent: &unsent), [.follow(.preview)])
        state.list.selected = 2
        XCTAssertEqual(run(.userLogs, &state, &store, unsent: &unsent),
                       [.message(StatusMessage("this user has no externalId, which is what the provisioning logs name", .warning))])
    }

    func testUpFromTheFirstUserReachesTheFileRowOnlyWhenTheFileHasFindings() {
        var (state, store) = fixture()
        var unsent: Set<Int> = []
        _ = run(.move(.up), &state, &store, unsent: &unsent)
        XCTAssertFalse(state.onFile)
        XCTAssertEqual(state.selectedID(store: store), 1)

        let withFile = UsersLookup(fileRow: true)
        _ = run(.move(.up), &state, &store, unsent: &unsent, lookup: withFile)
        XCTAssertTrue(state.onFile)
        XCTAssertNil(state.selectedID(store: store))
        _ = run(.move(.up), &state, &store, unsent: &unsent, lookup: withFile)
        XCTAssertTrue(state.onFile, "up on the file row stays there")
        _ = run(.move(.down), &state, &store, unsent: &unsent, lookup: withFile)
        XCTAssertFalse(state.onFile)
        XCTAssertEqual(state.selectedID(store: store), 1)
        _ = run(.move(.bottom), &state, &store, unsent: &unsent, lookup: withFile)
        XCTAssertEqual(state.selectedID(store: store), 4)
    }

    func testTheFilterLineNarrowsOnEveryKeyEnterKeepsItAndEscapeClearsIt() {
        var (state, store) = fixture()
        var unsent: Set<Int> = []
        _ = run(.filter, &state, &store, unsent: &unsent)
        XCTAssertEqual(state.filterField?.text, "")
        for c in "fin" {
            guard let field = state.filterField else { return XCTFail("the filter line closed early") }
            UsersUpdate.filterKey(&state, .character(c), field: field, context, store: store, lookup: UsersLookup())
        }
        XCTAssertEqual(state.query, "fin")
        XCTAssertEqual(state.rows.map { store.entries[$0].id }, [3, 4])
        guard let field = state.filterField else { return XCTFail("the filter line closed early") }
        UsersUpdate.filterKey(&state, .enter, field: field, context, store: store, lookup: UsersLookup())
        XCTAssertNil(state.filterField)
        XCTAssertEqual(state.query, "fin", "Enter keeps the filter")
        XCTAssertEqual(run(.clearFilter, &state, &store, unsent: &unsent), [])
        XCTAssertEqual(state.rows.count, 4)

        _ = run(.filter, &state, &store, unsent: &unsent)
        UsersUpdate.filterKey(&state, .character("b"), field: state.filterField ?? TextFieldState(""), context, store: store, lookup: UsersLookup())
        XCTAssertEqual(state.rows.count, 1)
        UsersUpdate.filterKey(&state, .escape, field: state.filterField ?? TextFieldState(""), context, store: store, lookup: UsersLookup())
        XCTAssertNil(state.filterField)
        XCTAssertEqual(state.query, "")
        XCTAssertEqual(state.rows.count, 4)
    }
}
