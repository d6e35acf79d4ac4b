import TerminalUI
import XCTest

/// Typed bindings: the first binding wins a key, a disabled one says why in the hint bar (dimmed)
/// and in help, and every list movement means something to the list or the pane.
final class ActionBindingTests: XCTestCase {
    private enum Demo: Hashable, Sendable { case move(ListMove), save, quit }

    private let keymap = ActionKeymap<Demo, Bool>([
        ActionBinding(.save, keys: [.ctrl("s")], label: "save", help: "Save the file") { dirty in dirty ? nil : "nothing to save" },
        ActionBinding(.quit, keys: [.character("q"), .ctrl("s")], label: "quit", help: "Quit"),
    ])

    func testTheFirstBindingWinsAKeyAndActionsAreFoundByValue() {
        XCTAssertEqual(keymap.binding(for: .ctrl("s"))?.action, .save)
        XCTAssertEqual(keymap.binding(for: .character("q"))?.action, .quit)
        XCTAssertNil(keymap.binding(for: .character("x")))
        XCTAssertEqual(keymap.binding(for: .quit)?.keyText, "q/ctrl-s")
        XCTAssertNil(keymap.binding(for: .move(.up)))
    }

    func testTheDisabledReasonIsEvaluatedInTheContext() {
        guard let save = keymap.binding(for: .save) else { return XCTFail("no save binding") }
        XCTAssertNil(save.disabledReason(true))
        XCTAssertEqual(save.disabledReason(false), "nothing to save")
        XCTAssertEqual(save.display(named: "save", in: false).disabledReason, "nothing to save")
        XCTAssertNil(save.display(named: "save", in: true).disabledReason)
    }

    func testADisabledHintIsDimmedAndAnEnabledOneIsNot() {
        let theme = Theme.builtinDefault
        let hints = keymap.bindings.map { $0.display(named: "\($0.action)", in: false) }
        var buffer = ScreenBuffer(width: 40, height: 1)
        StatusLine(mode: "EDIT", hints: hints).render(into: &buffer, area: buffer.bounds, theme: theme)
        let line = buffer.lines()[0]
        let save = try? XCTUnwrap(line.range(of: "ctrl-s save"))
        let quit = try? XCTUnwrap(line.range(of: "q/ctrl-s quit"))
        guard let save, let quit else { return XCTFail(line) }
        let saveX = line.distance(from: line.startIndex, to: save.lowerBound)
        let quitX = line.distance(from: line.startIndex, to: quit.lowerBound)
        XCTAssertTrue(buffer[saveX, 0].style.attributes.contains(.dim), line)
        XCTAssertFalse(buffer[quitX, 0].style.attributes.contains(.dim), line)
    }

    func testHelpShowsTheReasonUnderTheDisabledBinding() {
        let shown = Keymap(keymap.bindings.map { $0.display(named: "\($0.action)", in: false) })
        let lines = HelpOverlay(keymap: shown).lines().map(\.text)
        guard let save = lines.firstIndex(where: { $0.contains("Save the file") }) else { return XCTFail("\(lines)") }
        XCTAssertEqual(lines[save + 1].trimmingCharacters(in: .whitespaces), "(now: nothing to save)")
        XCTAssertFalse(lines.contains { $0.contains("now:") && !$0.contains("nothing to save") })
    }

    func testEveryMoveHasStandardKeysAndMovesThePane() {
        let text = (0..<100).map { "line \($0) " + String(repeating: "x", count: 200) + " needle" }.joined(separator: "\n")
        let pane = TextPaneState(text: text).searching("needle", viewport: 10).scrolled(lines: 50, columns: 8, viewport: 10)
        for move in ListMove.allCases {
            XCTAssertNotNil(move.standardBinding, "\(move) has keys")
            if let key = move.standardBinding?.keys.first { XCTAssertEqual(ListMove(key: key), move) }
            let moved = pane.handling(move, viewport: 10)
            XCTAssertNotNil(moved, "\(move)")
            XCTAssertNotEqual(moved, pane, "\(move) moves the pane")
        }
        XCTAssertNil(ListMove(key: .character("q")), "quit is no movement")
    }

    func testEveryRowMoveMovesAListFromItsMiddle() {
        let list = ListState().moved(by: 50, total: 100, viewport: 10)
        for move in ListMove.rows {
            XCTAssertNotEqual(list.handling(move, total: 100, viewport: 10), list, "\(move)")
        }
        XCTAssertNil(list.handling(.nextMatch, total: 100, viewport: 10), "a list has no matches")
    }
}
