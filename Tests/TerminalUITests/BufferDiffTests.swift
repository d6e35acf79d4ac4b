import XCTest
@testable import TerminalUI

final class BufferDiffTests: XCTestCase {
    func testFirstFrameSendsEverything() {
        let buffer = ScreenBuffer(width: 4, height: 2)
        let runs = BufferDiff.changes(from: nil, to: buffer)
        XCTAssertEqual(runs.count, 2)
        XCTAssertEqual(runs.map(\.cells.count), [4, 4])
    }

    func testOnlyChangedCellsAreSent() {
        var old = ScreenBuffer(width: 10, height: 3)
        old.draw("unchanged", x: 0, y: 0)
        var new = old
        new.draw("X", x: 4, y: 1)
        new.draw("YZ", x: 8, y: 2)
        let runs = BufferDiff.changes(from: old, to: new)
        XCTAssertEqual(runs.map(\.x), [4, 8])
        XCTAssertEqual(runs.map(\.y), [1, 2])
        XCTAssertEqual(runs.flatMap(\.cells).map(\.grapheme), ["X", "Y", "Z"])
    }

    func testStyleChangeAloneIsSent() {
        var old = ScreenBuffer(width: 3, height: 1)
        old.draw("abc", x: 0, y: 0)
        var new = old
        new.restyle(Rect(x: 1, y: 0, width: 1, height: 1), with: Style(attributes: .reverse))
        let runs = BufferDiff.changes(from: old, to: new)
        XCTAssertEqual(runs, [CellRun(x: 1, y: 0, cells: [new[1, 0]])])
    }

    func testRunStartingOnAContinuationIncludesTheWideCharacter() {
        var old = ScreenBuffer(width: 4, height: 1)
        old.draw("漢", x: 0, y: 0)
        var new = old
        new.restyle(Rect(x: 1, y: 0, width: 1, height: 1), with: Style(attributes: .bold))
        let runs = BufferDiff.changes(from: old, to: new)
        XCTAssertEqual(runs.first?.x, 0)
        XCTAssertEqual(runs.first?.cells.first?.grapheme, "漢")
    }

    func testSizeChangeSendsEverything() {
        let old = ScreenBuffer(width: 4, height: 2)
        let new = ScreenBuffer(width: 5, height: 2)
        XCTAssertEqual(BufferDiff.changes(from: old, to: new).flatMap(\.cells).count, 10)
    }

    func testIdenticalFramesSendNothing() {
        var a = ScreenBuffer(width: 200, height: 60)
        for y in 0..<60 { a.draw(String(repeating: "x", count: 200), x: 0, y: y) }
        XCTAssertTrue(BufferDiff.changes(from: a, to: a).isEmpty)
    }
}
