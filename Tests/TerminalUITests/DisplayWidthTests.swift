import XCTest
@testable import TerminalUI

final class DisplayWidthTests: XCTestCase {
    func testASCIIIsOneColumnEach() {
        XCTAssertEqual("hello".displayWidth, 5)
        XCTAssertEqual(DisplayWidth.of(Character(" ")), 1)
    }

    func testAccentedLatinPrecomposedAndCombiningAreOneColumn() {
        XCTAssertEqual("é".displayWidth, 1)             // U+00E9
        XCTAssertEqual("e\u{301}".displayWidth, 1)      // e + COMBINING ACUTE
        XCTAssertEqual("Zoë Ångström".displayWidth, 12)
    }

    func testCJKIsTwoColumns() {
        XCTAssertEqual("漢字".displayWidth, 4)
        XCTAssertEqual("한국어".displayWidth, 6)
        XCTAssertEqual("ｱ".displayWidth, 1)             // half-width katakana stays narrow
        XCTAssertEqual("Ａ".displayWidth, 2)            // fullwidth A
    }

    func testEmojiAreTwoColumnsIncludingSequences() {
        XCTAssertEqual("😀".displayWidth, 2)
        XCTAssertEqual("👍🏽".displayWidth, 2)          // with skin tone modifier
        XCTAssertEqual("👩‍💻".displayWidth, 2)          // ZWJ sequence
        XCTAssertEqual("🇫🇷".displayWidth, 2)          // flag
        XCTAssertEqual("❤️".displayWidth, 2)           // text heart + VS16
        XCTAssertEqual("❤".displayWidth, 1)            // text heart alone
    }

    func testControlAndZeroWidthCharacters() {
        XCTAssertEqual(DisplayWidth.of(Character("\u{1B}")), 0)
        XCTAssertEqual(DisplayWidth.scalarWidth("\u{200B}"), 0)
        XCTAssertEqual(DisplayWidth.scalarWidth("\u{301}"), 0)
        XCTAssertEqual(DisplayWidth.scalarWidth("\u{AD}"), 1)
    }

    func testCountIsNotColumns() {
        let text = "名前: 😀"
        XCTAssertEqual(text.count, 5)
        XCTAssertEqual(text.displayWidth, 8)
    }
}
