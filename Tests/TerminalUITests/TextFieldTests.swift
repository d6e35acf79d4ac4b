import TerminalUITesting
import XCTest
@testable import TerminalUI

final class TextFieldTests: XCTestCase {
    let theme = Theme.builtinDefault

    func testInsertDeleteAndCursorByCharacters() {
        var field = TextFieldState("héllo")
        XCTAssertEqual(field.cursor, 5)
        field = field.handling(.left)!.handling(.left)!.handling(.backspace)!
        XCTAssertEqual(field.text, "hélo")
        field = field.handling(.character("漢"))!
        XCTAssertEqual(field.text, "hé漢lo")
        field = field.handling(.home)!.handling(.delete)!
        XCTAssertEqual(field.text, "é漢lo")
        XCTAssertEqual(field.cursor, 0)
        XCTAssertNil(field.handling(.enter), "Enter is left to the form")
    }

    func testWordMovesAndKills() {
        var field = TextFieldState("first.last@example.com is here")
        field = field.handling(.alt("b"))!
        XCTAssertEqual(field.cursor, 26)
        field = field.handling(.ctrl("w"))!
        XCTAssertEqual(field.text, "first.last@example.com here")
        field = field.handling(.home)!.handling(.alt("f"))!
        XCTAssertEqual(field.cursor, 5)
        field = field.handling(.ctrl("k"))!
        XCTAssertEqual(field.text, "first")
        field = field.handling(.ctrl("u"))!
        XCTAssertEqual(field.text, "")
    }

    func testPasteOfLongMultilineTextBecomesOneLine() {
        let long = String(repeating: "abc\n", count: 500)
        let field = TextFieldState().handling(.paste(long + "\u{1B}x"))!
        XCTAssertEqual(field.characters.count, 2001)
        XCTAssertFalse(field.text.contains("\n"))
        XCTAssertFalse(field.text.unicodeScalars.contains { $0.value == 0x1B })
    }

    func testLongTextScrollsToKeepTheCursorVisible() {
        var buffer = ScreenBuffer(width: 10, height: 1)
        let field = TextFieldState("abcdefghijklmnop")
        let cursor = TextFieldView().render(field, into: &buffer, area: buffer.bounds, theme: theme)
        ScreenAssert.equal(buffer, "hijklmnop")
        XCTAssertEqual(cursor, Point(x: 9, y: 0))
        let home = TextFieldView().render(field.moving(to: 0), into: &buffer, area: buffer.bounds, theme: theme)
        XCTAssertEqual(home, Point(x: 0, y: 0))
    }

    func testScrollAccountsForWideCharacters() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        let cursor = TextFieldView().render(TextFieldState("漢字漢字"), into: &buffer, area: buffer.bounds, theme: theme)
        // The cursor cell after the text needs a column, so only the last two characters fit.
        ScreenAssert.equal(buffer, "漢字")
        XCTAssertEqual(cursor, Point(x: 4, y: 0))
    }

    func testMaskingHidesSecretsButKeepsLength() {
        var buffer = ScreenBuffer(width: 12, height: 1)
        TextFieldView(masked: true).render(TextFieldState("s3cr€t"), into: &buffer, area: buffer.bounds, theme: theme)
        ScreenAssert.equal(buffer, "••••••")
        XCTAssertFalse(buffer.plainText.contains("s3"))
        var ascii = ScreenBuffer(width: 12, height: 1, glyphs: .ascii)
        TextFieldView(masked: true).render(TextFieldState("abc"), into: &ascii, area: ascii.bounds, theme: theme)
        ScreenAssert.equal(ascii, "***")
    }

    func testPlaceholderAndUnfocusedHasNoCursor() {
        var buffer = ScreenBuffer(width: 12, height: 1)
        let cursor = TextFieldView(focused: false, placeholder: "tenant id").render(TextFieldState(), into: &buffer, area: buffer.bounds, theme: theme)
        ScreenAssert.equal(buffer, "tenant id")
        XCTAssertNil(cursor)
        XCTAssertTrue(buffer[0, 0].style.attributes.contains(.dim))
    }
}
