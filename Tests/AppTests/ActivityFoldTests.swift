@testable import App
import AppTesting
import Foundation
import Provisioning
import TerminalUI
import XCTest

/// The Activity screen's room, as pure functions: a finished send folds to one line and the list
/// gets its rows back; an error response selected takes the space from the list, and its detail
/// opens where the body is whole on screen.
final class ActivityFoldTests: XCTestCase {
    private let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    private let size80 = Size(width: 80, height: 24)

    /// A send of `documents` requests of `users` users each, the first `accepted` accepted and the
    /// rest of the first `answered` (all by default) failed.
    private func send(documents: Int = 5, accepted: Int = 5, answered: Int? = nil, seconds: Double = 3.2, result: SendResult? = nil,
                      users: Int = 5) -> SendProgress {
        let docs = (0..<documents).map { d in SendDocument(bytes: [], recordIDs: Array((d * users)..<(d * users + users)), externalIds: []) }
        var progress = SendProgress(title: "all 25 users", documents: docs, startedAt: t0)
        for d in 0..<(answered ?? documents) {
            progress.apply(.sending(document: d, attempt: 0, at: t0.addingTimeInterval(seconds * Double(d) / Double(documents))))
            progress.apply(d < accepted ? .accepted(document: d, requestId: "r\(d)") : .failed(document: d, reason: "400 Bad Request: Invalid Data Format"))
        }
        progress.now = t0.addingTimeInterval(seconds)
        progress.finish(result ?? SendResult(sendId: "s", cancelled: false, accepted: accepted, failed: documents - accepted))
        return progress
    }

    // MARK: - layout

    func testAFoldedSendGivesTheListTheRowsOfTheBox() {
        let none = ActivityLayout(size: size80, sendBox: .none)
        let full = ActivityLayout(size: size80, sendBox: .full)
        let line = ActivityLayout(size: size80, sendBox: .line)
        XCTAssertEqual(full.progress.height, 6)
        XCTAssertEqual(line.progress.height, 1)
        XCTAssertEqual(line.list.y, 2, "the list starts right under the line")
        XCTAssertEqual(full.listRows, 5)
        XCTAssertEqual(line.listRows, 7)
        XCTAssertGreaterThan(line.detailRows, full.detailRows)
        XCTAssertEqual(line.footer.y, none.footer.y, "the footer stays on the last row above the status line")
    }

    func testAnErrorSelectedShrinksTheListToAFewRowsAndTheDetailTakesTheRest() {
        let shared = ActivityLayout(size: size80, sendBox: .line)
        let error = ActivityLayout(size: size80, sendBox: .line, detailFirst: true)
        XCTAssertEqual(error.listRows, ActivityLayout.fewRows)
        XCTAssertEqual(error.detail.height, shared.detail.height + shared.list.height - error.list.height)
        XCTAssertEqual(error.detail.maxY, shared.detail.maxY)
        let wide = Size(width: 200, height: 60)
        XCTAssertEqual(ActivityLayout(size: wide, sendBox: .none, detailFirst: true).list,
                       ActivityLayout(size: wide, sendBox: .none).list, "side by side, the detail already has the height")
        let small = Size(width: 64, height: 16)
        XCTAssertLessThanOrEqual(ActivityLayout(size: small, sendBox: .full, detailFirst: true).list.height,
                                 ActivityLayout(size: small, sendBox: .full).list.height, "never a longer list than without")
    }

    func testTheBoxShowsInFullWhileTheSendRunsOrItsReportIsOpen() {
        var running = SendProgress(title: "all 25 users", documents: [], startedAt: t0)
        XCTAssertEqual(ActivitySurroundings(send: running, exportDirectory: nil).sendBox(reportOpen: nil), .full)
        running.finish(SendResult(sendId: "s", cancelled: false, accepted: 0, failed: 0))
        let finished = ActivitySurroundings(send: running, exportDirectory: nil)
        XCTAssertEqual(finished.sendBox(reportOpen: nil), .line)
        XCTAssertEqual(finished.sendBox(reportOpen: t0), .full)
        XCTAssertEqual(finished.sendBox(reportOpen: t0.addingTimeInterval(-60)), .line, "a report opened for an earlier send")
        XCTAssertEqual(ActivitySurroundings(send: nil, exportDirectory: nil).sendBox(reportOpen: t0), .none)
    }

