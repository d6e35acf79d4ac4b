import Foundation
@testable import Provisioning
import SCIM
import XCTest

/// The Activity pane's store: exchanges written as the recorder records them (redacted), read back
/// exactly, searched, exported as HAR a page at a time; one session per run, old ones pruned.
final class ExchangeStoreTests: XCTestCase {
    private let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    private var folder = ""

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("scimterm-store-\(UUID().uuidString)").path
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private var path: String { folder + "/data/activity.sqlite" }

    /// Records `count` bulkUploads carrying a bearer token and a secret, as the client would.
    static func record(_ count: Int, into recorder: ExchangeRecorder, at t0: Date) async {
        for i in 1...count {
            let body = #"{"Operations":[{"data":{"userName":"user\#(i)@contoso.com","password":"Hunter2-\#(i)"}}]}"#
            await recorder.record(
                purpose: i == 1 ? .token : .bulkUpload(document: i - 2),
                request: TransportRequest(method: "POST", url: "https://graph.microsoft.com/v1.0/x/bulkUpload",
                                          headers: [HTTPHeader("Authorization", "Bearer eyJ0eXAiSECRETTOKEN\(i)"),
                                                    HTTPHeader("Content-Type", "application/scim+json")],
                                          body: Array(body.utf8)),
                response: TransportResponse(status: i % 7 == 0 ? 429 : 202, headers: [HTTPHeader("request-id", "req-\(i)")], body: []),
                failure: nil, startedAt: t0.addingTimeInterval(Double(i)), duration: 0.12, attempt: i % 7 == 0 ? 1 : 0)
        }
    }

    private func blocking(_ work: @escaping @Sendable () async -> Void) {
        let done = expectation(description: "recorded")
        Task.detached { await work(); done.fulfill() }
        wait(for: [done], timeout: 120)
    }

    func testExchangesComeBackExactlyAsRecordedAndTheFileIsPrivate() throws {
        let store = try ExchangeStore(path: path, now: t0)
        let memory = ExchangeRecorder()
        let disk = ExchangeRecorder(retention: .recent(2), store: store)
        blocking { [t0] in
            await Self.record(9, into: memory, at: t0)
            await Self.record(9, into: disk, at: t0)
        }
        let all = blocking(memory)
        XCTAssertEqual(try store.exchanges(ids: Array(1...9)), all)
        XCTAssertEqual(try store.exchanges(after: 7, limit: 10).map(\.id), [8, 9])
        XCTAssertEqual(try store.count(), 9)
        XCTAssertEqual(blocking(disk).map(\.id), [8, 9], "the recorder keeps only its ring in memory")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
        let raw = try String(decoding: Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        XCTAssertFalse(raw.contains("SECRETTOKEN") || raw.contains("Hunter2"), "only redacted exchanges reach the disk")
    }

    private func blocking(_ recorder: ExchangeRecorder) -> [HTTPExchange] {
        let box = ExchangesBox()
        blocking { box.value = await recorder.all() }
        return box.value
    }

    func testSearchFindsTheTextInAnyCaseAndSaysHowFarItLooked() throws {
        let store = try ExchangeStore(path: path, now: t0)
        let recorder = ExchangeRecorder(retention: .nothing, store: store)
        blocking { [t0] in await Self.record(30, into: recorder, at: t0) }
        let found = try store.search("USER17@Contoso")
        XCTAssertEqual(found.ids, [17])
        XCTAssertEqual(found.upTo, 30)
        XCTAssertEqual(try store.search("429 too many").ids, [7, 14, 21, 28], "the status line is searched too")
        XCTAssertEqual(try store.search("bulkUpload #3").ids, [4], "and the list's name for the call")
        XCTAssertEqual(try store.search("no such text").ids, [])
    }

    func testANewSessionStartsEmptyAndOldSessionsArePrunedByCountAndAge() throws {
        let first = try ExchangeStore(path: path, session: "s1", now: t0.addingTimeInterval(-8 * 86_400))
        try first.append(Self.sample(1))
        let second = try ExchangeStore(path: path, session: "s2", now: t0, keepSessions: 3)
        XCTAssertEqual(try second.count(), 0, "a new session starts empty")
        XCTAssertEqual(try second.search("bulkupload").ids, [])
        XCTAssertEqual(try second.sessions(), ["s2"], "a session older than a week is gone")
        try second.append(Self.sample(1))
        for (i, name) in ["s3", "s4", "s5"].enumerated() {
            _ = try ExchangeStore(path: path, session: name, now: t0.addingTimeInterval(Double(i + 1)), keepSessions: 3)
        }
        let latest = try ExchangeStore(path: path, session: "s6", now: t0.addingTimeInterval(10), keepSessions: 3)
        XCTAssertEqual(try latest.sessions(), ["s6", "s5", "s4"])
        XCTAssertEqual(try second.count(), 0, "a pruned session's exchanges went with it")
    }

    func testAHARExportOf5000ExchangesHasThemAllAndNoSecret() throws {
        let store = try ExchangeStore(path: path, now: t0)
        let recorder = ExchangeRecorder(retention: .recent(10), store: store)
        blocking { [t0] in await Self.record(5_000, into: recorder, at: t0) }
        let har = folder + "/out/session.har"
        XCTAssertEqual(try store.exportHAR(to: har), 5_000)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: har)))
        let entries = try JSONParser.parse(bytes).objectValue?["log"]?.objectValue?["entries"]?.arrayValue
        XCTAssertEqual(entries?.count, 5_000)
        XCTAssertEqual(entries?.last?.objectValue?["request"]?.objectValue?["postData"]?.objectValue?["text"]?.stringValue?
            .contains("user5000@contoso.com"), true)
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertFalse(text.contains("SECRETTOKEN") || text.contains("Hunter2"))
        let mode = try FileManager.default.attributesOfItem(atPath: har)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
    }

    static func sample(_ id: Int) -> HTTPExchange {
        HTTPExchange(id: id, purpose: .bulkUpload(document: id - 1), startedAt: Date(timeIntervalSince1970: 1_800_000_000),
                     request: RecordedRequest(method: "POST", url: "https://x.example/bulkUpload", headers: [], body: Array("{}".utf8)),
                     response: nil, failure: "connection reset", durationMilliseconds: 5, attempt: 0)
    }
}

private final class ExchangesBox: @unchecked Sendable {
    var value: [HTTPExchange] = []
}
