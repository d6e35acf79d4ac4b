import App
import AppTesting
import XCTest

/// Up and Down stop at the ends of the form instead of wrapping, and undo, redo and revert move the
/// focus to the field they change, so the change is on screen.
final class UserFormFocusTests: XCTestCase {
    func testUpFromTheFirstFieldStaysAndDownStopsAtTheLast() throws {
        let k = Keys(Fixture.state()).press("2 e")
        let form = try XCTUnwrap(k.state.form, k.text)
        XCTAssertEqual(form.form.focus, 0)
        k.press("up")
        XCTAssertEqual(k.state.form?.form.focus, 0, "no wrap to the last field")
        for _ in 0..<(form.form.fields.count + 5) { k.press("down") }
        XCTAssertEqual(k.state.form?.form.focus, form.form.fields.count - 1)
    }

    func testUndoFocusesTheFieldItChanges() throws {
        let k = Keys(Fixture.state(width: 100, height: 24)).press("2 e")
        let first = try XCTUnwrap(k.state.form?.form.focusedField?.id)
        k.type("Z")
        let fields = try XCTUnwrap(k.state.form?.form.fields.count)
        for _ in 0..<(fields - 1) { k.press("down") }
        XCTAssertEqual(k.state.form?.form.focus, fields - 1)
        k.press("alt-z")
        XCTAssertEqual(k.state.form?.form.focusedField?.id, first, "undo went back to the field it changed")
        XCTAssertFalse(k.state.form?.isModified ?? true)
        for _ in 0..<(fields - 1) { k.press("down") }
        k.press("ctrl-y")
        XCTAssertEqual(k.state.form?.form.focusedField?.id, first, "and so does redo")
        XCTAssertTrue(k.text.contains("Z"), k.text)
    }
}
