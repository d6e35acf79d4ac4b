import TerminalUITesting
import XCTest
@testable import TerminalUI

final class ChromeWidgetTests: XCTestCase {
    let theme = Theme.builtinDefault

    func testTabsHighlightTheSelectedOneAndWrap() {
        var buffer = ScreenBuffer(width: 30, height: 1)
        let tabs = TabBar(titles: ["Users", "Preview", "Logs"], selected: 1)
        tabs.render(into: &buffer, area: buffer.bounds, theme: theme)
        ScreenAssert.equal(buffer, " 1 Users   2 Preview   3 Logs")
        XCTAssertTrue(buffer[11, 0].style.attributes.contains(.reverse))
        XCTAssertFalse(buffer[1, 0].style.attributes.contains(.reverse))
        XCTAssertEqual(tabs.selecting(2).selected, 0)
        XCTAssertEqual(tabs.selecting(-2).selected, 2)
        var tight = ScreenBuffer(width: 28, height: 1)
        tabs.render(into: &tight, area: tight.bounds, theme: theme)
        ScreenAssert.equal(tight, " 1 Users  2 Preview  3 Logs")  // gaps go first
        var narrower = ScreenBuffer(width: 25, height: 1)
        tabs.render(into: &narrower, area: narrower.bounds, theme: theme)
        ScreenAssert.equal(narrower, " 1 Use  2 Preview  3 Log")  // then the titles of the tabs not selected
        var narrow = ScreenBuffer(width: 17, height: 1)
        tabs.render(into: &narrow, area: narrow.bounds, theme: theme)
        ScreenAssert.equal(narrow, " 1  2 Preview  3")  // every number stays
    }

    func testStatusLineShowsHintsFromTheKeymapOrAMessage() {
        var buffer = ScreenBuffer(width: 40, height: 1)
        let hints = ["down", "search", "quit"].compactMap { Keymap.standard.binding(for: KeyAction($0)) }
        StatusLine(mode: "USERS", hints: hints).render(into: &buffer, area: buffer.bounds, theme: theme)
        ScreenAssert.equal(buffer, " USERS  down/j down  / search  q/ctrl-c…")
        StatusLine(mode: "USERS", message: ("3 users sent", .success)).render(into: &buffer, area: buffer.bounds, theme: theme)
        ScreenAssert.equal(buffer, " USERS  3 users sent")
        XCTAssertEqual(buffer[9, 0].style.foreground, theme[.success].foreground)
    }

    /// Too narrow for every hint: the pinned last ones (help, quit) stay, the others are dropped
    /// from the right and "…" says where.
    func testPinnedHintsStayWhenTheLineIsTooNarrow() {
        let hints = ["down", "search", "quit"].compactMap { Keymap.standard.binding(for: KeyAction($0)) }
        var buffer = ScreenBuffer(width: 40, height: 1)
        StatusLine(mode: "USERS", hints: hints, pinned: 1).render(into: &buffer, area: buffer.bounds, theme: theme)
        ScreenAssert.equal(buffer, " USERS  down/j down  …  q/ctrl-c quit")
        var wide = ScreenBuffer(width: 60, height: 1)
        StatusLine(mode: "USERS", hints: hints, pinned: 1).render(into: &wide, area: wide.bounds, theme: theme)
        ScreenAssert.equal(wide, " USERS  down/j down  / search  q/ctrl-c quit")  // all fit: nothing dropped
        var narrow = ScreenBuffer(width: 24, height: 1)
        StatusLine(mode: "USERS", hints: hints, pinned: 1).render(into: &narrow, area: narrow.bounds, theme: theme)
        ScreenAssert.equal(narrow, " USERS  q/ctrl-c quit")
    }

    func testConfirmDialogCentredWithButtons() {
        var buffer = ScreenBuffer(width: 30, height: 7)
        let dialog = DialogState(kind: .confirm, title: "Send", message: "Send 3 users to Entra?", buttons: ["Send", "Cancel"])
        DialogView(width: 26).render(dialog, into: &buffer, area: buffer.bounds, theme: theme)
        ScreenAssert.equal(buffer, """

          ┌ Send ──────────────────┐
          │ Send 3 users to Entra? │
          │                        │
          │  [ Send ]  [ Cancel ]  │
          └────────────────────────┘
        """)
        let (moved, none) = dialog.handling(.right)
        XCTAssertNil(none)
        XCTAssertEqual(moved.handling(.enter).1, .button(1))
        XCTAssertEqual(dialog.handling(.escape).1, .cancelled)
    }

