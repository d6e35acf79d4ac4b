import App
import AppTesting
import TerminalUI
import XCTest

/// ctrl-c backs out of every overlay one level, as Esc does (never a send, never a quit), and the
/// help's scrolling stops at its last line.
final class OverlayBackOutTests: XCTestCase {
    func testCtrlCCancelsTheSendConfirmationWithoutSendingOrQuitting() {
        let k = Keys(Fixture.connected()).press("2 f5")
        guard case .dialog(let dialog, _)? = k.state.overlay else { return XCTFail("F5 asks first: \(k.text)") }
        XCTAssertTrue(dialog.title.hasPrefix("Send"), dialog.title)
        k.effects = []
        k.press("ctrl-c")
        XCTAssertNil(k.state.overlay, k.text)
        XCTAssertFalse(k.state.quitRequested)
        XCTAssertTrue(k.effects.isEmpty, "nothing sent: \(k.effects)")
    }

    func testCtrlCClosesThePaletteAndTheProblemsList() {
        let k = Keys(Fixture.state()).press("2 :")
        guard case .palette? = k.state.overlay else { return XCTFail("the palette opens: \(k.text)") }
        k.press("ctrl-c")
        XCTAssertNil(k.state.overlay)
        XCTAssertFalse(k.state.quitRequested)
        k.press("!")
        guard case .problems? = k.state.overlay else { return XCTFail("the problems list opens: \(k.text)") }
        k.press("ctrl-c")
        XCTAssertNil(k.state.overlay)
        XCTAssertFalse(k.state.quitRequested)
    }

    func testHelpScrollingStopsAtItsLastLineAndSaysWhatClosesIt() {
        let k = Keys(Fixture.state(width: 80, height: 16)).press("2 ?")
        XCTAssertTrue(k.text.contains("↑↓ j k scroll · any other key closes"), k.text)
        for _ in 0..<200 { k.press("down") }
        guard case .help(let end)? = k.state.overlay else { return XCTFail("j, k and arrows keep help open") }
        XCTAssertGreaterThan(end, 0, "16 rows cannot hold the Users help")
        XCTAssertLessThan(end, 60, "stopped at the last line, not 200 rows down")
        k.press("up")
        guard case .help(let back)? = k.state.overlay else { return XCTFail() }
        XCTAssertEqual(back, end - 1, "one Up scrolls back one line at once")
        k.press("x")
        XCTAssertNil(k.state.overlay, "any other key closes")
    }
}
