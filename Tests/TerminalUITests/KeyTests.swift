import XCTest
@testable import TerminalUI
import CNcurses

final class KeyTests: XCTestCase {
    func testParsesModifiersNamedKeysAndLetters() throws {
        XCTAssertEqual(try Key(parsing: "ctrl-s"), .ctrl("s"))
        XCTAssertEqual(try Key(parsing: "C-S"), .ctrl("s"))
        XCTAssertEqual(try Key(parsing: "alt-x"), .alt("x"))
        XCTAssertEqual(try Key(parsing: "M-x"), .alt("x"))
        XCTAssertEqual(try Key(parsing: "j"), .character("j"))
        XCTAssertEqual(try Key(parsing: "G"), .character("G"))
        XCTAssertEqual(try Key(parsing: "shift-g"), .character("G"))
        XCTAssertEqual(try Key(parsing: "pgdn"), .pageDown)
        XCTAssertEqual(try Key(parsing: "PageUp"), .pageUp)
        XCTAssertEqual(try Key(parsing: "shift-tab"), .backTab)
        XCTAssertEqual(try Key(parsing: "space"), .character(" "))
        XCTAssertEqual(try Key(parsing: "esc"), .escape)
        XCTAssertEqual(try Key(parsing: "f12"), .function(12))
        XCTAssertEqual(try Key(parsing: "é"), .character("é"))
        XCTAssertEqual(try Key(parsing: " enter "), .enter)
    }

    func testCtrlAliasesOfTerminalKeys() throws {
        XCTAssertEqual(try Key(parsing: "ctrl-i"), .tab)
        XCTAssertEqual(try Key(parsing: "ctrl-m"), .enter)
        XCTAssertEqual(try Key(parsing: "ctrl-h"), .backspace)
    }

    func testRejectsNonsenseWithAReason() {
        XCTAssertThrowsError(try Key(parsing: "")) { XCTAssertEqual(($0 as? KeyParseError)?.reason, "empty") }
        XCTAssertThrowsError(try Key(parsing: "ctrl-1")) {
            XCTAssertEqual(($0 as? KeyParseError)?.description, "invalid key \"ctrl-1\": ctrl goes with a letter a–z")
        }
        XCTAssertThrowsError(try Key(parsing: "hyper-x"))
        XCTAssertThrowsError(try Key(parsing: "f13"))
        XCTAssertThrowsError(try Key(parsing: "pgdown2"))
    }

    func testDescriptionRoundTrips() throws {
        let keys: [Key] = [.ctrl("s"), .alt("x"), .character("j"), .character(" "), .pageDown, .backTab, .function(5), .escape, .home]
        for key in keys {
            XCTAssertEqual(try Key(parsing: key.description), key, "\(key)")
        }
        XCTAssertEqual(Key.pageDown.description, "pgdn")
    }
}

final class KeymapTests: XCTestCase {
    func testStandardKeymapHasVimAlternatives() {
        let map = Keymap.standard
        XCTAssertEqual(map.action(for: .down), "down")
        XCTAssertEqual(map.action(for: .character("j")), "down")
        XCTAssertEqual(map.action(for: .character("k")), "up")
        XCTAssertEqual(map.action(for: .character("g")), "top")
        XCTAssertEqual(map.action(for: .character("G")), "bottom")
        XCTAssertEqual(map.action(for: .character("/")), "search")
        XCTAssertEqual(map.action(for: .character("n")), "nextMatch")
        XCTAssertEqual(map.action(for: .character("N")), "previousMatch")
        XCTAssertNil(map.action(for: .character("z")))
    }

    func testNoStandardActionNeedsAFunctionKey() {
        for binding in Keymap.standard.bindings {
            XCTAssertTrue(binding.keys.contains { if case .function = $0 { return false } else { return true } }, binding.action.rawValue)
        }
    }

    func testUserOverridesReplaceKeysAndStealThemFromOtherActions() throws {
        let map = try Keymap.standard.overriding(["quit": ["ctrl-q"], "down": ["j", "ctrl-n", "q"]])
        XCTAssertEqual(map.action(for: .ctrl("q")), "quit")
        XCTAssertNil(map.action(for: .character("q")).flatMap { $0 == "quit" ? $0 : nil })
        XCTAssertEqual(map.action(for: .character("q")), "down")
        XCTAssertEqual(map.action(for: .ctrl("n")), "down")
        XCTAssertNil(map.action(for: .down), "arrow replaced by the override")
    }

    func testOverrideErrorsNameTheAction() {
        XCTAssertThrowsError(try Keymap.standard.overriding(["fly": ["x"]])) {
            XCTAssertEqual("\($0)", "unknown key action \"fly\"")
        }
        XCTAssertThrowsError(try Keymap.standard.overriding(["quit": ["ctrl-"]])) {
            XCTAssertTrue("\($0)".hasPrefix("key binding for \"quit\": invalid key \"ctrl-\""), "\($0)")
        }
    }

    func testMergingAppActions() {
        let map = Keymap.standard.merging([KeyBinding("send", keys: [.ctrl("s")], label: "send", group: "Users")])
        XCTAssertEqual(map.action(for: .ctrl("s")), "send")
        XCTAssertEqual(map.binding(for: "send")?.keyText, "ctrl-s")
    }
}

final class NcursesKeyMappingTests: XCTestCase {
    func testCharacterCodes() {
        XCTAssertEqual(NcursesKeys.character(9), .tab)
        XCTAssertEqual(NcursesKeys.character(13), .enter)
        XCTAssertEqual(NcursesKeys.character(127), .backspace)
        XCTAssertEqual(NcursesKeys.character(19), .ctrl("s"))
        XCTAssertEqual(NcursesKeys.character(3), .ctrl("c"))
        XCTAssertEqual(NcursesKeys.character(0xE9), .character("é"))
        XCTAssertEqual(NcursesKeys.character(0x6F22), .character("漢"))
        XCTAssertEqual(NcursesKeys.afterEscape(.character("x")), .alt("x"))
    }

    func testFunctionKeyCodes() {
        XCTAssertEqual(NcursesKeys.functionKey(KEY_NPAGE), .pageDown)
        XCTAssertEqual(NcursesKeys.functionKey(KEY_BTAB), .backTab)
        XCTAssertEqual(NcursesKeys.functionKey(KEY_RESIZE), .resize)
        XCTAssertEqual(NcursesKeys.functionKey(KEY_F0 + 3), .function(3))
    }

    func testBracketedPasteCollectsUntilTheEndMarker() {
        var collector = PasteCollector()
        var result: String?
        for c in "line one\nline two\u{1B}[201~" { result = collector.feed(c) ?? result }
        XCTAssertEqual(result, "line one\nline two")
    }
}