    func testPromptDialogEditsAndSubmits() {
        var dialog = DialogState(kind: .prompt(masked: true), title: "Secret", message: "Client secret:")
        for key in [Key.character("a"), .character("b"), .backspace, .character("c")] { dialog = dialog.handling(key).0 }
        XCTAssertEqual(dialog.handling(.enter).1, .submitted("ac"))
        var buffer = ScreenBuffer(width: 30, height: 8)
        let cursor = DialogView(width: 24).render(dialog, into: &buffer, area: buffer.bounds, theme: theme)
        XCTAssertTrue(buffer.plainText.contains("••"))
        XCTAssertFalse(buffer.plainText.contains("ac"))
        XCTAssertNotNil(cursor)
    }

    func testErrorDialogWrapsLongMessages() {
        var buffer = ScreenBuffer(width: 24, height: 8)
        let dialog = DialogState(kind: .error, title: "Error", message: "The token request failed: invalid_client")
        DialogView(width: 24).render(dialog, into: &buffer, area: buffer.bounds, theme: theme)
        ScreenAssert.equal(buffer, """
        ┌ Error ───────────────┐
        │ The token request    │
        │ failed:              │
        │ invalid_client       │
        │                      │
        │        [ OK ]        │
        └──────────────────────┘
        """)
        XCTAssertEqual(buffer[0, 0].style.foreground, theme[.error].foreground)
    }

    func testHelpOverlayIsGeneratedFromTheKeymap() throws {
        let map = try Keymap.standard.overriding(["quit": ["ctrl-q"]])
        let lines = HelpOverlay(keymap: map).lines().map(\.text)
        XCTAssertTrue(lines.contains { $0.contains("ctrl-q") && $0.contains("Quit") })
        XCTAssertFalse(lines.contains { $0.contains("q/ctrl-c") })
        XCTAssertTrue(lines.contains { $0.hasPrefix("  down/j") && $0.contains("Move down") })
        XCTAssertEqual(lines.first, "Navigation")
        var buffer = ScreenBuffer(width: 60, height: 30)
        HelpOverlay(keymap: map).render(into: &buffer, area: buffer.bounds, theme: theme)
        XCTAssertTrue(buffer.plainText.contains("┌ Keys"))
        XCTAssertTrue(buffer.plainText.contains("│   pgdn/ctrl-f  Scroll one page down"), buffer.plainText)
    }

    func testProgressBarAndSpinner() {
        var buffer = ScreenBuffer(width: 20, height: 2)
        ProgressBar(completed: 2, total: 5).render(into: &buffer, area: Rect(x: 0, y: 0, width: 20, height: 1), theme: theme)
        Spinner(frame: 11).render(label: "sending", into: &buffer, at: Point(x: 0, y: 1), width: 20, theme: theme)
        ScreenAssert.equal(buffer, """
        [█████░░░░░░░░]  40%
        ⠙ sending
        """)
        XCTAssertEqual(ProgressBar(completed: 0, total: 0).fraction, 1)
        var ascii = ScreenBuffer(width: 12, height: 1, glyphs: .ascii)
        ProgressBar(completed: 1, total: 1).render(into: &ascii, area: ascii.bounds, theme: theme)
        ScreenAssert.equal(ascii, "[#####] 100%")
        XCTAssertEqual(Spinner(frame: 5).glyph(.ascii), "/")
    }
}

/// The tab bar shrinks on a narrow terminal without two tabs ever reading the same.
final class TabBarShrinkTests: XCTestCase {
    private func row(_ titles: [String], width: Int, selected: Int = 0) -> String {
        var buffer = ScreenBuffer(size: Size(width: width, height: 1))
        TabBar(titles: titles, selected: selected).render(into: &buffer, area: buffer.bounds, theme: .builtinDefault)
        return buffer.lines()[0].trimmingCharacters(in: .whitespaces)
    }

    func testShortenedTitlesStayDistinct() {
        let titles = ["Connect", "Users", "User", "Preview", "Activity", "Logs"]
        XCTAssertEqual(TabBar.distinctPrefixLengths(titles), [5], "at 4 and below Users and User read the same")
        let narrow = row(titles, width: 52)
        XCTAssertFalse(narrow.contains(" Use  3 Use "), narrow)
        XCTAssertTrue(narrow.hasPrefix("1 Connect "), "the selected tab keeps its name: \(narrow)")
        let scimterm = ["Connect", "Users", "Edit", "Preview", "Activity", "Logs"]
        XCTAssertEqual(TabBar.distinctPrefixLengths(scimterm), [5, 4, 3, 2, 1])
        XCTAssertEqual(row(scimterm, width: 40, selected: 1), "1 Co  2 Users  3 Ed  4 Pr  5 Ac  6 Lo")
    }
}
