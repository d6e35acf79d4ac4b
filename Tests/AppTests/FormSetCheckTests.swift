import App
import AppTesting
import SCIM
import XCTest

/// The user form checks what only the whole set can tell: this user's userName or externalId used
/// by another user, on every keystroke, whichever of the two is open.
final class FormSetCheckTests: XCTestCase {
    private func twoUsers() -> Keys {
        Keys(Fixture.state(records: [Fixture.user("100", "ada@contoso.com"), Fixture.user("200", "grace@contoso.com"),
                                     Fixture.user("100", "alan@contoso.com")]))
    }

    func testTheFirstOfTwoUsersWithOneExternalIdIsWarnedToo() {
        let k = twoUsers()
        XCTAssertNil(k.state.worstSeverity(id: 1), "the whole-set rules flag only the later user")
        k.press("enter")
        let rules = k.state.form?.diagnostics.map(\.rule) ?? []
        XCTAssertEqual(rules, ["entra.externalId.duplicate"])
        XCTAssertTrue(k.text.contains("externalId \"100\" is also used by record 3 (alan@contoso.com)"), k.text)
    }

    func testTypingAnotherUsersUserNameWarnsAtOnceAndFixingItClears() {
        let k = twoUsers()
        k.press("down enter")
        XCTAssertEqual(k.state.form?.recordID, 2)
        XCTAssertEqual(k.state.form?.diagnostics.map(\.rule) ?? [], [])
        let field = k.state.form?.form.focusedField?.id
        XCTAssertEqual(field, "externalId")
        k.press("down ctrl-u").type("ADA@contoso.com")
        XCTAssertEqual(k.state.form?.diagnostics.map(\.rule) ?? [], ["entra.userName.duplicate"], "userNames compare without case")
        XCTAssertTrue(k.text.contains("is also used by record 1 (ada@contoso.com)"), k.text)
        XCTAssertEqual(k.state.worstSeverity(id: 2), .warning, "the table's badge follows the form")
        k.type("x")
        XCTAssertEqual(k.state.form?.diagnostics.map(\.rule) ?? [], [])
    }
}
