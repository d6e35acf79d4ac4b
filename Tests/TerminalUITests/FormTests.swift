import TerminalUITesting
import XCTest
@testable import TerminalUI

final class FormTests: XCTestCase {
    let theme = Theme.builtinDefault

    func makeForm() -> FormState {
        FormState([
            .section("Tenant"),
            .field(FormField(id: "tenant", label: "Tenant ID", text: "contoso")),
            .field(FormField(id: "client", label: "Client ID", placeholder: "00000000-…")),
            .section("Secret"),
            .field(FormField(id: "secret", label: "Secret", text: "hunter2", masked: true, error: "expired")),
        ])
    }

    func testLayoutWithSectionsLabelsErrorsAndMasking() {
        var buffer = ScreenBuffer(width: 30, height: 7)
        let cursor = FormView().render(makeForm(), into: &buffer, area: buffer.bounds, theme: theme)
        ScreenAssert.equal(buffer, """
        Tenant
        Tenant ID  contoso
        Client ID  00000000-…

        Secret
        Secret     •••••••
                   ! expired
        """)
        XCTAssertEqual(cursor, Point(x: 18, y: 1), "cursor at the end of the focused field")
    }

    func testTabMovesFocusInOrderAndWraps() {
        var form = makeForm()
        XCTAssertEqual(form.focusedField?.id, "tenant")
        form = form.handling(.tab)!
        XCTAssertEqual(form.focusedField?.id, "client")
        form = form.handling(.tab)!.handling(.tab)!
        XCTAssertEqual(form.focusedField?.id, "tenant")
        form = form.handling(.backTab)!
        XCTAssertEqual(form.focusedField?.id, "secret")
        XCTAssertNil(form.handling(.enter))
    }

    func testTypingEditsTheFocusedFieldAndClearsItsError() {
        var form = makeForm().focusing(2)
        form = form.handling(.character("!"))!
        XCTAssertEqual(form.values["secret"], "hunter2!")
        XCTAssertNil(form.field("secret")?.error)
        XCTAssertEqual(form.values["tenant"], "contoso")
    }

    func testShortScreenScrollsToTheFocusedField() {
        var buffer = ScreenBuffer(width: 30, height: 3)
        let form = makeForm().focusing(2)
        let cursor = FormView().render(form, into: &buffer, area: buffer.bounds, theme: theme)
        XCTAssertTrue(buffer.plainText.contains("•••••••"), buffer.plainText)
        XCTAssertNotNil(cursor)
    }
}