    // MARK: - the one line

    func testTheLineCarriesTheEndUsersRequestsDurationAndTheKeyToTheReport() {
        let line = SendSummaryLine(progress: send())
        XCTAssertEqual(line.text(width: 78), "✓ send done · 25/25 users · 5/5 accepted · 3.2 s · r full report")
        XCTAssertEqual(line.text(width: 98),
                       "✓ done: every request accepted (202) · 25/25 users · 5/5 accepted · 3.2 s · r full report",
                       "wide enough for the box's own sentence")
        XCTAssertEqual(line.text(width: 130),
                       "Send · all 25 users · ✓ done: every request accepted (202) · 25/25 users · 5/5 accepted · 3.2 s · r full report")
    }

    func testFailuresCancelsAndSendsThatNeverStartedSaySo() {
        let failed = SendSummaryLine(progress: send(accepted: 4, seconds: 75))
        XCTAssertEqual(failed.text(width: 78), "✗ 1 request failed · 20/25 users · 4/5 accepted · 1 min 15 s · r full report")
        XCTAssertEqual(failed.text(width: 160), "✗ done with failures: document 5 failed: 400 Bad Request: Invalid Data Format"
                       + " · 20/25 users · 4/5 accepted · 1 failed · 1 min 15 s · r full report", "the reason, where it fits")
        let cancelled = SendSummaryLine(progress: send(accepted: 2, answered: 2, result: SendResult(sendId: "s", cancelled: true, accepted: 2, failed: 0)))
        XCTAssertTrue(cancelled.text(width: 78).hasPrefix("send cancelled, resumable · 10/25 users · 2/5 accepted"), cancelled.text(width: 78))
        let never = SendSummaryLine(progress: send(documents: 0, accepted: 0, seconds: 0.1,
                                                   result: SendResult(sendId: "", cancelled: false, accepted: 0, failed: 0, error: "no secret")))
        XCTAssertEqual(never.text(width: 200), "Send · all 25 users · ✗ did not start: no secret · 0/0 users · 0/0 accepted · 0.1 s · r full report")
    }

    func testAHundredThousandUsersStillFitEightyColumnsWithTheKey() {
        let big = send(documents: 2000, accepted: 2000, seconds: 3720, users: 50)
        let line = SendSummaryLine(progress: big).text(width: 78)
        XCTAssertTrue(line.contains("100000/100000 users"), line)
        XCTAssertLessThanOrEqual(line.displayWidth, 78, line)
        XCTAssertTrue(line.hasSuffix("· 1 h 02 min · r full report"), line)
        XCTAssertTrue(line.hasPrefix("✓ send done · "), line)
    }

    func testDurationsReadTheSameInEveryLocale() {
        XCTAssertEqual(SendSummaryLine.duration(0.44), "0.4 s")
        XCTAssertEqual(SendSummaryLine.duration(38.4), "38 s")
        XCTAssertEqual(SendSummaryLine.duration(247), "4 min 07 s")
        XCTAssertEqual(SendSummaryLine.duration(3720), "1 h 02 min")
        XCTAssertEqual(SendSummaryLine.duration(-1), "0.0 s")
    }

    // MARK: - the error's detail

    func testTheDetailOpensWithTheBodyWholeAndAsMuchAboveAsFits() {
        let lines = ["request", "", "HTTP/1.1 400 Bad Request", "request-id: x", "", "{", String(repeating: "m", count: 100), "}"]
        // From the end: "}" 1, the long line 2 rows at 79 columns, "{" 1, "" 1, the header 1 = 6 rows.
        XCTAssertEqual(ActivityState.firstLineFitting(lines, rows: 6, columns: 79, wrap: true), 3)
        XCTAssertEqual(ActivityState.firstLineFitting(lines, rows: 6, columns: 79, wrap: false), 2)
        XCTAssertEqual(ActivityState.firstLineFitting(lines, rows: 50, columns: 79, wrap: true), 0)
        XCTAssertEqual(ActivityState.wrappedRows(String(repeating: "m", count: 158), columns: 79), 2)
        XCTAssertEqual(ActivityState.wrappedRows(String(repeating: "m", count: 159), columns: 79), 3)
        XCTAssertEqual(ActivityState.wrappedRows(String(repeating: "美", count: 40), columns: 79), 2, "wide characters take two columns")
    }

