import TerminalUI
import XCTest

/// In a prompt, focus and typing agree: after Tab moves to a button, typing goes back to the field
/// (and takes the focus with it), so Enter answers with the text instead of pressing Cancel.
final class DialogFocusTests: XCTestCase {
    func testTypingAfterTabReturnsTheFocusToTheFieldAndEnterSubmits() {
        var dialog = DialogState(kind: .prompt(masked: false), title: "Open", message: "A file:", buttons: ["Open", "Cancel"])
        dialog = dialog.handling(.tab).0
        XCTAssertEqual(dialog.selectedButton, 1, "Tab reaches Cancel")
        for c in "users.json" { dialog = dialog.handling(.character(c)).0 }
        XCTAssertEqual(dialog.selectedButton, 0, "typing took the focus back to the field")
        XCTAssertEqual(dialog.handling(.enter).1, .submitted("users.json"))
    }

    func testEnterOnCancelStillCancelsWhenNothingWasTyped() {
        var dialog = DialogState(kind: .prompt(masked: false), title: "Open", message: "A file:", buttons: ["Open", "Cancel"], input: "x.json")
        dialog = dialog.handling(.tab).0
        XCTAssertEqual(dialog.handling(.enter).1, .cancelled)
        XCTAssertEqual(dialog.handling(.ctrl("c")).1, .cancelled)
    }
}
