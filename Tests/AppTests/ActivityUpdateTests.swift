import Foundation
import Provisioning
import TerminalUI
import XCTest
@testable import App

/// `ActivityUpdate` alone: the Activity screen's state, a command or an answer, and what it asks
/// of the App, with no AppState, terminal or runner.
final class ActivityUpdateTests: XCTestCase {
    private let zone = TimeZone(identifier: "Asia/Kolkata") ?? .current
    private let around = ActivitySurroundings(showsProgress: false, exportDirectory: "/exports")
    private var context: ScreenContext {
        ScreenContext(theme: .builtinDefault, size: Size(width: 100, height: 30),
                      clock: Date(timeIntervalSince1970: 1_800_000_000), timeZone: zone)
    }

    private func summaries(_ ids: ClosedRange<Int>) -> [ExchangeSummary] {
        ids.map { ExchangeSummary(ActivityTests.exchange($0)) }
    }

    /// A state that has taken `ids` from the recorder, and the requests its settle made.
    private func recorded(_ ids: ClosedRange<Int>, into state: inout ActivityState) -> [ActivityRequest] {
        _ = ActivityUpdate.answered(&state, .recorded(summaries(ids)), context, around)
        return ActivityUpdate.settle(&state, context).compactMap { if case .run(.activity(let r)) = $0 { return r } else { return nil } }
    }

    func testSummariesFromTheRecorderAskForTheSelectedDetailOnlyAndNoPage() {
        var state = ActivityState()
        let asked = recorded(1...300, into: &state)
        XCTAssertEqual(asked, [.detail(id: 300, zone: zone)], "the newest is selected; its window came with the batch")
        XCTAssertEqual(state.total, 300)
        XCTAssertLessThanOrEqual(state.loaded.count, ActivityState.window + ActivityState.tail)
        XCTAssertTrue(state.whole.isEmpty, "no body reached the state")
        XCTAssertEqual(recorded(301...301, into: &state), [], "one detail read at a time")
    }

    func testADetailForAnExchangeNoLongerSelectedIsDroppedAndTheSelectedOneAsked() {
        var state = ActivityState()
        _ = recorded(1...5, into: &state)
        _ = recorded(6...6, into: &state)
        let late = ExchangeDetail(ActivityTests.exchange(5), zone: zone)
        _ = ActivityUpdate.answered(&state, .detailRead(id: 5, late), context, around)
        XCTAssertEqual(state.detailID, nil, "#6 is selected now")
        XCTAssertEqual(ActivityUpdate.settle(&state, context), [.run(.activity(.detail(id: 6, zone: zone)))])
        _ = ActivityUpdate.answered(&state, .detailRead(id: 6, ExchangeDetail(ActivityTests.exchange(6), zone: zone)), context, around)
        XCTAssertEqual(state.detailID, 6)
        XCTAssertTrue(state.detailText.hasPrefix("#6 bulkUpload #6 · "), state.detailText)
        XCTAssertEqual(state.selectedExchange?.id, 6, "the selected exchange is whole for curl and save")
        XCTAssertEqual(ActivityUpdate.settle(&state, context), [], "nothing more to read")
    }

    func testTheRecordersWakeUpIsTakenOnce() {
        var state = ActivityState()
        _ = ActivityUpdate.answered(&state, .recordedWaiting, context, around)
        XCTAssertEqual(ActivityUpdate.settle(&state, context), [.run(.activity(.takeRecorded))])
        XCTAssertEqual(ActivityUpdate.settle(&state, context), [])
    }

    func testExchangesSkippedByTheFeedDuringASearchAreSearchedInTheStore() {
        var state = ActivityState()
        _ = recorded(1...10, into: &state)
        state.search("req-", viewport: 20)
        _ = ActivityUpdate.settle(&state, context)
        _ = ActivityUpdate.answered(&state, .searched(query: "req-", ids: Array(1...10), upTo: 10), context, around)
        XCTAssertFalse(state.isSearching)
        let asked = recorded(500...510, into: &state)
        XCTAssertTrue(asked.contains(.search("req-")), "ids 11...499 were never seen here: \(asked)")
    }

