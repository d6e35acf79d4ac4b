import Foundation
import XCTest

/// `--theme` with a name that does not exist, or a theme file that does not parse, stops with an
/// error naming the themes there are; never a quiet fall back to the default.
final class ThemeErrorTmuxTests: XCTestCase {
    func testAnUnknownThemeNameIsAnErrorThatListsTheThemes() throws {
        let tui = try SandboxTUI("scimterm-theme")
        try tui.launch("--sandbox --theme solarised", width: 120, height: 20)
        XCTAssertEqual(try tui.exitStatus(), "2")
        try tui.waitFor("the error on the terminal") { $0.contains("--theme solarised") }
        let screen = tui.screen.replacingOccurrences(of: "\n", with: "")
        XCTAssertTrue(screen.contains("Themes available: default, high-contrast, light, mono, solarized-dark"), tui.screen)
        XCTAssertFalse(tui.tmux.alternateScreenOn, "the full-screen interface never started")
    }

    func testABrokenThemeFileNamesItsFileAndLine() throws {
        let tui = try SandboxTUI("scimterm-theme-broken")
        let folder = tui.scratch.appendingPathComponent("config/scimterm/themes")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "name = \"mine\"\n[colors]\nselection = { fg = \"blu\" }\n".write(to: folder.appendingPathComponent("mine.toml"), atomically: true, encoding: .utf8)
        let r = try CommandRunner.run(["--theme", "mine", "--sandbox"], environment: ["XDG_CONFIG_HOME": tui.scratch.appendingPathComponent("config").path])
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("--theme mine: \(folder.path)/mine.toml"), r.stderr)
        XCTAssertTrue(r.stderr.contains("Themes available: default, high-contrast, light, mine, mono, solarized-dark"), r.stderr)
    }
}
