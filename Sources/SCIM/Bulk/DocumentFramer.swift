/// Puts the operations of `CSVOperationWindow`s, taken in order, into BulkRequest documents of
/// `batchSize` operations, one per line: settles each bulkId as `BulkRequestBuilder.nextBulkId`
/// does (the proposed externalId when it is new, else a fresh UUID) and hands `write` whole
/// documents in pieces of about `flushBytes`.
struct DocumentFramer {
    let builder: BulkRequestBuilder
    let flushBytes: Int
    private(set) var records = 0
    private var used: BulkIdSet
    private var out: [UInt8] = []
    /// How much of `out` is complete documents: what is written when an error stops the input.
    private var complete = 0

    init(builder: BulkRequestBuilder, flushBytes: Int, expectedRecords: Int = 1_024) {
        self.builder = builder
        used = BulkIdSet(expected: expectedRecords)
        self.flushBytes = max(1, flushBytes)
        out.reserveCapacity(self.flushBytes + (64 << 10))
    }

    var documents: Int { (records + builder.batchSize - 1) / builder.batchSize }

    mutating func add(_ window: CSVOperationWindow, _ write: ([UInt8]) -> Void) {
        let size = builder.batchSize
        window.bytes.withUnsafeBufferPointer { ops in
            for (r, row) in window.rows.enumerated() {
                let end = r + 1 < window.rows.count ? window.rows[r + 1].start : window.used
                let opens = records % size == 0
                if opens { out.append(contentsOf: CSVBulkEmitter.head) }
                let from = opens ? row.start + 1 : row.start  // the first operation has no leading comma
                if let id = row.proposed, used.insert(id) {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: ops[from..<end]))
                } else {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: ops[from..<row.idStart]))
                    JSONWriter.writeString(freshId(), &out)
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: ops[row.idEnd..<end]))
                }
                records += 1
                if records % size == 0 { close(write, flushing: true) }
            }
        }
    }

    /// Writes the complete documents only: after an error, no half document reaches the output.
    mutating func flush(_ write: ([UInt8]) -> Void) {
        if complete > 0 { write(Array(out[..<complete])) }
        out.removeAll()
        complete = 0
    }

    /// Closes the last document and writes what is left.
    mutating func finish(_ write: ([UInt8]) -> Void) {
        if records % builder.batchSize != 0 { close(write, flushing: false) }
        if !out.isEmpty { write(out) }
        out.removeAll()
        complete = 0
    }

    private mutating func close(_ write: ([UInt8]) -> Void, flushing: Bool) {
        out.append(contentsOf: CSVBulkEmitter.tail)
        out.append(0x0A)
        complete = out.count
        guard flushing, out.count >= flushBytes else { return }
        write(out)
        out.removeAll(keepingCapacity: true)
        complete = 0
    }

    private mutating func freshId() -> String {
        while true {
            let id = builder.makeUUID()
            if used.insert(BulkIdKey(id)) { return id }
        }
    }
}