    func testMovingAndEscapeStepBackOutOfTheDetailThenTheSearch() {
        var state = ActivityState()
        _ = recorded(1...5, into: &state)
        XCTAssertEqual(ActivityUpdate.update(&state, .move(.up), context, around), [])
        XCTAssertEqual(state.selectedID, 4)
        XCTAssertFalse(state.followsTail)
        state.search("req-4", viewport: 20)
        _ = ActivityUpdate.update(&state, .toggleDetail, context, around)
        XCTAssertTrue(state.focusOnDetail)
        _ = ActivityUpdate.update(&state, .cancelSend, context, around)
        XCTAssertFalse(state.focusOnDetail)
        XCTAssertEqual(state.query, "req-4")
        _ = ActivityUpdate.update(&state, .cancelSend, context, around)
        XCTAssertEqual(state.query, "")
        XCTAssertEqual(state.rows.count, 5)
    }

    func testCopyingWaitsForTheWholeExchangeAndThenCopiesWithoutTheToken() {
        var state = ActivityState()
        _ = recorded(1...2, into: &state)
        XCTAssertEqual(ActivityUpdate.update(&state, .copyCurl, context, around),
                       [.message(StatusMessage("exchange #2 is still being read; try again in a moment", .warning))])
        _ = ActivityUpdate.answered(&state, .detailRead(id: 2, ExchangeDetail(ActivityTests.exchange(2), zone: zone)), context, around)
        guard case .run(.copyToClipboard(let text, let what, let path))? = ActivityUpdate.update(&state, .copyCurl, context, around).first
        else { return XCTFail("no copy") }
        XCTAssertTrue(text.contains("Bearer $TOKEN") && !text.contains("eyJ0"), text)
        XCTAssertEqual(what, "curl command for #2")
        XCTAssertEqual(path, "/exports/curl-2.sh")
    }

    func testExportsOpenTheirDialogsStampedWithTheContextsClockAndZone() {
        var state = ActivityState()
        XCTAssertEqual(ActivityUpdate.update(&state, .exportHAR, context, around), [.message(StatusMessage("nothing recorded yet"))])
        _ = recorded(1...3, into: &state)
        guard case .overlay(.dialog(let dialog, .exportHAR))? = ActivityUpdate.update(&state, .exportHAR, context, around).first
        else { return XCTFail("no dialog") }
        // 1_800_000_000 is 2027-01-15 08:00:00 UTC, 13:30:00 in Kolkata.
        XCTAssertEqual(dialog.input.text, "/exports/scimterm-20270115-133000.har")
        XCTAssertTrue(dialog.message.contains("Write all 3 exchanges"), dialog.message)
        guard case .overlay(.dialog(_, .saveExchange(3)))? = ActivityUpdate.update(&state, .saveExchange, context, around).first
        else { return XCTFail("no save dialog") }
    }

    func testAnsweredExportsStreamFromTheStoreUnlessTheDetailOrSessionIsAtHand() {
        var state = ActivityState()
        _ = recorded(1...3, into: &state)
        XCTAssertEqual(ActivityUpdate.exportAnswered(state, .exportHAR, path: "/x.har", context), [.run(.activity(.exportHAR(path: "/x.har")))])
        XCTAssertEqual(ActivityUpdate.exportAnswered(state, .saveExchange(2), path: "/e.txt", context),
                       [.run(.activity(.saveExchange(id: 2, path: "/e.txt", zone: zone)))])
        let detail = ExchangeDetail(ActivityTests.exchange(3), zone: zone)
        _ = ActivityUpdate.answered(&state, .detailRead(id: 3, detail), context, around)
        XCTAssertEqual(ActivityUpdate.exportAnswered(state, .saveExchange(3), path: "/e.txt", context),
                       [.run(.writeFile(path: "/e.txt", bytes: Array((detail.text + "\n").utf8)))], "the shown text, not rebuilt")
    }
}
