import App
import AppTesting
import Foundation
import SCIM
import TerminalUI
import XCTest

/// Every finding is visible: the file's own (envelope, CSV) in the Users header, on a file row and in
/// its pane; all of them, the users' too, in the Problems list (`!`), which jumps to what it lists.
final class ProblemsTests: XCTestCase {
    /// 51 operations (one over Entra's limit), the third repeating the second's bulkId, and the fifth
    /// without a userName.
    static func payload(operations: Int = 51) -> String {
        let ops = (1...operations).map { n -> String in
            let bulkId = n == 3 ? "b2" : "b\(n)"
            let name = n == 5 ? "" : #", "userName": "u\#(n)@contoso.com""#
            return #"{"method": "POST", "bulkId": "\#(bulkId)", "path": "/Users", "data": {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "externalId": "\#(n)"\#(name), "active": true}}"#
        }
        return "{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"], \"Operations\": [\n"
            + ops.joined(separator: ",\n") + "\n]}\n"
    }

    private func write(_ text: String, name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("scimterm-problems-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// The file opened and the workspace validated, as the runner would do it.
    private func opened(_ text: String, name: String = "customer.json", mapping: String? = nil) async throws -> Keys {
        let path = try write(text, name: name)
        let loaded = await AppServices.live.loadFile(path, mapping)
        let k = Keys(Fixture.state(width: 120, height: 32))
        k.send(.fileLoaded(path: path, loaded))
        k.state = Fixture.validated(k.state)
        if k.state.overlay != nil { k.press("enter") }
        return k
    }

    func testTheHeaderCountsTheFilesFindingsAndAFileRowSitsAboveTheUsers() async throws {
        let k = try await opened(Self.payload())
        XCTAssertEqual(k.state.findings.file.map(\.rule).sorted(), ["bulk.bulkId.duplicate", "entra.operations.limit"])
        let screen = k.screen()
        XCTAssertTrue(screen[1].hasPrefix("51 users · 0 with errors · 1 with warnings · file: 1 error, 1 warning"), screen[1])
        XCTAssertTrue(screen[2].contains("file  1 error, 1 warning: "), screen[2])
        XCTAssertTrue(screen[2].contains("(and 1 more; ! lists them)"), screen[2])
        XCTAssertTrue(screen[3].contains("externalId"), "the table's header follows the file row: \(screen[3])")
        XCTAssertEqual(k.state.users.selectedID(store: k.state.store), 1, "the selection starts on the first user")
    }

    func testUpFromTheFirstUserSelectsTheFileAndThePaneShowsItsFindingsWithLines() async throws {
        let k = try await opened(Self.payload())
        k.press("up")
        XCTAssertTrue(k.state.users.onFile)
        XCTAssertNil(k.state.users.selectedID(store: k.state.store), "no user is selected on the file row")
        let text = k.text
        XCTAssertTrue(text.contains("Diagnostics · the file itself"), text)
        XCTAssertTrue(text.contains("error   1:82  Operations  51 operations in one request; Entra accepts at most 50 (400)"), text)
        XCTAssertTrue(text.contains("warning 4:30  Operations[2].bulkId  bulkId \"b2\" is already used by Operations[1]"), text)
        k.press("e")
        XCTAssertEqual(k.state.screen, .users, "edit has no user to open on the file row")
        k.press("down")
        XCTAssertFalse(k.state.users.onFile)
        XCTAssertEqual(k.state.users.selectedID(store: k.state.store), 1)
        XCTAssertTrue(k.text.contains("Diagnostics · u1@contoso.com"), k.text)
    }

    func testAFileWithoutFindingsHasNoFileRowAndUpStaysOnTheFirstUser() async throws {
        let k = try await opened(Self.payload(operations: 2))
        XCTAssertTrue(k.state.findings.isEmpty)
        XCTAssertFalse(k.screen()[1].contains("file:"), k.screen()[1])
        k.press("up")
        XCTAssertFalse(k.state.users.onFile)
        XCTAssertEqual(k.state.users.selectedID(store: k.state.store), 1)
    }

    func testBangListsEveryFindingWithSeverityRuleLineUserAndFix() async throws {
        let k = try await opened(Self.payload())
        k.press("!")
        guard case .problems(let problems)? = k.state.overlay else { return XCTFail("no Problems list: \(k.text)") }
        XCTAssertEqual(problems.refs.count, 3, "two of the file's, one of the user without userName")
        let text = k.text
        XCTAssertTrue(text.contains("Problems · 1 error, 2 warnings"), text)
        XCTAssertTrue(text.contains("severity line:col  user"), text)
        XCTAssertTrue(text.contains("error    1:82      file                   entra.operations.limit"), text)
        XCTAssertTrue(text.contains("warning  4:30      file                   bulk.bulkId.duplicate"), text)
        XCTAssertTrue(text.contains("entra.operations.limit"), text)
        // The user's finding gets its line from the import: the fifth operation is on line 6.
        let userRow = k.screen().first { $0.contains("scim.userName.missing") }
        XCTAssertTrue(userRow?.contains("warning  6:62      5  ") ?? false, "\(userRow ?? "")\n\(text)")
        XCTAssertTrue(text.contains("file · line 1:82 · Operations · entra.operations.limit"), text)
        XCTAssertTrue(text.contains("fix: split it: scimterm convert writes documents of 50 operations"), "the selected finding's fix: \(text)")
        k.press("escape")
        XCTAssertNil(k.state.overlay)
    }

    func testEnterOnAUsersFindingSelectsThatUserEvenUnderAFilter() async throws {
        let k = try await opened(Self.payload())
        k.press("/").type("u1").press("enter")
        XCTAssertFalse(k.state.users.rows.contains(4), "the filter hides the fifth user")
        k.press("!").press("down down").press("enter")
        XCTAssertNil(k.state.overlay)
        XCTAssertEqual(k.state.screen, .users)
        XCTAssertEqual(k.state.users.selectedID(store: k.state.store), 5)
        XCTAssertEqual(k.state.users.query, "", "the filter that hid the user is cleared")
    }

    func testEnterOnAFilesFindingSelectsTheFileRow() async throws {
        let k = try await opened(Self.payload())
        k.press("6").press("!")
        XCTAssertEqual(k.state.screen, .logs)
        k.press("enter")
        XCTAssertEqual(k.state.screen, .users)
        XCTAssertTrue(k.state.users.onFile)
        XCTAssertTrue(k.text.contains("Diagnostics · the file itself"), k.text)
    }

    func testEnterFromTheFormOpensTheFormOnTheUser() async throws {
        let k = try await opened(Self.payload())
        k.press("enter")
        XCTAssertEqual(k.state.form?.recordID, 1)
        k.press("f4").press("down down enter")
        XCTAssertEqual(k.state.screen, .form, "F4 opens the list where ! is typed into a field")
        XCTAssertEqual(k.state.form?.recordID, 5)
    }

    func testANewLoadReplacesTheFilesFindings() async throws {
        let k = try await opened(Self.payload())
        let path = try write(Self.payload(operations: 2), name: "fixed.json")
        k.send(.fileLoaded(path: path, await AppServices.live.loadFile(path, nil)))
        XCTAssertTrue(k.state.findings.isEmpty)
        XCTAssertFalse(k.state.users.onFile)
    }

    func testACSVsUnmappedColumnsAndRejectedValuesAreFileOrRowFindings() async throws {
        let k = try await opened("externalId,userName,active,Shoe size\n1,a@contoso.com,true,44\n2,b@contoso.com,maybe,41\n", name: "hr.csv")
        let rules = k.state.findings.file.map(\.rule)
        XCTAssertFalse(rules.isEmpty, "the CSV's own findings are kept")
        k.press("!")
        let text = k.text
        for rule in rules { XCTAssertTrue(text.contains(rule), "\(rule) listed: \(text)") }
    }

    /// 100,000 users with a finding each: the list opens on references and draws only its screen.
    func testAHundredThousandFindingsOpenAndScrollToTheEnd() {
        let records = (1...100_000).map { n -> UserRecord in
            var r = UserRecord()
            r.externalId = "\(n)"
            r.userName = "u\(n)@contoso.com"
            return r
        }
        var state = AppState(size: Size(width: 120, height: 32), workspace: Workspace(records: records))
        state.screen = .users
        var found: [Int: [Diagnostic]] = [:]
        for entry in state.store.entries {
            found[entry.id] = [Diagnostic(.warning, rule: "test.finding", source: "test", path: JSONPath.root.appending("userName"),
                                          message: "finding of \(entry.record.userName ?? "")")]
        }
        let k = Keys(TUI.update(state, .validated(generation: state.changeGeneration, found)).0)
        k.press("!")
        guard case .problems(let problems)? = k.state.overlay else { return XCTFail("no Problems list") }
        XCTAssertEqual(problems.refs.count, 100_000)
        k.press("G")
        let text = k.text
        XCTAssertTrue(text.contains("finding of u100000@contoso.com"), text)
        XCTAssertTrue(text.contains("Problems · 0 errors, 100000 warnings"), text)
        k.press("enter")
        XCTAssertEqual(k.state.users.selectedID(store: k.state.store), 100_000)
    }

    func testBangWithNothingFoundSaysSo() {
        let k = Keys(Fixture.state(records: [Fixture.user("1", "a@contoso.com")]))
        k.press("!")
        XCTAssertNil(k.state.overlay)
        XCTAssertTrue(k.state.message?.text.contains("no problems found") ?? false, k.state.message?.text ?? "")
    }
}
