import Foundation
import XCTest
@testable import TerminalUI

/// The shipped `themes/*.toml` files are the ones the program uses, and they are all valid.
final class ShippedThemesTests: XCTestCase {
    let shipped = ThemeLoader.packageThemesDirectory
    let required = ["default", "light", "high-contrast", "solarized-dark", "mono"]

    func testTheShippedDirectoryIsThePackageThemesFolder() throws {
        let found = try XCTUnwrap(ThemeLoader.shippedDirectory())
        XCTAssertEqual(found.standardizedFileURL.path, shipped.standardizedFileURL.path)
        let loader = ThemeLoader.standard(environment: ["HOME": "/nonexistent-home"])
        let selection = loader.load(named: "solarized-dark")
        XCTAssertEqual(selection.source?.standardizedFileURL.path, shipped.appendingPathComponent("solarized-dark.toml").standardizedFileURL.path)
        XCTAssertEqual(selection.problems, [])
        XCTAssertEqual(selection.theme[.text].background, .rgb(0x00, 0x2B, 0x36), "read from the file, not from code")
    }

    func testEveryRequiredThemeShipsParsesAndDefinesEveryRole() throws {
        for name in required {
            let url = shipped.appendingPathComponent("\(name).toml")
            let text = try String(contentsOf: url, encoding: .utf8)
            let theme = try ThemeParser.parse(text, file: url.path, fallbackName: name)
            XCTAssertEqual(theme.name, name)
            let missing = ThemeRole.allCases.filter { theme.styles[$0] == nil && $0 != .background }
            XCTAssertEqual(missing, [], "\(name) leaves roles to fall back on text")
        }
    }

    func testDefaultFileMatchesTheBuiltInFallbackAndKeepsTerminalColours() throws {
        let url = shipped.appendingPathComponent("default.toml")
        let theme = try ThemeParser.parse(String(contentsOf: url, encoding: .utf8), file: url.path, fallbackName: "default")
        XCTAssertEqual(theme, Theme.builtinDefault)
        XCTAssertEqual(theme[.text].background, .terminalDefault)
        XCTAssertEqual(theme[.text].foreground, .terminalDefault)
    }

    func testMonoUsesAttributesOnly() throws {
        let url = shipped.appendingPathComponent("mono.toml")
        let theme = try ThemeParser.parse(String(contentsOf: url, encoding: .utf8), file: url.path, fallbackName: "mono")
        for (role, style) in theme.styles {
            XCTAssertNil(style.foreground, "\(role)")
            XCTAssertNil(style.background, "\(role)")
        }
        XCTAssertTrue(theme[.selection].attributes.contains(.reverse))
    }

    func testNoColorAndColourlessTerminalsSelectMono() {
        let loader = ThemeLoader(directories: [shipped])
        XCTAssertEqual(loader.select(name: "light", environment: ["NO_COLOR": "1"], depth: .trueColor).theme.name, "mono")
        XCTAssertEqual(loader.select(name: "light", environment: [:], depth: .none).theme.name, "mono")
        XCTAssertEqual(loader.select(name: "light", environment: ["NO_COLOR": ""], depth: .ansi16).theme.name, "light")
        let light = loader.select(name: "light", environment: [:], depth: .ansi16).theme
        if case .ansi = light[.text].background {} else { XCTFail("hex colours are mapped to 16 colours: \(light[.text])") }
    }

    func testBrokenUserThemeFallsBackToDefaultAndSaysWhere() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("scimterm-themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "[text]\nfg = \"#12345\"\n".write(to: dir.appendingPathComponent("broken.toml"), atomically: true, encoding: .utf8)
        try "[accent]\nfg = \"red\"\n".write(to: dir.appendingPathComponent("mine.toml"), atomically: true, encoding: .utf8)
        let loader = ThemeLoader(directories: [dir, shipped])
        let broken = loader.load(named: "broken")
        XCTAssertEqual(broken.theme.name, "default")
        XCTAssertEqual(broken.problems.count, 1)
        XCTAssertEqual(broken.problems.first?.line, 2)
        XCTAssertTrue(broken.problems.first?.file.hasSuffix("broken.toml") ?? false)
        XCTAssertEqual(loader.load(named: "mine").theme[.accent].foreground, .ansi(1))
        XCTAssertEqual(loader.load(named: "nope").problems.first?.message.hasPrefix("theme not found"), true)
        XCTAssertTrue(Set(loader.availableThemes()).isSuperset(of: ["broken", "mine"] + required))
    }

    func testUserDirectoryFollowsXDG() {
        XCTAssertEqual(ThemeLoader.userDirectory(environment: ["XDG_CONFIG_HOME": "/x"]).path, "/x/scimterm/themes")
        XCTAssertEqual(ThemeLoader.userDirectory(environment: ["HOME": "/home/u"]).path, "/home/u/.config/scimterm/themes")
    }
}
