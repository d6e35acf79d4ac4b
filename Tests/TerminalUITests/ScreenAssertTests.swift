import TerminalUITesting
import XCTest
@testable import TerminalUI

/// The screen helper itself: a mismatch must be visible and masks must hide only what they name.
final class ScreenAssertTests: XCTestCase {
    func testDiffMarksOnlyDifferingRows() {
        let diff = ScreenAssert.diff(actual: ["same", "actual row"], expected: ["same", "expected row"])
        let rows = diff.split(separator: "\n").map(String.init)
        XCTAssertEqual(rows.count, 3)
        XCTAssertTrue(rows[1].hasPrefix("  same"))
        XCTAssertTrue(rows[2].hasPrefix("! expected row"))
        XCTAssertTrue(rows[2].hasSuffix("| actual row"))
    }

    func testMasksReplaceVolatileText() {
        var buffer = ScreenBuffer(width: 30, height: 1)
        buffer.draw("sent at 12:34:56 id 42", x: 0, y: 0)
        ScreenAssert.equal(buffer, "sent at 09:00:00 id 42", masks: [#"\d\d:\d\d:\d\d"#])
    }
}
