import Foundation
import Provisioning
import SCIM
import XCTest

/// Documents built from records that arrive a batch at a time are the documents the whole-set
/// builder makes: same chunks, same bulkIds (repeats across batches included), same bytes.
final class BulkDocumentStreamTests: XCTestCase {
    /// UUIDs numbered in the order they are asked for, so two builders asked alike answer alike.
    private final class Numbered: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        func make() -> String {
            lock.lock()
            defer { lock.unlock() }
            next += 1
            return "uuid-\(next)"
        }
    }

    private func records() -> [UserRecord] {
        // Repeated externalIds far apart, blank and missing ones, and envelopes with bulkIds of their own.
        (0..<137).map { i in
            let id = i % 40 == 39 ? "w\(i - 30)" : (i % 17 == 0 ? " " : (i % 23 == 0 ? nil : "w\(i)"))
            var data = JSONObject([(key: "userName", value: .string("u\(i)@contoso.com")), (key: "active", value: .bool(true))])
            if let id { data.insert("externalId", .string(id), at: 0) }
            if i % 3 == 0 { data.insert("title", .string("T\(i)"), at: 1) }
            let bulkId: JSONValue = i % 11 == 0 ? .string("kept-\(i % 2)") : .null
            let envelope = JSONObject([(key: "method", value: .string("POST")), (key: "bulkId", value: bulkId)])
            return UserRecord(data: data, envelope: envelope)
        }
    }

    private func streamed(_ records: [UserRecord], _ builder: BulkRequestBuilder, batches: [Int]) throws -> [BulkDocumentStream.Built] {
        var stream = BulkDocumentStream(builder: builder, expectedRecords: records.count)
        var out: [BulkDocumentStream.Built] = []
        var start = 0
        for size in batches + [records.count] where start < records.count {
            let end = min(records.count, start + size)
            stream.add(Array(records[start..<end])) { out.append($0) }
            start = end
        }
        stream.finish { out.append($0) }
        XCTAssertEqual(stream.documents, out.count)
        return out
    }

    func testEveryStrategyAndBatchingMakesTheWholeSetBuildersBytes() throws {
        let records = records()
        for strategy in BulkRequestBuilder.BulkIdStrategy.allCases {
            for size in [50, 7, 1] {
                let whole = Numbered(), parts = Numbered()
                let expected = BulkRequestBuilder(batchSize: size, bulkIds: strategy, makeUUID: whole.make).documents(for: records)
                let got = try streamed(records, BulkRequestBuilder(batchSize: size, bulkIds: strategy, makeUUID: parts.make),
                                       batches: [3, 60, 1, 0, 45])
                XCTAssertEqual(got.count, expected.count, "\(strategy) \(size)")
                for (g, e) in zip(got, expected) {
                    XCTAssertEqual(String(decoding: g.body, as: UTF8.self), String(decoding: e.bytes(), as: UTF8.self), "\(strategy) \(size)")
                    XCTAssertEqual(g.externalIds, e.recordIndices.map { records[$0].externalId ?? "" })
                }
            }
        }
    }

    func testARepeatedExternalIdInALaterBatchGetsAFreshBulkId() throws {
        let records = records()
        let got = try streamed(records, BulkRequestBuilder(batchSize: 50, bulkIds: .externalId, makeUUID: Numbered().make), batches: [20, 40])
        let operations = got.flatMap { try! XCTUnwrap(JSONParser.parse($0.body).objectValue?["Operations"]?.arrayValue) }
        let bulkIds = operations.compactMap { $0.objectValue?["bulkId"]?.stringValue }
        XCTAssertEqual(bulkIds.count, records.count)
        XCTAssertEqual(Set(bulkIds).count, bulkIds.count, "unique across the whole send")
        XCTAssertEqual(bulkIds[9], "w9")
        XCTAssertTrue(bulkIds[39].hasPrefix("uuid-"), "record 39 repeats w9, read a batch before: \(bulkIds[39])")
    }

    func testWhatEachOperationCarriesIsWhatTheJournalReadsFromTheBody() throws {
        let records = records()
        let path = NSTemporaryDirectory() + "journal-\(UUID().uuidString).sqlite"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let journal = try SendJournal(path: path)
        let built = try streamed(records, BulkRequestBuilder(batchSize: 50, makeUUID: Numbered().make), batches: [64])
        // One send journaled from the bodies (parsed back), one from what the stream says they carry.
        let parsed = try journal.beginStreaming(endpoint: "A", documents: built.map { (body: $0.body, externalIds: $0.externalIds) })
        let given = try journal.beginStreaming(endpoint: "B") { appender in
            for b in built { try appender.append(b) }
            XCTAssertEqual(appender.count, built.count)
        }
        for id in [parsed, given] {
            let stored = try XCTUnwrap(try journal.send(id))
            XCTAssertEqual(stored.documents.map(\.body), built.map(\.body))
            for i in stored.documents.indices { try journal.update(id, document: i, state: .accepted, at: Date(timeIntervalSince1970: 1_800_000_000)) }
        }
        let ids = Set(records.compactMap(\.externalId))
        let fromBodies = try journal.lastAccepted(endpoint: "A", externalIds: ids)
        XCTAssertEqual(try journal.lastAccepted(endpoint: "B", externalIds: ids), fromBodies)
        XCTAssertEqual(fromBodies["w3"]?.paths, ["username", "active", "title"])
        XCTAssertGreaterThan(fromBodies.count, 100)
    }

    func testAThrowingFillJournalsNothing() throws {
        let path = NSTemporaryDirectory() + "journal-\(UUID().uuidString).sqlite"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let journal = try SendJournal(path: path)
        struct Stop: Error {}
        XCTAssertThrowsError(try journal.beginStreaming(endpoint: "E") { appender in
            try appender.append(body: Array(#"{"Operations":[]}"#.utf8), externalIds: ["a"])
            throw Stop()
        })
        XCTAssertNil(try journal.latest(endpoint: "E"), "a send whose documents were not all built leaves no trace")
    }
}
