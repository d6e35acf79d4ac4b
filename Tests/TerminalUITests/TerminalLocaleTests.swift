@testable import TerminalUI
import XCTest

/// Under LANG=C the screen switches to a UTF-8 locale the system has, or draws placeholders that
/// keep columns aligned; it never drops a character.
final class TerminalLocaleTests: XCTestCase {
    func testAUTF8LocaleIsKept() {
        var tried: [String] = []
        XCTAssertEqual(TerminalLocale.decide(codesetIsUTF8: true, term: "xterm-256color") { tried.append($0); return true }, .utf8)
        XCTAssertEqual(tried, [], "nothing switched")
    }

    func testLangCOnAModernTerminalSwitchesToTheFirstUTF8LocaleTheSystemHas() {
        var tried: [String] = []
        let outcome = TerminalLocale.decide(codesetIsUTF8: false, term: "tmux-256color") { name in
            tried.append(name)
            return name == "C.utf8"
        }
        XCTAssertEqual(outcome, .switched(to: "C.utf8"))
        XCTAssertEqual(tried, ["C.UTF-8", "C.utf8"])
    }

    func testNoUTF8LocaleOrALegacyTerminalGetsPlaceholders() {
        XCTAssertEqual(TerminalLocale.decide(codesetIsUTF8: false, term: "xterm") { _ in false }, .placeholders)
        for term in ["vt100", "vt220", "dumb", ""] {
            XCTAssertEqual(TerminalLocale.decide(codesetIsUTF8: false, term: term) { _ in true }, .placeholders, term)
        }
    }

    func testPlaceholdersKeepTheWidthAndNeverPassForAnotherLetter() {
        XCTAssertEqual(ASCIIFallback.text("Z", width: 1), "Z")
        XCTAssertEqual(ASCIIFallback.text("ë", width: 1), "?", "not e: that would be another name")
        XCTAssertEqual(ASCIIFallback.text("Å", width: 1), "?")
        XCTAssertEqual(ASCIIFallback.text("美", width: 2), "??", "a wide character keeps both columns")
        XCTAssertEqual(ASCIIFallback.text("e\u{301}", width: 1), "?", "a combining sequence is one cell")
    }

    func testTheToolkitsOwnMarksBecomeTheirASCIILookAlikes() {
        XCTAssertEqual(ASCIIFallback.text("·", width: 1), ".")
        XCTAssertEqual(ASCIIFallback.text("─", width: 1), "-")
        XCTAssertEqual(ASCIIFallback.text("│", width: 1), "|")
        XCTAssertEqual(ASCIIFallback.text("●", width: 1), "*")
        XCTAssertEqual(ASCIIFallback.text("⚠", width: 1), "!")
    }
}
