import Foundation
import SCIM
import XCTest
@testable import Provisioning

/// The command line's recorder keeps no bodies, and its HAR is streamed to the file as exchanges
/// happen yet reads as the same document the whole-session export makes.
final class RecorderRetentionTests: XCTestCase {
    let secret = "s3cr3t~Value.With-Chars"
    let token = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.secret-payload.signature"
    let start = Date(timeIntervalSince1970: 1_700_000_000)

    private func feed(_ recorder: ExchangeRecorder) async {
        let form = "client_id=abc&client_secret=\(secret)&grant_type=client_credentials"
        await recorder.record(purpose: .token,
                              request: TransportRequest(method: "POST", url: "https://login.example/t/oauth2/v2.0/token",
                                                        headers: [HTTPHeader("Content-Type", "application/x-www-form-urlencoded")], body: Array(form.utf8)),
                              response: TransportResponse(status: 200, headers: [HTTPHeader("Content-Type", "application/json")],
                                                          body: Array(#"{"access_token":"\#(token)","expires_in":3599}"#.utf8)),
                              failure: nil, startedAt: start, duration: 0.0416, attempt: 0)
        let body = #"{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[{"method":"POST","bulkId":"1","path":"/Users","data":{"externalId":"e1","password":"Hunter2!"}}]}"#
        for attempt in 0..<2 {
            await recorder.record(purpose: .bulkUpload(document: 0),
                                  request: TransportRequest(method: "POST", url: "https://graph.example/v1.0/bulkUpload?x=1",
                                                            headers: [HTTPHeader("Authorization", "Bearer \(token)"),
                                                                      HTTPHeader("Content-Type", "application/scim+json")], body: Array(body.utf8)),
                                  response: attempt == 0 ? nil : TransportResponse(status: 202, headers: [HTTPHeader("request-id", "r-1")], body: []),
                                  failure: attempt == 0 ? "connection reset" : nil,
                                  startedAt: start.addingTimeInterval(Double(attempt + 1)), duration: 0.12, attempt: attempt)
        }
    }

    private func temporaryPath(_ name: String) -> String {
        NSTemporaryDirectory() + "scimterm-har-\(UUID().uuidString)/\(name)"
    }

    func testStreamedHARIsTheDocumentTheWholeExportMakes() async throws {
        let everything = ExchangeRecorder()
        await feed(everything)
        let path = temporaryPath("send.har")
        let streaming = try ExchangeRecorder(retention: .nothing, harPath: path)
        await feed(streaming)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path), "the HAR appears only when complete")
        try await streaming.finishHAR()
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let expected = HARExport.document(await everything.all())
        XCTAssertEqual(try JSONParser.parse(bytes), expected)
        let entries = try JSONParser.parse(bytes).objectValue?["log"]?.objectValue?["entries"]?.arrayValue
        XCTAssertEqual(entries?.count, 3)
        XCTAssertEqual(entries?[2].objectValue?["response"]?.objectValue?["status"], 202)
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(bytes)))
        let text = String(decoding: bytes, as: UTF8.self)
        for leak in [secret, "secret-payload", "Hunter2!"] { XCTAssertFalse(text.contains(leak), "\(leak) leaked into the HAR") }
        XCTAssertTrue(text.contains("client_secret=[redacted]"))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
        let folder = (path as NSString).deletingLastPathComponent
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["send.har"], "no temporary file left")
        let all = await streaming.all()
        XCTAssertTrue(all.isEmpty, "streaming keeps nothing in memory")
        try? FileManager.default.removeItem(atPath: folder)
    }

    func testAnEmptySessionIsStillAValidHAR() async throws {
        let path = temporaryPath("empty.har")
        let recorder = try ExchangeRecorder(retention: .nothing, harPath: path)
        try await recorder.finishHAR()
        let har = try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        XCTAssertEqual(har, HARExport.document([]))
        try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }

    func testWithoutBodiesKeepsWhatTheSummaryReadsAndNoPayload() async throws {
        let recorder = ExchangeRecorder(retention: .withoutBodies)
        let updates = await recorder.updates()
        let heard = Task { await updates.prefix(3).reduce(into: [HTTPExchange]()) { $0.append($1) } }
        await feed(recorder)
        let kept = await recorder.all()
        XCTAssertEqual(kept.count, 3)
        XCTAssertTrue(kept.allSatisfy { $0.request.body.isEmpty && ($0.response?.body.isEmpty ?? true) }, "no body retained")
        XCTAssertEqual(kept.map(\.response?.status), [200, nil, 202])
        XCTAssertEqual(kept[2].requestId, "r-1")
        XCTAssertEqual(kept[1].failure, "connection reset")
        XCTAssertEqual(kept.map(\.durationMilliseconds), [41.6, 120, 120])
        XCTAssertEqual(kept.map(\.id), [1, 2, 3])
        let listened = await heard.value
        XCTAssertEqual(listened, kept, "listeners hear what is kept, bodies dropped")
    }

    func testNothingRetainedYetIdsStillCount() async {
        let recorder = ExchangeRecorder(retention: .nothing)
        await feed(recorder)
        let kept = await recorder.all()
        XCTAssertTrue(kept.isEmpty)
        let next = await recorder.record(purpose: .other, request: TransportRequest(method: "GET", url: "https://x.example/"),
                                         response: nil, failure: "refused", startedAt: start, duration: 0, attempt: 0)
        XCTAssertEqual(next.id, 4)
    }

    func testTheTUIRecorderStillKeepsBodies() async {
        let recorder = ExchangeRecorder()
        await feed(recorder)
        let kept = await recorder.all()
        XCTAssertFalse(kept[2].request.body.isEmpty, "the Activity pane shows request bodies")
        XCTAssertTrue(String(decoding: kept[0].response?.body ?? [], as: UTF8.self).contains("[redacted]"))
    }
}
