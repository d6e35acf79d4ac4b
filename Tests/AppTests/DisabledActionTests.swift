import App
import AppTesting
import Foundation
import Provisioning
import TerminalUI
import TerminalUITesting
import XCTest

/// A disabled action says why, everywhere it is offered: dimmed in the hint bar, its reason in the
/// status line when pressed, in help and in the palette; and the palette offers what help lists.
final class DisabledActionTests: XCTestCase {
    private func frame(_ k: Keys) -> ScreenBuffer {
        var frame = ScreenBuffer(width: k.state.size.width, height: k.state.size.height)
        TUI.render(k.state, into: &frame)
        return frame
    }

    /// The attributes of the hint bar's cells that spell `text`.
    private func hintIsDim(_ text: String, in frame: ScreenBuffer) -> Bool? {
        let y = frame.size.height - 1
        let line = frame.lines()[y]
        guard let range = line.range(of: text) else { return nil }
        let x = line.distance(from: line.startIndex, to: range.lowerBound)
        return (x..<(x + text.count)).allSatisfy { frame[$0, y].style.attributes.contains(.dim) }
    }

    func testHARExportWithNothingRecordedSaysSoInTheStatusLineHintsAndHelp() {
        let k = Keys(Fixture.state()).press("5")
        XCTAssertEqual(hintIsDim("h HAR", in: frame(k)), true, k.screen().last ?? "")
        XCTAssertEqual(hintIsDim("/ search", in: frame(k)), false, "an enabled hint is not dimmed")
        k.press("h")
        XCTAssertNil(k.state.overlay, "nothing to export: no dialog")
        XCTAssertEqual(k.state.message?.text, "nothing recorded yet")
        XCTAssertTrue((k.screen().last ?? "").contains("nothing recorded yet"), k.text)
        k.press("?")
        XCTAssertTrue(k.text.contains("(now: nothing recorded yet)"), k.text)

        k.press("q")
        k.send(.exchangeRecorded(ActivityTests.exchange(1)))
        XCTAssertEqual(hintIsDim("h HAR", in: frame(k)), false, "something recorded: HAR is offered")
        k.press("h")
        guard case .dialog(_, .exportHAR)? = k.state.overlay else { return XCTFail("\(String(describing: k.state.overlay))") }
    }

    func testSendWhileASendRunsSaysHowToCancelIt() {
        let k = Keys(Fixture.state())
        k.state.send = SendProgress(title: "test", documents: [SendDocument(bytes: [], recordIDs: [], externalIds: [])],
                                    startedAt: Date(timeIntervalSince1970: 1_800_000_000))
        XCTAssertEqual(hintIsDim("f5/alt-s send", in: frame(k)), true, k.screen().last ?? "")
        k.press("f5")
        XCTAssertNil(k.state.overlay)
        XCTAssertEqual(k.state.message?.text, "a send is running (Activity, 5, shows it; x or Esc there cancels)")
        XCTAssertEqual(k.state.message?.level, .warning)
    }

    func testSendWithNoUsersAndUndoWithNothingToUndoSayWhy() {
        let k = Keys(Fixture.state(height: 80, records: []))
        k.press("u")
        XCTAssertEqual(k.state.message?.text, "nothing to undo")
        k.press("f5")
        XCTAssertEqual(k.state.message?.text, "no users to send")
        k.press("?")
        XCTAssertTrue(k.text.contains("(now: no users to send)"), k.text)
        XCTAssertTrue(k.text.contains("(now: nothing to undo)"), k.text)
    }

    func testLogsActionsWithoutAConnectionSayWhatIsMissing() {
        let k = Keys(Fixture.state()).press("6")
        k.press("S")
        XCTAssertNil(k.state.overlay, "no confirmation for a job that cannot be reached")
        XCTAssertEqual(k.state.message?.text, "cannot start the job: Fill in the client secret. (Connect, 1)")
        k.press("r")
        XCTAssertEqual(k.state.message?.text, "cannot read the provisioning logs: Fill in the client secret. (Connect, 1)")
        XCTAssertTrue(k.effects.allSatisfy { if case .fetchLogs = $0 { return false } else { return true } })
    }

    func testThePaletteShowsADisabledActionsReasonAndRunningItSaysIt() {
        let k = Keys(Fixture.state()).press("5 :").type("HAR")
        XCTAssertTrue(k.text.contains("HAR: nothing recorded yet"), k.text)
        k.press("enter")
        XCTAssertNil(k.state.overlay)
        XCTAssertEqual(k.state.message?.text, "nothing recorded yet")
    }

    func testThePaletteListsTheSameActionsAsHelpOnEveryScreen() {
        let keymaps = AppKeymap.standard
        let palette = PaletteState.entries(keymaps)
        for screen in Screen.allCases {
            let help = keymaps.combined(for: screen).bindings.map(\.action)
            let offered = palette.filter { $0.screen == screen || $0.screen == nil }.map(\.binding.action)
            XCTAssertEqual(Set(offered), Set(help), "\(screen.title)")
            XCTAssertEqual(offered.count, help.count, "\(screen.title): each action once")
        }
    }

    func testHelpListsEveryBindingOfTheScreen() {
        for screen in Screen.allCases {
            let k = Keys(Fixture.state(width: 160, height: 120))
            k.state.screen = screen
            k.press("f1")
            let text = k.text
            for binding in AppKeymap.standard.combined(for: screen).bindings {
                XCTAssertTrue(text.contains(binding.help), "\(screen.title): \(binding.help) missing")
            }
        }
    }
}
