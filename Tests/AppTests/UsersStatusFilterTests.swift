import App
import AppTesting
import SCIM
import XCTest

/// The Users filter matches the status column too: `/warning`, `/error`, `/failed` find the users
/// whose badge says so, whatever their names.
final class UsersStatusFilterTests: XCTestCase {
    func testFilteringByTheStatusColumn() {
        let k = Keys(Fixture.state())
        let store = k.state.store
        let warned = store.entries.filter { k.state.worstSeverity(id: $0.id) == .warning }.map(\.id)
        XCTAssertFalse(warned.isEmpty, "the sandbox users include one with a warning")
        k.press("/").type("warning")
        XCTAssertEqual(k.state.users.rows.map { store.entries[$0].id }, warned, k.text)

        // What the last send made of a user is its status too.
        let failedID = store.entries[3].id
        k.press("escape")
        k.state.sendStatus[failedID] = .failed("400 Bad Request")
        k.press("/").type("fail")
        XCTAssertEqual(k.state.users.rows.map { store.entries[$0].id }, [failedID], k.text)
        XCTAssertTrue(k.text.contains("1 of 25"), k.text)

        // Typing on narrows (the status is matched on the narrowed rows as well).
        k.press("escape").press("/").type("o")
        let broad = k.state.users.rows.count
        k.type("k")
        XCTAssertLessThanOrEqual(k.state.users.rows.count, broad)
        XCTAssertTrue(k.state.users.rows.contains { store.entries[$0].id == store.entries[0].id && k.state.worstSeverity(id: store.entries[0].id) == nil },
                      "\"ok\" matches the clean users: \(k.text)")
    }
}
