@testable import App
import AppTesting
import Foundation
import SCIM
import TerminalUI
import XCTest

/// The Problems overlay's update as a pure function: the list's state and a key in; the moved list,
/// the Users selection it jumps to, and what the App is asked to do out.
final class ProblemsUpdatePureTests: XCTestCase {
    private let context = ScreenContext(theme: .builtinDefault, size: Size(width: 100, height: 30),
                                        clock: Date(timeIntervalSince1970: 0), timeZone: TimeZone(identifier: "UTC") ?? .current)

    private let store = RecordStore([
        Fixture.user("1", "a@contoso.com"), Fixture.user("2", "b@contoso.com", department: "Finance"), Fixture.user("3", "c@contoso.com"),
    ])

    private func finding(_ severity: Diagnostic.Severity, _ rule: String, record: Int? = nil) -> Diagnostic {
        Diagnostic(severity, rule: rule, source: "test", record: record, message: rule)
    }

    /// One finding of the file's own, a warning on user 2 and an error and a note on user 3.
    private var source: ProblemSource {
        let file = ImportFindings([finding(.error, "file.rule")], records: store.records, starts: [])
        let diagnostics = [2: [finding(.warning, "user2.warning")], 3: [finding(.note, "user3.note"), finding(.error, "user3.error")]]
        return ProblemSource(findings: file, diagnostics: diagnostics, store: store)
    }

    private func opened(from screen: Screen = .users) -> ProblemsState? {
        guard case .overlay(.problems(let problems)?)? = ProblemsUpdate.open(from: screen, source: source, validated: true).first else { return nil }
        return problems
    }

    private func press(_ key: Key, _ problems: inout ProblemsState, _ users: inout UsersState) -> [ScreenEffect] {
        ProblemsUpdate.key(&problems, key, context, users: &users, store: store, lookup: UsersLookup(diagnostics: source.diagnostics, fileRow: true))
    }

    func testOpeningListsTheFileFirstThenEachUserWorstFirstOrSaysWhyThereIsNothing() throws {
        let problems = try XCTUnwrap(opened())
        XCTAssertEqual(problems.refs, [.file(0), .user(id: 2, index: 0), .user(id: 3, index: 1), .user(id: 3, index: 0)])
        XCTAssertEqual([problems.errors, problems.warnings, problems.notes], [2, 1, 1])
        XCTAssertEqual(source.row(.user(id: 3, index: 1))?.owner, "c@contoso.com")
        XCTAssertNil(source.row(.user(id: 9, index: 0)), "a finding gone since the list opened has no row")

        let clean = ProblemSource(findings: ImportFindings(), diagnostics: [:], store: store)
        XCTAssertEqual(ProblemsUpdate.open(from: .users, source: clean, validated: false), [.message(StatusMessage("still checking the users…"))])
        XCTAssertEqual(ProblemsUpdate.open(from: .users, source: clean, validated: true),
                       [.message(StatusMessage("no problems found: the file and every user are clean", .success))])
    }

    func testMovesStayInTheListAndEscapeBangOrQCloseIt() throws {
        var problems = try XCTUnwrap(opened())
        var users = UsersState()
        users.refresh(store: store)
        XCTAssertEqual(press(.down, &problems, &users), [])
        XCTAssertEqual(press(.down, &problems, &users), [])
        XCTAssertEqual(press(.down, &problems, &users), [])
        XCTAssertEqual(problems.list.selected, 3)
        XCTAssertEqual(press(.character("@"), &problems, &users), [], "a key that is no move does nothing")
        XCTAssertEqual(problems.list.selected, 3)
        for key: Key in [.escape, .character("!"), .character("q")] {
            XCTAssertEqual(press(key, &problems, &users), [.overlay(nil)])
        }
        XCTAssertEqual(users, { var u = UsersState(); u.refresh(store: store); return u }(), "closing leaves the users alone")
    }

    func testEnterOnAUsersFindingClearsTheFilterHidingThemAndSelectsThem() throws {
        var problems = try XCTUnwrap(opened())
        var users = UsersState()
        users.filter("finance", store: store, viewport: 10)
        XCTAssertEqual(users.rows.count, 1)
        _ = press(.down, &problems, &users)
        _ = press(.down, &problems, &users)
        XCTAssertEqual(press(.enter, &problems, &users), [.overlay(nil), .switchTo(.users)])
        XCTAssertEqual(users.query, "")
        XCTAssertEqual(users.selectedID(store: store), 3)

        var fromForm = try XCTUnwrap(opened(from: .form))
        _ = press(.down, &fromForm, &users)
        XCTAssertEqual(press(.enter, &fromForm, &users), [.overlay(nil), .follow(.form)], "from the form, the form opens on the user")
        XCTAssertEqual(users.selectedID(store: store), 2)
    }

    func testEnterOnTheFilesFindingSelectsTheFileRowAndAGoneUserOnlyCloses() throws {
        var problems = try XCTUnwrap(opened())
        var users = UsersState()
        users.refresh(store: store)
        XCTAssertEqual(press(.enter, &problems, &users),
                       [.overlay(nil), .switchTo(.users), .message(StatusMessage("the file's own findings: the file row above the users (↑ from the first user)"))])
        XCTAssertTrue(users.onFile)

        var gone = try XCTUnwrap(opened())
        _ = press(.down, &gone, &users)
        var fewer = store
        fewer.remove(ids: [2])
        let requests = ProblemsUpdate.key(&gone, .enter, context, users: &users, store: fewer, lookup: UsersLookup())
        XCTAssertEqual(requests, [.overlay(nil)])
        XCTAssertTrue(users.onFile, "the selection is left where it was")
    }
}
