import XCTest
@testable import TerminalUI

final class SanitizerTests: XCTestCase {
    func testPlainTextIsUntouched() {
        XCTAssertEqual(Sanitizer.clean("Ada Lovelace <ada@example.com>"), "Ada Lovelace <ada@example.com>")
        XCTAssertEqual(Sanitizer.clean("漢字 😀 é"), "漢字 😀 é")
        XCTAssertEqual(Sanitizer.clean("👩‍💻"), "👩‍💻")
    }

    func testEscapeSequenceBecomesVisible() {
        XCTAssertEqual(Sanitizer.clean("\u{1B}[31mred\u{1B}[0m"), "␛[31mred␛[0m")
    }

    func testBellCarriageReturnNulAndDelete() {
        XCTAssertEqual(Sanitizer.clean("a\u{07}b\rc\u{0}d\u{7F}"), "a␇b␍c␀d␡")
        XCTAssertEqual(Sanitizer.clean("line\nnext\ttab"), "line␊next␉tab")
    }

    func testC1ControlsAndBidiOverridesShowCodePoints() {
        XCTAssertEqual(Sanitizer.clean("\u{9B}2J"), "⟨U+009B⟩2J")
        XCTAssertEqual(Sanitizer.clean("user\u{202E}gpj.exe"), "user⟨U+202E⟩gpj.exe")
        XCTAssertEqual(Sanitizer.clean("\u{2066}x\u{2069}"), "⟨U+2066⟩x⟨U+2069⟩")
        XCTAssertEqual(Sanitizer.clean("a\u{200B}b\u{FEFF}"), "a⟨U+200B⟩b⟨U+FEFF⟩")
    }

    func testLeadingCombiningMarkGetsADottedCircle() {
        XCTAssertEqual(Sanitizer.clean("\u{301}x"), "\u{25CC}\u{301}x")
    }

    func testNothingBelowSpaceSurvives() {
        let all = String(String.UnicodeScalarView((0..<0x20).compactMap { Unicode.Scalar($0) }))
        let clean = Sanitizer.clean(all)
        XCTAssertFalse(clean.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) })
        XCTAssertEqual(clean.displayWidth, 32)
    }
}
