import Foundation
import XCTest
@testable import TerminalUI

final class ThemeTests: XCTestCase {
    func testParsesNamesNumbersHexAndAttributes() throws {
        let theme = try ThemeParser.parse("""
        name = "custom"
        [text]
        fg = "bright-white"
        bg = 236
        [selection]
        fg = "#1C2b3A"
        attrs = ["bold", "reverse"]
        [json-key]
        fg = "default"
        """, file: "custom.toml", fallbackName: "x")
        XCTAssertEqual(theme.name, "custom")
        XCTAssertEqual(theme[.text], Style(foreground: .ansi(15), background: .indexed(236)))
        XCTAssertEqual(theme[.selection], Style(foreground: .rgb(0x1C, 0x2B, 0x3A), attributes: [.bold, .reverse]))
        XCTAssertEqual(theme[.jsonKey].foreground, .terminalDefault)
        XCTAssertEqual(theme[.error], theme[.text], "missing roles look like text")
    }

    func testBadColourNamesFileLineAndKey() {
        let text = "name = \"x\"\n\n[text]\nfg = \"white\"\n\n[selection]\nbg = \"blu\"\n"
        XCTAssertThrowsError(try ThemeParser.parse(text, file: "themes/x.toml", fallbackName: "x")) { error in
            let e = error as? ThemeError
            XCTAssertEqual(e?.line, 7)
            XCTAssertEqual(e?.key, "selection.bg")
            XCTAssertTrue("\(error)".hasPrefix("themes/x.toml:7: selection.bg: invalid colour \"blu\""), "\(error)")
        }
        XCTAssertThrowsError(try ThemeParser.parse("[text]\nfg = 300\n", file: "t.toml", fallbackName: "t")) {
            XCTAssertEqual(($0 as? ThemeError)?.line, 2)
        }
    }

    func testUnknownRoleKeyAndAttributeAreErrors() {
        XCTAssertThrowsError(try ThemeParser.parse("\n[selektion]\nfg = 1\n", file: "t.toml", fallbackName: "t")) {
            XCTAssertEqual(($0 as? ThemeError)?.key, "selektion")
            XCTAssertEqual(($0 as? ThemeError)?.line, 2)
        }
        XCTAssertThrowsError(try ThemeParser.parse("[text]\ncolour = 1\n", file: "t.toml", fallbackName: "t")) {
            XCTAssertEqual(($0 as? ThemeError)?.key, "text.colour")
        }
        XCTAssertThrowsError(try ThemeParser.parse("[text]\nattrs = [\"blink\"]\n", file: "t.toml", fallbackName: "t")) {
            XCTAssertEqual(($0 as? ThemeError)?.key, "text.attrs")
        }
    }

    func testSyntaxErrorsCarryTheParserLine() {
        XCTAssertThrowsError(try ThemeParser.parse("[text]\nfg = \n", file: "t.toml", fallbackName: "t")) {
            XCTAssertEqual(($0 as? ThemeError)?.line, 2, "\($0)")
        }
    }

    func testColourDegradation() {
        XCTAssertEqual(Color.rgb(255, 0, 0).degraded(to: .trueColor), .rgb(255, 0, 0))
        XCTAssertEqual(Color.rgb(255, 0, 0).degraded(to: .indexed256), .indexed(196))
        XCTAssertEqual(Color.rgb(0x80, 0x80, 0x80).degraded(to: .indexed256), .indexed(244))
        XCTAssertEqual(Color.rgb(255, 0, 0).degraded(to: .ansi16), .ansi(9))
        XCTAssertEqual(Color.rgb(200, 0, 0).degraded(to: .ansi8), .ansi(1))
        XCTAssertEqual(Color.indexed(196).degraded(to: .ansi16), .ansi(9))
        XCTAssertEqual(Color.indexed(12).degraded(to: .ansi8), .ansi(4))
        XCTAssertEqual(Color.ansi(14).degraded(to: .ansi8), .ansi(6))
        XCTAssertNil(Color.rgb(1, 2, 3).degraded(to: .none))
        XCTAssertEqual(Color.terminalDefault.degraded(to: .ansi8), .terminalDefault)
        XCTAssertEqual(Color.terminalDefault.colorNumber(for: .indexed256), -1)
        XCTAssertEqual(Color.rgb(0x12, 0x34, 0x56).colorNumber(for: .trueColor), 0x123456)
    }

    func testThemeDegradesToAttributesOnlyWithoutColour() {
        let theme = Theme(name: "t", styles: [.selection: Style(foreground: .ansi(1), background: .rgb(1, 2, 3), attributes: .bold)])
        XCTAssertEqual(theme.degraded(to: .none)[.selection], Style(attributes: .bold))
        XCTAssertEqual(theme.degraded(to: .indexed256)[.selection].background, .indexed(16))
    }

    func testRoleFileKeys() {
        XCTAssertEqual(ThemeRole.jsonKey.fileKey, "json-key")
        XCTAssertEqual(ThemeRole.httpStatusError.fileKey, "http-status-error")
        XCTAssertEqual(ThemeRole(fileKey: "search-match"), .searchMatch)
    }
}
