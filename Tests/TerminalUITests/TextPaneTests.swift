import TerminalUITesting
import XCTest
@testable import TerminalUI

final class TextPaneTests: XCTestCase {
    let theme = Theme.builtinDefault
    let json = """
    {
      "userName": "ada@example.com",
      "active": true,
      "age": 36,
      "name": "Ada \\"the first\\" Lovelace, Countess of Lovelace"
    }
    """

    func testLineNumbersAndHorizontalClip() {
        var buffer = ScreenBuffer(width: 24, height: 4)
        let state = TextPaneState(text: json, lineNumbers: true)
        TextPaneView(highlighter: .json).render(state, into: &buffer, area: buffer.bounds, theme: theme)
        ScreenAssert.equal(buffer, """
        1 {
        2   "userName": "ada@exa
        3   "active": true,
        4   "age": 36,
        """)
    }

    func testWrapKeepsLineNumbersOnTheFirstRowOnly() {
        var buffer = ScreenBuffer(width: 20, height: 5)
        let state = TextPaneState(text: "short\nthis line is longer than the pane", wrap: true, lineNumbers: true)
        TextPaneView().render(state, into: &buffer, area: buffer.bounds, theme: theme)
        ScreenAssert.equal(buffer, """
        1 short
        2 this line is longe
          r than the pane
        """)
    }

    func testJSONColoursKeysStringsAndLiterals() {
        var buffer = ScreenBuffer(width: 40, height: 6)
        TextPaneView(highlighter: .json).render(TextPaneState(text: json), into: &buffer, area: buffer.bounds, theme: theme)
        XCTAssertEqual(buffer[3, 1].style.foreground, theme[.jsonKey].foreground, "\"userName\" is a key")
        XCTAssertEqual(buffer[16, 1].style.foreground, theme[.jsonString].foreground)
        XCTAssertEqual(buffer[12, 2].style.foreground, theme[.jsonLiteral].foreground, "true")
        XCTAssertEqual(buffer[9, 3].style.foreground, theme[.jsonNumber].foreground, "36")
    }

    func testHTTPColoursMethodStatusAndHeaders() {
        let text = "POST /scim/bulkUpload HTTP/1.1\nContent-Type: application/scim+json\n\nHTTP/1.1 429 Too Many Requests"
        var buffer = ScreenBuffer(width: 40, height: 4)
        TextPaneView(highlighter: .http).render(TextPaneState(text: text), into: &buffer, area: buffer.bounds, theme: theme)
        XCTAssertEqual(buffer[0, 0].style, theme[.text].patched(with: theme[.httpMethod]))
        XCTAssertEqual(buffer[0, 1].style.foreground, theme[.httpHeader].foreground)
        XCTAssertEqual(buffer[0, 3].style.foreground, theme[.httpStatusError].foreground)
    }

    func testSearchHighlightsAndNMovesBetweenMatches() {
        let lines = (1...30).map { $0 % 10 == 0 ? "match \($0)" : "line \($0)" }.joined(separator: "\n")
        var state = TextPaneState(text: lines).searching("MATCH", viewport: 5)
        XCTAssertEqual(state.matches.map(\.line), [9, 19, 29])
        XCTAssertEqual(state.currentMatch, 0)
        XCTAssertTrue((state.top...state.top + 4).contains(9))
        var buffer = ScreenBuffer(width: 12, height: 5)
        TextPaneView().render(state, into: &buffer, area: buffer.bounds, theme: theme)
        let row = buffer.lines().firstIndex(of: "match 10") ?? -1
        XCTAssertGreaterThanOrEqual(row, 0)
        XCTAssertEqual(buffer[0, row].style.background, theme[.searchMatch].background)
        XCTAssertNotEqual(buffer[6, row].style.background, theme[.searchMatch].background)
        state = state.handling("nextMatch", viewport: 5)!
        XCTAssertEqual(state.currentMatch, 1)
        XCTAssertTrue((state.top...state.top + 4).contains(19))
        state = state.nextMatch(viewport: 5).nextMatch(viewport: 5)
        XCTAssertEqual(state.currentMatch, 0, "wraps to the first")
        state = state.handling("previousMatch", viewport: 5)!
        XCTAssertEqual(state.currentMatch, 2, "N wraps to the last")
    }

    func testScrollingIsClamped() {
        var state = TextPaneState(text: (1...10).map(String.init).joined(separator: "\n"))
        state = state.handling("bottom", viewport: 4)!
        XCTAssertEqual(state.top, 6)
        state = state.handling("down", viewport: 4)!
        XCTAssertEqual(state.top, 6)
        state = state.handling("top", viewport: 4)!
        XCTAssertEqual(state.top, 0)
    }

    func testControlCharactersInDataAreShownNotSent() {
        var buffer = ScreenBuffer(width: 30, height: 2)
        let state = TextPaneState(text: "evil\u{1B}]0;pwned\u{07}\ttab\r\nnext")
        TextPaneView().render(state, into: &buffer, area: buffer.bounds, theme: theme)
        ScreenAssert.equal(buffer, """
        evil␛]0;pwned␇  tab
        next
        """)
    }

    func testCJKAndEmojiLinesWrapWithoutSplitting() {
        var buffer = ScreenBuffer(width: 7, height: 3)
        let state = TextPaneState(text: "漢字😀漢字", wrap: true)
        TextPaneView().render(state, into: &buffer, area: buffer.bounds, theme: theme)
        ScreenAssert.equal(buffer, """
        漢字😀
        漢字
        """)
    }
}
