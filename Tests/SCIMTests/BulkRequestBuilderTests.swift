import XCTest
@testable import SCIM

final class BulkRequestBuilderTests: XCTestCase {
    private func counter() -> @Sendable () -> String {
        let box = Counter()
        return { box.next() }
    }

    private func record(_ externalId: String?, extra: [(String, JSONValue)] = []) -> UserRecord {
        var r = UserRecord()
        r.externalId = externalId
        r.userName = "u\(externalId ?? "")@contoso.com"
        r.active = true
        for (k, v) in extra { r.data.append(k, v) }
        return r
    }

    func testChunksIntoDocumentsOfAtMostFifty() {
        let records = (0..<120).map { record(String($0)) }
        let docs = BulkRequestBuilder().documents(for: records)
        XCTAssertEqual(docs.map(\.operationCount), [50, 50, 20])
        XCTAssertEqual(docs[2].recordIndices.first, 100)
        XCTAssertEqual(BulkRequestBuilder(batchSize: 500).batchSize, 50, "never above Entra's limit")
        XCTAssertEqual(BulkRequestBuilder(batchSize: 7).documents(for: records).count, 18)
    }

    func testDocumentShapeMatchesEntra() throws {
        let doc = try XCTUnwrap(BulkRequestBuilder().documents(for: [record("701984")]).first)
        let o = try XCTUnwrap(doc.value.objectValue)
        XCTAssertEqual(o.keys, ["schemas", "Operations", "failOnErrors"])
        XCTAssertEqual(o["failOnErrors"], .null)
        XCTAssertEqual(o["schemas"], [.string(SCIMSchema.bulkRequest)])
        let op = try XCTUnwrap(o["Operations"]?.arrayValue?.first?.objectValue)
        XCTAssertEqual(op.keys, ["method", "bulkId", "path", "data"])
        XCTAssertEqual(op["method"], "POST")
        XCTAssertEqual(op["path"], "/Users")
        XCTAssertEqual(op["bulkId"], "701984")
        XCTAssertEqual(op["data"]?.objectValue?.keys.first, "schemas")
    }

    func testSchemasListExactlyThePresentExtensions() throws {
        var r = record("1", extra: [("urn:contoso:employee", ["badge": "42"]), ("urn:unused:listed", .string("not an object"))])
        r.schemas = [SCIMSchema.user, "urn:ietf:params:scim:schemas:extension:sap:2.0:User"]
        let doc = try XCTUnwrap(BulkRequestBuilder().documents(for: [r]).first)
        let data = try XCTUnwrap(doc.value.objectValue?["Operations"]?.arrayValue?.first?.objectValue?["data"]?.objectValue)
        XCTAssertEqual(data["schemas"], [.string(SCIMSchema.user), .string(SCIMSchema.enterpriseUser), "urn:contoso:employee"])
        XCTAssertEqual(data.keys, ["externalId", "userName", "active", "urn:contoso:employee", "urn:unused:listed", "schemas"],
                       "schemas stays where the record had it")
    }

    func testBulkIdsAreUniqueWhateverTheInput() {
        let records = [record("1"), record("1"), record(""), record(nil), record("2")]
        let docs = BulkRequestBuilder(makeUUID: counter()).documents(for: records)
        XCTAssertEqual(docs[0].bulkIds, ["1", "uuid-1", "uuid-2", "uuid-3", "2"])
        let uuids = BulkRequestBuilder(bulkIds: .uuid, makeUUID: counter()).documents(for: records)
        XCTAssertEqual(uuids[0].bulkIds, ["uuid-1", "uuid-2", "uuid-3", "uuid-4", "uuid-5"])
    }

    func testOriginalBulkIdsAreKeptEvenWhenRepeated() {
        var a = record("1"), b = record("2")
        a.envelope = ["bulkId": "same"]
        b.envelope = ["bulkId": "same"]
        let docs = BulkRequestBuilder(bulkIds: .original, makeUUID: counter()).documents(for: [a, b])
        XCTAssertEqual(docs[0].bulkIds, ["same", "same"], "--bulk-id original keeps a repeat: it reproduces the payload")
    }
}

/// A thread-safe counter for deterministic UUIDs in tests.
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func next() -> String {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return "uuid-\(value)"
    }
}

final class CSVBulkEmitterTests: XCTestCase {
    func testEmittedBytesEqualConvertThenBuildThenWrite() throws {
        var csv = "externalId,userName,active,name.givenName,emails[type eq \"work\"].value,Badge\n"
        for i in 0..<5_123 {
            let id = i % 97 == 0 ? "dup" : (i % 211 == 0 ? "" : "e\(i)")
            csv += "\(id),\"Zoë, \(i)\",\(i % 2 == 0),Ana\(i),\(i % 3 == 0 ? "a\(i)@c.com" : ""),\(i % 5 == 0 ? "B\(i)" : "")\n"
        }
        let bytes = Array(csv.utf8)
        for (size, urn) in [(50, "urn:contoso:employee"), (7, nil)] {
            let records = try CSVConverter().convert(bytes, mapping: nil, extensionURN: urn).records
            var expected: [UInt8] = []
            for d in BulkRequestBuilder(batchSize: size, makeUUID: Counter().next).documents(for: records) { expected += d.bytes() + [0x0A] }
            var emitted: [UInt8] = []
            let summary = try CSVBulkEmitter(builder: BulkRequestBuilder(batchSize: size, makeUUID: Counter().next))
                .emit(bytes, mapping: nil, extensionURN: urn) { emitted += $0 }
            XCTAssertEqual(summary.records, 5_123)
            XCTAssertEqual(summary.documents, (5_123 + size - 1) / size)
            XCTAssertEqual(emitted.count, expected.count, "batch \(size)")
            XCTAssertTrue(emitted == expected, "batch \(size): emitted bytes differ from the built documents")
        }
    }
}