    func testTheAnchorIsTheResponseBodysFirstLineForErrorsOnly() throws {
        let error = ActivityScreenTests.badRequest(3)
        let laid = ExchangeText.detailLines(error, zone: TimeZone(identifier: "UTC")!)
        let anchor = try XCTUnwrap(laid.errorAnchor)
        XCTAssertEqual(laid.lines[anchor], "{")
        XCTAssertEqual(laid.lines[anchor - 1], "")
        XCTAssertTrue(laid.lines[anchor + 1].contains("\"error\""), laid.lines[anchor + 1])
        XCTAssertEqual(TextPaneState(text: ExchangeText.detail(error, zone: TimeZone(identifier: "UTC")!)).lines, laid.lines,
                       "the pane's lines are the detail's, so the anchor points at the same line")
        XCTAssertNil(ExchangeText.detailLines(ActivityTests.exchange(1, status: 202), zone: TimeZone(identifier: "UTC")!).errorAnchor)
    }

    func testAnErrorPassingByWhileTheListFollowsARunningSendKeepsTheLayout() {
        let k = Keys(Fixture.state(width: 80, height: 24)).press("5")
        k.send(.exchangeRecorded(ActivityTests.exchange(1, status: 202)))
        k.send(.exchangeRecorded(ActivityScreenTests.badRequest(2)))
        XCTAssertTrue(k.state.activity.detailTakesTheSpace(sendRunning: false))
        XCTAssertFalse(k.state.activity.detailTakesTheSpace(sendRunning: true), "following a running send: no flicker with every 429")
        k.press("up")
        XCTAssertFalse(k.state.activity.detailTakesTheSpace(sendRunning: false), "a 202 selected")
        k.press("down")
        k.state.activity.followsTail = false
        XCTAssertTrue(k.state.activity.detailTakesTheSpace(sendRunning: true), "the operator chose it")
    }

    func testScrollingTheErrorsDetailStartsFromWhereItIsShown() {
        let k = Keys(Fixture.state(width: 80, height: 24)).press("5")
        k.send(.exchangeRecorded(ActivityTests.exchange(1, status: 202)))
        k.send(.exchangeRecorded(ActivityScreenTests.badRequest(2)))
        let layout = k.state.activityLayout
        let shown = k.state.activity.detailShown(rows: layout.detailRows, columns: layout.detailColumns, atError: true)
        XCTAssertGreaterThan(shown.top, 0, "opened at the response, not the request")
        XCTAssertEqual(k.state.activity.detail.top, 0, "the state keeps the text; the screen places it")
        k.press("enter up")
        XCTAssertEqual(k.state.activity.detail.top, shown.top - 1)
        XCTAssertTrue(k.state.activity.detail.wrap)
        let after = k.state.activityLayout
        XCTAssertEqual(k.state.activity.detailShown(rows: after.detailRows, columns: after.detailColumns, atError: true).top,
                       shown.top - 1, "from then on the operator's scroll is kept")
        k.press("down down down")
        XCTAssertEqual(k.state.activity.detail.top, shown.top, "down stops where the wrapped end is whole on screen")
        k.press("home")
        XCTAssertEqual(k.state.activity.detail.top, 0)
        k.press("end")
        XCTAssertEqual(k.state.activity.detail.top, shown.top)
    }

    // MARK: - the key

    func testRIsDisabledWithNoSendOrWhileItRuns() {
        let k = Keys(Fixture.state(width: 80, height: 24)).press("5 r")
        XCTAssertEqual(k.state.message?.text, "no send has run yet")
        XCTAssertTrue(AppKeymap.hintCommands(for: .activity).contains(.activity(.toggleReport)), "the hint bar offers it")
    }
}
