import TerminalUI
import XCTest

/// Screen comparisons for tests, written as expected text the way a person would see the screen.
///
/// Rows are compared with trailing spaces trimmed; expected text may leave out trailing empty rows.
/// On a mismatch the failure shows both screens side by side with the differing rows marked, plus
/// the actual screen ready to paste as the new expectation. Setting `SCIMTERM_RECORD=1` prints it
/// for every assertion, but the assertion still fails, so a recorded screen is never silently
/// accepted.
public enum ScreenAssert {
    /// Compares a buffer with the expected screen. `masks` replaces text matching each regular
    /// expression (such as times or ids) by the same placeholder on both sides before comparing.
    public static func equal(
        _ buffer: ScreenBuffer, _ expected: String, masks: [String] = [],
        file: StaticString = #filePath, line: UInt = #line
    ) {
        let actual = buffer.lines().map { mask($0, masks) }
        var wanted = expected.split(separator: "\n", omittingEmptySubsequences: false).map { mask(trimRight(String($0)), masks) }
        while wanted.count < actual.count { wanted.append("") }
        let recording = ProcessInfo.processInfo.environment["SCIMTERM_RECORD"] == "1"
        if actual == wanted && !recording { return }
        let message = (recording && actual == wanted ? "record mode (SCIMTERM_RECORD=1): screen matched, failing anyway\n" : "screens differ\n")
            + diff(actual: actual, expected: wanted)
            + "\nactual screen as a literal:\n\"\"\"\n" + actual.joined(separator: "\n") + "\n\"\"\""
        XCTFail(message, file: file, line: line)
    }

    /// Compares a screen already turned into rows of text (an app's rendered frame).
    public static func equal(
        _ rows: [String], _ expected: String, masks: [String] = [],
        file: StaticString = #filePath, line: UInt = #line
    ) {
        var buffer = ScreenBuffer(width: max(1, rows.map(\.displayWidth).max() ?? 1), height: max(1, rows.count))
        for (y, row) in rows.enumerated() { buffer.draw(row, x: 0, y: y, width: buffer.size.width, style: Style()) }
        equal(buffer, expected, masks: masks, file: file, line: line)
    }

    /// Compares the last frame of a headless terminal.
    public static func equal(
        _ terminal: HeadlessTerminal, _ expected: String, masks: [String] = [],
        file: StaticString = #filePath, line: UInt = #line
    ) {
        equal(terminal.frame, expected, masks: masks, file: file, line: line)
    }

    /// A side-by-side view of the two screens, `!` marking rows that differ.
    public static func diff(actual: [String], expected: [String]) -> String {
        let width = max(10, (expected.map(\.displayWidth).max() ?? 0))
        var out = "  " + pad("expected", width) + " | actual\n"
        for i in 0..<max(actual.count, expected.count) {
            let e = i < expected.count ? expected[i] : "∅"
            let a = i < actual.count ? actual[i] : "∅"
            out += (e == a ? "  " : "! ") + pad(e, width) + " | " + a + "\n"
        }
        return out
    }

    static func mask(_ line: String, _ patterns: [String]) -> String {
        var out = line
        for pattern in patterns {
            guard let regex = try? NSRegularExpression(pattern: pattern) else { continue }
            out = regex.stringByReplacingMatches(in: out, range: NSRange(out.startIndex..., in: out), withTemplate: "###")
        }
        return out
    }

    private static func pad(_ s: String, _ width: Int) -> String {
        s + String(repeating: " ", count: max(0, width - s.displayWidth))
    }

    private static func trimRight(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }
}
