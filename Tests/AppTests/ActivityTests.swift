import App
import AppTesting
import Foundation
import Provisioning
import SCIM
import TerminalUI
import XCTest

/// The Activity screen and pane: the list follows new exchanges, the detail shows everything a
/// support case needs, search, and the exports (HAR, one exchange, curl).
final class ActivityTests: XCTestCase {
    static func exchange(_ id: Int, status: Int = 202, purpose: HTTPExchange.Purpose? = nil, attempt: Int = 0,
                         body: String = #"{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[]}"#) -> HTTPExchange {
        HTTPExchange(
            id: id, purpose: purpose ?? .bulkUpload(document: id - 1), startedAt: Date(timeIntervalSince1970: 1_800_000_000 + Double(id)),
            request: RecordedRequest(method: "POST", url: "https://graph.microsoft.com/v1.0/servicePrincipals/sp/synchronization/jobs/job/bulkUpload",
                                     headers: [HTTPHeader("Authorization", "Bearer eyJ0…[redacted]"), HTTPHeader("Content-Type", "application/scim+json"),
                                               HTTPHeader("client-request-id", "c-\(id)")],
                                     body: Array(body.utf8)),
            response: RecordedResponse(status: status, headers: [HTTPHeader("request-id", "req-\(id)")], body: status == 202 ? [] : Array(#"{"error":{"code":"TooManyRequests"}}"#.utf8)),
            failure: nil, durationMilliseconds: 120, attempt: attempt)
    }

    private func onActivity(_ count: Int, width: Int = 100, height: Int = 30) -> Keys {
        let k = Keys(Fixture.state(width: width, height: height))
        k.press("5")
        for id in 1...count { k.send(.exchangeRecorded(Self.exchange(id, status: id == 2 ? 429 : 202, attempt: id == 3 ? 1 : 0))) }
        return k
    }

    func testTheListFollowsTheNewestUntilTheOperatorMovesAway() {
        let k = onActivity(3)
        XCTAssertEqual(k.state.activity.selected?.id, 3)
        k.press("up")
        XCTAssertFalse(k.state.activity.followsTail)
        k.send(.exchangeRecorded(Self.exchange(4)))
        XCTAssertEqual(k.state.activity.selected?.id, 2, "stays where the operator is")
        XCTAssertTrue(k.text.contains("paused on #2 (End follows)"), k.text)
        k.press("end")
        XCTAssertTrue(k.state.activity.followsTail)
        k.send(.exchangeRecorded(Self.exchange(5)))
        XCTAssertEqual(k.state.activity.selected?.id, 5)
    }

    func testADuplicatePostedAtStartUpIsIgnored() {
        let k = onActivity(3)
        k.send(.exchangeRecorded(Self.exchange(2, status: 429)))
        XCTAssertEqual(k.state.activity.exchanges.map(\.id), [1, 2, 3])
    }

    func testTheDetailShowsRequestResponseAndTheIdsForASupportCase() {
        let k = onActivity(2)
        let screen = k.text
        XCTAssertTrue(screen.contains("#2 bulkUpload #2 · 429 Too Many Requests · request-id req-2"), screen)
        XCTAssertTrue(screen.contains("client-request-id: c-2"), screen)
        XCTAssertTrue(screen.contains("Authorization: Bearer eyJ0…[redacted]"), screen)
        k.press("enter")
        XCTAssertTrue(k.state.activity.focusOnDetail)
        for _ in 0..<12 { k.press("down") }
        XCTAssertTrue(k.text.contains("HTTP/1.1 429 Too Many Requests"), k.text)
        XCTAssertTrue(k.text.contains("\"code\": \"TooManyRequests\""), "bodies are pretty JSON:\n\(k.text)")
    }

    func testSearchNarrowsTheListToExchangesContainingTheText() {
        let k = onActivity(4)
        k.press("/").type("req-3").press("enter")
        XCTAssertEqual(k.state.activity.rows.count, 1)
        XCTAssertEqual(k.state.activity.selected?.id, 3)
        XCTAssertTrue(k.text.contains("1 contain \"req-3\""), k.text)
        k.press("escape")
        XCTAssertEqual(k.state.activity.rows.count, 4, "Esc clears the search when no send runs")
    }

    func testCopyAsCurlGoesToTheClipboardWithoutTheToken() throws {
        let k = onActivity(1)
        k.state.exportDirectory = "/tmp/exports"
        k.press("c")
        guard case .copyToClipboard(let text, _, let path)? = k.effects.last else { return XCTFail("\(k.effects)") }
        XCTAssertTrue(text.hasPrefix("curl -sS -i -X POST 'https://graph.microsoft.com/v1.0/servicePrincipals/sp/"), text)
        XCTAssertTrue(text.contains("Bearer $TOKEN"), text)
        XCTAssertFalse(text.contains("eyJ0"), text)
        XCTAssertEqual(path, "/tmp/exports/curl-1.sh")
    }

    func testCopyAsPowerShellGoesToTheClipboardWithoutTheToken() throws {
        let k = onActivity(1)
        k.state.exportDirectory = "/tmp/exports"
        k.press("p")
        guard case .copyToClipboard(let text, _, let path)? = k.effects.last else { return XCTFail("\(k.effects)") }
        XCTAssertTrue(text.contains("Invoke-MgGraphRequest -Method POST -Uri 'https://graph.microsoft.com/v1.0/servicePrincipals/sp/"), text)
        XCTAssertTrue(text.contains("Invoke-RestMethod -Method Post -Uri 'https://graph.microsoft.com/"), text)
        XCTAssertTrue(text.contains("-Headers @{Authorization = \"Bearer $token\"}"), text)
        XCTAssertFalse(text.contains("eyJ0"), text)
        XCTAssertEqual(path, "/tmp/exports/powershell-1.ps1")
    }

    func testHARExportWritesEveryExchangeAsJSON() throws {
        let k = onActivity(3)
        k.press("h")
        XCTAssertTrue(k.text.contains("Export HAR"), k.text)
        k.press("ctrl-u").type("/tmp/x.har").press("enter")
        guard case .writeFile("/tmp/x.har", let bytes)? = k.effects.last else { return XCTFail("\(k.effects)") }
        let har = try JSONParser.parse(bytes)
        XCTAssertEqual(har.objectValue?["log"]?.objectValue?["entries"]?.arrayValue?.count, 3)
        XCTAssertFalse(String(decoding: bytes, as: UTF8.self).contains("eyJ0eXAi"))
    }

    func testSaveOneExchange() {
        let k = onActivity(2)
        k.press("w ctrl-u").type("/tmp/e.txt").press("enter")
        guard case .writeFile("/tmp/e.txt", let bytes)? = k.effects.last else { return XCTFail("\(k.effects)") }
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("#2 bulkUpload #2"), text)
        XCTAssertTrue(text.contains("request-id: req-2"), text)
    }

    func testF2ShowsThePaneUnderAnyScreen() {
        let k = onActivity(3)
        k.press("2 f2")
        XCTAssertTrue(k.state.activity.split)
        let screen = k.screen()
        XCTAssertTrue(screen.contains { $0.contains("Activity · 3 exchanges") }, k.text)
        XCTAssertTrue(screen.last?.contains("USERS") ?? false, "one status line, at the bottom")
        XCTAssertTrue(k.text.contains("zoe.angstrom@contoso.com"), "the screen above still shows")
        k.press("f2")
        XCTAssertFalse(k.text.contains("Activity · 3 exchanges"))
    }
}
