import App
import AppTesting
import Foundation
import TerminalUI
import XCTest

/// Time reaches updates and views only as input: the runner's clock before each key and the zone
/// set once in the state. Nothing here depends on when or where the test runs.
final class TimeAsInputTests: XCTestCase {
    /// 2031-02-03 04:05:06 UTC.
    private let instant = Date(timeIntervalSince1970: 1_927_857_906)

    private func loop(zone: String) -> (AppLoop, HeadlessTerminal) {
        let terminal = HeadlessTerminal(width: 100, height: 30)
        var state = Fixture.state(width: 100, height: 30)
        state.timeZone = TimeZone(identifier: zone) ?? .current
        let loop = AppLoop(state: state, terminal: terminal, now: { [instant] in instant })
        return (loop, terminal)
    }

    func testTheHARFileNameIsStampedWithTheKeysTimeInTheStatesZone() {
        let (loop, terminal) = loop(zone: "Asia/Kathmandu")
        loop.dispatch(.exchangeRecorded(ActivityTests.exchange(1)))
        terminal.type("5h")
        loop.step(timeoutMilliseconds: 0)
        loop.step(timeoutMilliseconds: 0)
        XCTAssertEqual(loop.state.clock, instant, "the key carried the runner's time")
        guard case .dialog(let dialog, _)? = loop.state.overlay else { return XCTFail("no export dialog:\n\(terminal.screenText)") }
        XCTAssertTrue(dialog.input.text.hasSuffix("/scimterm-20310203-095006.har"), dialog.input.text)
    }

    func testExchangeTimesFollowTheStatesZoneNotTheMachines() {
        let (loop, terminal) = loop(zone: "America/St_Johns")
        loop.dispatch(.exchangeRecorded(ActivityTests.exchange(1)))
        terminal.type("5")
        loop.step(timeoutMilliseconds: 0)
        // 1_800_000_001 is 2027-01-15 08:00:01 UTC, 04:30:01 in St. John's (UTC-3:30).
        XCTAssertTrue(terminal.screenText.contains("04:30:01"), terminal.screenText)
        XCTAssertFalse(terminal.screenText.contains("08:00:01"), terminal.screenText)
    }

    func testTheClockNeverRunsBackwards() {
        var state = Fixture.state()
        state = TUI.update(state, .clockAdvanced(instant)).0
        state = TUI.update(state, .clockAdvanced(instant.addingTimeInterval(-60))).0
        XCTAssertEqual(state.clock, instant)
    }
}

/// The rule above as a check on the sources: only the runtime (the runner, the loop, the services)
/// may read the machine's clock, zone or locale.
final class TimeSourcesTests: XCTestCase {
    func testNoUpdateOrViewReadsTheClockTheZoneOrTheLocale() throws {
        let app = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/App")
        let files = try XCTUnwrap(FileManager.default.enumerator(atPath: app.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") && !$0.hasPrefix("Runtime/") }
        XCTAssertGreaterThan(files.count, 50, "the App sources were found")
        let banned = ["Date()", "TimeZone.current", "Locale.current", ".autoupdatingCurrent"]
        for file in files {
            let text = try String(contentsOf: app.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                for word in banned where line.contains(word) { XCTFail("\(file): \(word) in \(line)") }
            }
        }
    }
}
