import Foundation

/// Writes BulkRequest documents straight from records, batch after batch, without building a JSON
/// tree for each document: what `scimterm convert` uses for 100,000 users in bounded memory.
///
/// The bytes are exactly those of `BulkDocument.bytes()` for the same records and bulkIds (a test
/// holds the two together), so preview and send agree with convert.
public struct BulkStreamWriter {
    public var builder: BulkRequestBuilder
    private var used = Set<String>()
    private var pending: [UserRecord] = []
    public private(set) var documentCount = 0
    public private(set) var recordCount = 0

    public init(builder: BulkRequestBuilder) {
        self.builder = builder
        pending.reserveCapacity(builder.batchSize * 64)
    }

    /// Queues a record; full documents are written to `out` in groups, on every core.
    public mutating func add(_ record: UserRecord, to out: inout [UInt8], separator: [UInt8] = [0x0A]) {
        pending.append(record)
        if pending.count >= builder.batchSize * 64 { flush(to: &out, separator: separator, final: false) }
    }

    /// Writes what is queued, including a last partial document when `final`.
    public mutating func flush(to out: inout [UInt8], separator: [UInt8] = [0x0A], final: Bool = true) {
        let size = builder.batchSize
        let full = final ? pending.count : pending.count / size * size
        guard full > 0 else { return }
        let batch = Array(pending[..<full])
        pending.removeFirst(full)
        let ids = batch.map { builder.nextBulkId(for: $0, used: &used) }
        let documents = (batch.count + size - 1) / size
        let cores = min(ProcessInfo.processInfo.activeProcessorCount, 8)
        let chunks = documents >= 16 ? cores : 1
        let parts = ConcurrentSlots<[UInt8]>(count: chunks)
        let work: @Sendable (Int) -> Void = { chunk in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(batch.count / chunks * 800)
            let lower = documents * chunk / chunks, upper = documents * (chunk + 1) / chunks
            for d in lower..<upper {
                let range = (d * size)..<min((d + 1) * size, batch.count)
                BulkStreamWriter.writeDocument(batch[range], ids: ids[range], into: &bytes)
                bytes.append(contentsOf: separator)
            }
            parts[chunk] = bytes
        }
        if chunks == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: chunks, execute: work) }
        for chunk in 0..<chunks { out.append(contentsOf: parts[chunk] ?? []) }
        documentCount += documents
        recordCount += batch.count
    }

    static let head = Array(#"{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":["#.utf8)
    static let tail = Array(#"],"failOnErrors":null}"#.utf8)

    /// One compact BulkRequest, byte for byte what `JSONWriter.compact` makes of the built tree.
    static func writeDocument(_ records: ArraySlice<UserRecord>, ids: ArraySlice<String>, into out: inout [UInt8]) {
        out.append(contentsOf: head)
        for (n, (record, id)) in zip(records, ids).enumerated() {
            if n > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: #"{"method":"POST","bulkId":"#.utf8)
            JSONWriter.writeString(id, &out)
            out.append(contentsOf: #","path":"/Users","data":"#.utf8)
            JSONWriter.compact.write(.object(record.normalizedData()), into: &out)
            out.append(UInt8(ascii: "}"))
        }
        out.append(contentsOf: tail)
    }
}
