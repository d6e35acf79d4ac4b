import TerminalUITesting
import XCTest
@testable import TerminalUI

final class ScreenBufferTests: XCTestCase {
    func testTextIsClippedWithEllipsisAtTheEdge() {
        var buffer = ScreenBuffer(width: 10, height: 2)
        buffer.draw("Hello, wide world", x: 0, y: 0)
        buffer.draw("Fits fine", x: 0, y: 1)
        ScreenAssert.equal(buffer, """
        Hello, wi…
        Fits fine
        """)
    }

    func testClipWithoutEllipsis() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        buffer.draw("abcdefgh", x: 0, y: 0, truncation: .clip)
        ScreenAssert.equal(buffer, "abcdef")
    }

    func testCJKAndEmojiRowsAlignByColumns() {
        var buffer = ScreenBuffer(width: 12, height: 3)
        buffer.draw("漢字テスト|", x: 0, y: 0)
        buffer.draw("😀😀😀😀😀|", x: 0, y: 1)
        buffer.draw("abcdefghij|", x: 0, y: 2)
        ScreenAssert.equal(buffer, """
        漢字テスト|
        😀😀😀😀😀|
        abcdefghij|
        """)
        XCTAssertEqual(buffer[1, 0].width, 0, "the right half of 漢 is a continuation cell")
        XCTAssertEqual(buffer[10, 1].grapheme, "|")
    }

    func testWideCharacterNeverSplitsAtTheRightEdge() {
        var buffer = ScreenBuffer(width: 5, height: 2)
        buffer.draw("ab漢字", x: 0, y: 0, truncation: .clip)
        buffer.draw("ab漢字", x: 0, y: 1)
        ScreenAssert.equal(buffer, """
        ab漢
        ab漢…
        """)
        XCTAssertEqual(buffer[4, 0].grapheme, " ", "no half of 字 at the last column")
        var narrow = ScreenBuffer(width: 5, height: 1)
        narrow.draw("abcd漢", x: 0, y: 0, truncation: .clip)
        XCTAssertEqual(narrow.lines(), ["abcd"])
        XCTAssertEqual(narrow[4, 0].grapheme, " ")
        XCTAssertEqual(narrow[4, 0].width, 1)
    }

    func testOverwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        buffer.draw("漢字", x: 0, y: 0)
        buffer.put("x", x: 1, y: 0, style: .plain) // right half of 漢
        XCTAssertEqual(buffer.lines(), [" x字"])
        buffer.put("y", x: 2, y: 0, style: .plain) // left half of 字
        XCTAssertEqual(buffer.lines(), [" xy"])
        XCTAssertFalse(buffer.row(0).contains { $0.isContinuation })
    }

    func testSanitisedEscapesAreDrawnAsPlaceholders() {
        var buffer = ScreenBuffer(width: 20, height: 1)
        buffer.draw("name\u{1B}[2J\u{07}!", x: 0, y: 0)
        ScreenAssert.equal(buffer, "name␛[2J␇!")
        XCTAssertFalse(buffer.plainText.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }

    func testBoxWithTitleUnicodeAndASCII() {
        var buffer = ScreenBuffer(width: 12, height: 4)
        let inner = buffer.box(buffer.bounds, title: "Users")
        XCTAssertEqual(inner, Rect(x: 1, y: 1, width: 10, height: 2))
        buffer.draw("inside", x: inner.x, y: inner.y)
        ScreenAssert.equal(buffer, """
        ┌ Users ───┐
        │inside    │
        │          │
        └──────────┘
        """)
        var ascii = ScreenBuffer(width: 8, height: 3, glyphs: .ascii)
        ascii.box(ascii.bounds)
        ascii.draw("long text", x: 1, y: 1, width: 6)
        ScreenAssert.equal(ascii, """
        +------+
        |long ~|
        +------+
        """)
    }

    func testFillAndSpansKeepStyles() {
        let red = Style(foreground: .ansi(1))
        let bold = Style(attributes: .bold)
        var buffer = ScreenBuffer(width: 8, height: 2)
        buffer.fill(Rect(x: 0, y: 1, width: 8, height: 1), with: "-", style: bold)
        buffer.drawSpans([Span("ab", style: red), Span("cd", style: bold)], x: 1, y: 0)
        ScreenAssert.equal(buffer, """
         abcd
        --------
        """)
        XCTAssertEqual(buffer[1, 0].style, red)
        XCTAssertEqual(buffer[3, 0].style, bold)
        XCTAssertEqual(buffer[7, 1].style, bold)
    }

    func testDrawingOutsideTheGridIsIgnored() {
        var buffer = ScreenBuffer(width: 3, height: 1)
        buffer.draw("abc", x: 0, y: 5)
        buffer.draw("xyz", x: 7, y: 0)
        buffer.fill(Rect(x: -5, y: -5, width: 2, height: 2), with: "#")
        XCTAssertEqual(buffer.lines(), [""])
    }

    func testResizeKeepsTopLeftAndDropsCutWideCharacters() {
        var buffer = ScreenBuffer(width: 6, height: 2)
        buffer.draw("ab漢", x: 0, y: 0)
        buffer.draw("row2", x: 0, y: 1)
        buffer.resize(to: Size(width: 3, height: 1))
        XCTAssertEqual(buffer.lines(), ["ab"])
        XCTAssertEqual(buffer.size, Size(width: 3, height: 1))
    }

    func testWordWrapByColumns() {
        XCTAssertEqual(TextWrap.wrap("the quick brown fox", width: 10), ["the quick", "brown fox"])
        XCTAssertEqual(TextWrap.wrap("漢字漢字漢字", width: 5), ["漢字", "漢字", "漢字"])
        XCTAssertEqual(TextWrap.wrap("abcdefghij", width: 4), ["abcd", "efgh", "ij"])
    }
}
