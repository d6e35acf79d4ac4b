@testable import App
import AppTesting
import Foundation
import SCIM
import TerminalUI
import XCTest

/// `PreviewUpdate` on its own: a preview state and a key or command in, the next state and the
/// requests to the App out.
final class PreviewUpdatePureTests: XCTestCase {
    private let context = ScreenContext(theme: .builtinDefault, size: Size(width: 100, height: 30),
                                        clock: Date(timeIntervalSince1970: 0), timeZone: TimeZone(identifier: "UTC") ?? .current)

    /// Five users in documents of two: 3 documents.
    private func preview() -> PreviewState {
        let store = RecordStore((1...5).map { Fixture.user(String($0), "u\($0)@contoso.com") })
        return PreviewState(store: store, builder: BulkRequestBuilder(batchSize: 2))
    }

    private func update(_ state: inout PreviewState, _ command: PreviewCommand, selected: Int? = nil) -> [ScreenEffect] {
        PreviewUpdate.update(&state, command, context, selected: selected)
    }

    func testDocumentsStepWithinTheSetAndAskNothingOfTheApp() {
        var state = preview()
        XCTAssertEqual(state.documents.count, 3)
        XCTAssertEqual(update(&state, .previousDocument), [])
        XCTAssertEqual(state.index, 0)
        _ = update(&state, .nextDocument)
        _ = update(&state, .nextDocument)
        _ = update(&state, .nextDocument)
        XCTAssertEqual(state.index, 2)
        XCTAssertEqual(state.prettyBytes, state.documents[2].bytes(style: .pretty()))
    }

    func testSearchLineTakesEveryKeyAndEnterSaysHowManyMatched() {
        var state = preview()
        XCTAssertEqual(PreviewUpdate.key(&state, .character("u"), context).handled, false, "no search line open")
        _ = update(&state, .search)
        for c in "u2@" { XCTAssertEqual(PreviewUpdate.key(&state, .character(c), context).handled, true) }
        XCTAssertEqual(state.searchField?.text, "u2@")
        let (handled, requests) = PreviewUpdate.key(&state, .enter, context)
        XCTAssertTrue(handled)
        XCTAssertNil(state.searchField)
        XCTAssertEqual(requests, [.message(StatusMessage("1 match (n / N)"))])
        XCTAssertEqual(state.pane.matches.count, 1)
    }

    func testASearchThatFindsNothingWarns() {
        var state = preview()
        _ = update(&state, .search)
        _ = PreviewUpdate.key(&state, .paste("nobody"), context)
        XCTAssertEqual(PreviewUpdate.key(&state, .enter, context).1,
                       [.message(StatusMessage("\"nobody\" not found in this document", .warning))])
    }

    func testJumpShowsTheUsersOperationAndSwitchesToThePreview() {
        var state = preview()
        XCTAssertEqual(update(&state, .jumpToUser, selected: 3),
                       [.switchTo(.preview), .message(StatusMessage("document 2, operation 1 (bulkId 3)"))])
        XCTAssertEqual(state.index, 1)
        XCTAssertEqual(state.pane.lines[state.pane.top], "    {")
        XCTAssertEqual(update(&state, .jumpToUser, selected: nil), [.switchTo(.preview)], "no user: just the screen")
        XCTAssertEqual(update(&state, .jumpToUser, selected: 99), [.switchTo(.preview)], "not in the set: nothing said")
    }

    func testSaveAsAsksForAPathNamingTheDocumentCount() {
        var state = preview()
        guard case .overlay(.dialog(let dialog, .saveAs)?)? = update(&state, .saveAs).first else { return XCTFail("no dialog") }
        XCTAssertEqual(dialog.message, "Write the 3 document(s), pretty, to:")
        XCTAssertTrue(dialog.input.text.hasPrefix("preview-") && dialog.input.text.hasSuffix(".json"), dialog.input.text)
        var other = state
        guard case .overlay(.dialog(let inFolder, .saveAs)?)? = PreviewUpdate.update(&other, .saveAs, context, selected: nil, exportDirectory: "/x/exports").first
        else { return XCTFail("no dialog") }
        XCTAssertTrue(inFolder.input.text.hasPrefix("/x/exports/preview-"), "proposed in the exports folder: \(inFolder.input.text)")
    }

    func testPagingMovesByThePaneDrawnForTheContextsSize() {
        var state = preview()
        _ = update(&state, .move(.pageDown))
        let tall = state.pane.top
        XCTAssertGreaterThan(tall, 0)
        var small = preview()
        let short = ScreenContext(theme: .builtinDefault, size: Size(width: 100, height: 16),
                                  clock: Date(timeIntervalSince1970: 0), timeZone: TimeZone(identifier: "UTC") ?? .current)
        _ = PreviewUpdate.update(&small, .move(.pageDown), short, selected: nil)
        XCTAssertLessThan(small.pane.top, tall, "a smaller screen pages by fewer lines")
    }
}
