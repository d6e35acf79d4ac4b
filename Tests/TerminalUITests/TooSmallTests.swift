import TerminalUITesting
import XCTest
@testable import TerminalUI

final class TooSmallTests: XCTestCase {
    let minimum = Size(width: 60, height: 16)

    func testMessageIsWrappedAndCentred() {
        var buffer = ScreenBuffer(width: 20, height: 5)
        XCTAssertTrue(TooSmall.guardMinimum(&buffer, minimum: minimum))
        ScreenAssert.equal(buffer, """

         terminal too small
            (need 60×16)


        """)
    }

    func testOneByOneShowsAnEllipsisNotGarbage() {
        var buffer = ScreenBuffer(width: 1, height: 1)
        buffer.draw("junk", x: 0, y: 0)
        XCTAssertTrue(TooSmall.guardMinimum(&buffer, minimum: minimum))
        XCTAssertEqual(buffer.lines(), ["…"])
    }

    func testOneRowShowsAsMuchAsFits() {
        var buffer = ScreenBuffer(width: 30, height: 1)
        TooSmall.render(into: &buffer, minimum: minimum)
        XCTAssertEqual(buffer.lines(), ["terminal too small (need 60×1…"])
    }

    func testLargeEnoughLeavesTheBufferAlone() {
        var buffer = ScreenBuffer(width: 60, height: 16)
        buffer.draw("app", x: 0, y: 0)
        XCTAssertFalse(TooSmall.guardMinimum(&buffer, minimum: minimum))
        XCTAssertEqual(buffer.lines().first, "app")
    }

    func testZeroSizeDoesNotCrash() {
        var buffer = ScreenBuffer(width: 0, height: 0)
        XCTAssertTrue(TooSmall.guardMinimum(&buffer, minimum: minimum))
        XCTAssertEqual(buffer.lines(), [])
    }
}
