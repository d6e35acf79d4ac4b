import App
import AppTesting
import SCIM
import TerminalUI
import XCTest

/// The Users header's error and warning counts are kept in the state, right after every change.
final class DiagnosticCountsTests: XCTestCase {
    func testCountsFollowValidationFormEditsDeleteAndUndo() {
        let k = Keys(Fixture.state(width: 80, height: 24))
        XCTAssertEqual(k.state.diagnosticCounts, DiagnosticCounts(errors: 0, warnings: 1), "the sandbox's deliberate warning")
        k.press("enter down ctrl-e ctrl-u")
        XCTAssertEqual(k.state.diagnosticCounts.warnings, 2, "the emptied field counts at once, before whole-set validation")
        k.press("escape")
        XCTAssertTrue(k.text.contains("25 users · 0 with errors · 2 with warnings"), k.text)
        k.press("x")
        XCTAssertEqual(k.state.diagnosticCounts, DiagnosticCounts(errors: 0, warnings: 1), "a deleted user no longer counts")
        XCTAssertTrue(k.text.contains("24 users · 0 with errors · 1 with warnings"), k.text)
        k.press("u")
        XCTAssertEqual(k.state.diagnosticCounts.warnings, 2, "undo brings it back with its badge")
    }
}
