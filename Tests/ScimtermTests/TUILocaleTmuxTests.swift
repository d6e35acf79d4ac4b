import Foundation
import XCTest

/// Over SSH with no locale forwarded (LANG=C), names keep every character; on a terminal type that
/// predates UTF-8 they become visible placeholders, aligned, and the status line says how to fix it.
final class TUILocaleTmuxTests: XCTestCase {
    func testLangCStillShowsEveryCharacterOfTheNames() throws {
        let tui = try SandboxTUI("scimterm-langc")
        try tui.launch(environment: ["LANG": "C", "LC_ALL": "C"])
        try tui.waitFor("names with their accents and CJK characters") {
            $0.contains("Zoë Ångström") && $0.contains("美咲 田中") && $0.contains("25 users · 0 with errors")
        }
        try tui.send("q")
    }

    func testALegacyTerminalShowsPlaceholdersAndSaysHowToFixIt() throws {
        let tui = try SandboxTUI("scimterm-vt100")
        try tui.launch(environment: ["LANG": "C", "LC_ALL": "C", "TERM": "vt100"])
        try tui.waitFor("placeholders and the advice") {
            $0.contains("Zo? ?ngstr?m") && $0.contains("???? ????") && $0.contains("25 users . 0 with errors")
        }
        let lines = tui.screen.components(separatedBy: "\n")
        let zoe = try XCTUnwrap(lines.first { $0.contains("Zo? ?ngstr?m") })
        let misaki = try XCTUnwrap(lines.first { $0.contains("???? ????") })
        let column = { (line: String, text: String) in line.range(of: text).map { line.distance(from: line.startIndex, to: $0.lowerBound) } }
        XCTAssertEqual(column(zoe, "Zo?"), column(misaki, "???? ????"), "the wide name takes the same column as the others:\n\(zoe)\n\(misaki)")
        try tui.send("q")
        XCTAssertEqual(try tui.exitStatus(), "0")
        try tui.waitFor("the advice left in the shell") { $0.contains("scimterm: this terminal's locale is not UTF-8") && $0.contains("LANG=C.UTF-8") }
        // vt100 has no alternate screen: quitting wipes the UI, so the shell is left clean.
        XCTAssertFalse(tui.screen.contains("25 users"), "no UI left over the prompt:\n\(tui.screen)")
        XCTAssertFalse(tui.screen.contains("SANDBOX"), tui.screen)
    }
}
