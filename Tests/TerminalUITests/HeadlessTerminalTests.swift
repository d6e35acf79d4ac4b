import TerminalUITesting
import XCTest
@testable import TerminalUI

final class HeadlessTerminalTests: XCTestCase {
    func testKeepsTheLastFrameAndCursor() {
        let terminal = HeadlessTerminal(width: 10, height: 2)
        var frame = terminal.makeFrame()
        frame.draw("hello", x: 0, y: 0)
        terminal.flush(frame, cursor: Point(x: 5, y: 0))
        ScreenAssert.equal(terminal, "hello")
        XCTAssertEqual(terminal.cursor, Point(x: 5, y: 0))
        terminal.flush(frame, cursor: nil)
        XCTAssertNil(terminal.cursor)
        XCTAssertTrue(terminal.lastChanges.isEmpty, "same frame twice sends nothing")
    }

    func testScriptedKeysAndResizeArriveInOrder() throws {
        let terminal = HeadlessTerminal(width: 10, height: 2)
        terminal.send(try KeyScript.keys("j j ctrl-s"))
        terminal.type("é!")
        terminal.resize(width: 4, height: 3)
        var keys: [Key] = []
        while let key = terminal.nextKey(timeoutMilliseconds: 0) { keys.append(key) }
        XCTAssertEqual(keys, [.character("j"), .character("j"), .ctrl("s"), .character("é"), .character("!"), .resize])
        XCTAssertEqual(terminal.size, Size(width: 4, height: 3))
        XCTAssertEqual(terminal.makeFrame().size, Size(width: 4, height: 3))
    }

    func testASCIIGlyphsForTerminalsWithoutLineDrawing() {
        let caps = TerminalCapabilities.guess(environment: ["TERM": "linux", "LANG": "en_US.UTF-8"])
        XCTAssertFalse(caps.unicodeLines)
        XCTAssertEqual(caps.colorDepth, .ansi16)
        let terminal = HeadlessTerminal(width: 4, height: 2, capabilities: caps)
        var frame = terminal.makeFrame()
        frame.box(frame.bounds)
        terminal.flush(frame, cursor: nil)
        ScreenAssert.equal(terminal, "+--+\n+--+")
    }

    func testCapabilityGuessesForCommonTerms() {
        let utf8 = ["LANG": "C.UTF-8"]
        func depth(_ term: String, _ extra: [String: String] = [:]) -> ColorDepth {
            TerminalCapabilities.guess(environment: utf8.merging(["TERM": term].merging(extra) { $1 }) { $1 }).colorDepth
        }
        XCTAssertEqual(depth("xterm"), .ansi16)
        XCTAssertEqual(depth("xterm-256color"), .indexed256)
        XCTAssertEqual(depth("tmux-256color"), .indexed256)
        XCTAssertEqual(depth("screen"), .ansi8)
        XCTAssertEqual(depth("vt100"), .none)
        XCTAssertEqual(depth("xterm-256color", ["COLORTERM": "truecolor"]), .trueColor)
        XCTAssertFalse(TerminalCapabilities.guess(environment: ["TERM": "xterm", "LANG": "C"]).unicodeLines)
    }

    func testDriverRunsUntilIdleAndResizesDownToOneByOne() throws {
        let terminal = HeadlessTerminal(width: 20, height: 3)
        let driver = HeadlessDriver<Int>(
            terminal: terminal,
            update: { count, key, _ in key == .character("q") ? nil : count + 1 },
            render: { count, frame in
                if TooSmall.guardMinimum(&frame, minimum: Size(width: 10, height: 2)) { return nil }
                frame.draw("keys: \(count)", x: 0, y: 0)
                return nil
            })
        terminal.send(try KeyScript.keys("a b c"))
        let (state, quit) = driver.run(0)
        XCTAssertEqual(state, 3)
        XCTAssertFalse(quit)
        ScreenAssert.equal(terminal, "keys: 3")
        terminal.resize(width: 1, height: 1)
        driver.run(state)
        ScreenAssert.equal(terminal, "…")
        terminal.resize(width: 20, height: 3)
        terminal.send(.character("q"))
        let final = driver.run(5)
        XCTAssertTrue(final.quit)
        ScreenAssert.equal(terminal, "keys: 6")
    }
}
