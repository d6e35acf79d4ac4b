import Foundation

/// CSV straight to BulkRequest JSON Lines: rows become value slots, and documents are written from
/// the slots on every core, with no JSON tree in between. This is `scimterm convert`'s path for CSV;
/// its bytes equal those of `CSVConverter` + `BulkRequestBuilder` + `JSONWriter` (a test holds them
/// together), it is only faster and smaller.
public struct CSVBulkEmitter: Sendable {
    public var converter = CSVConverter()
    public var builder: BulkRequestBuilder

    public init(builder: BulkRequestBuilder) { self.builder = builder }

    public struct Summary: Sendable {
        public var records = 0
        public var documents = 0
        public var diagnostics: [Diagnostic] = []
    }

    /// Rows are parsed and mapped in windows of this many bytes on every core (`forEachRowInChunks`).
    var chunkBytes = 1 << 20

    /// Writes one document per line through `write`, in order. Rows are parsed and mapped on every
    /// core while the previous group of documents is written: parsing and writing overlap.
    public func emit(_ bytes: [UInt8], mapping: CSVMapping?, extensionURN: String? = nil,
                     write: ([UInt8]) -> Void) throws(CSVError) -> Summary {
        var summary = Summary()
        var used = Set<String>()
        var pending: [[JSONValue?]] = []
        var layout: RecordLayout?
        var inFlight: InFlight?
        let group = builder.batchSize * 64
        pending.reserveCapacity(group)
        summary.diagnostics = try converter.forEachRowInChunks(bytes, mapping: mapping, extensionURN: extensionURN,
                                                               chunkBytes: chunkBytes) { slots, plan in
            if layout == nil { layout = plan.layout }
            pending.append(slots)
            if pending.count == group, let layout {
                inFlight?.finish(write)
                inFlight = start(pending, layout: layout, used: &used, summary: &summary)
                pending.removeAll(keepingCapacity: true)
            }
        }
        inFlight?.finish(write)
        if let layout, !pending.isEmpty { start(pending, layout: layout, used: &used, summary: &summary).finish(write) }
        return summary
    }

    static let head = Array(#"{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":["#.utf8)
    static let tail = Array(#"],"failOnErrors":null}"#.utf8)

    /// A group of documents being written on other threads.
    struct InFlight {
        let group: DispatchGroup
        let parts: ConcurrentSlots<[UInt8]>
        let count: Int

        func finish(_ write: ([UInt8]) -> Void) {
            group.wait()
            for i in 0..<count { write(parts[i] ?? []) }
        }
    }

    /// Chooses the bulkIds (in order, here) and starts writing the group's documents elsewhere.
    private func start(_ rows: [[JSONValue?]], layout: RecordLayout, used: inout Set<String>, summary: inout Summary) -> InFlight {
        let idSlot = layout.externalIdSlot
        let ids = rows.map { slots in builder.nextBulkId(externalId: idSlot.flatMap { slots[$0]?.stringValue }, used: &used) }
        let size = builder.batchSize
        let documents = (rows.count + size - 1) / size
        let chunks = documents >= 16 ? min(ProcessInfo.processInfo.activeProcessorCount, 8) : 1
        let parts = ConcurrentSlots<[UInt8]>(count: chunks)
        let group = DispatchGroup()
        for chunk in 0..<chunks {
            DispatchQueue.global().async(group: group) {
                var out: [UInt8] = []
                out.reserveCapacity(rows.count / chunks * 900)
                for d in (documents * chunk / chunks)..<(documents * (chunk + 1) / chunks) {
                    CSVBulkEmitter.writeDocument(rows[(d * size)..<min((d + 1) * size, rows.count)],
                                                 ids: ids[(d * size)..<min((d + 1) * size, rows.count)], layout: layout, into: &out)
                }
                parts[chunk] = out
            }
        }
        summary.records += rows.count
        summary.documents += documents
        return InFlight(group: group, parts: parts, count: chunks)
    }

    static func writeDocument(_ rows: ArraySlice<[JSONValue?]>, ids: ArraySlice<String>, layout: RecordLayout, into out: inout [UInt8]) {
        out.append(contentsOf: head)
        for (n, (slots, id)) in zip(rows, ids).enumerated() {
            if n > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: #"{"method":"POST","bulkId":"#.utf8)
            JSONWriter.writeString(id, &out)
            out.append(contentsOf: #","path":"/Users","data":"#.utf8)
            layout.writeRecord(slots, into: &out)
            out.append(UInt8(ascii: "}"))
        }
        out.append(contentsOf: tail)
        out.append(0x0A)
    }
}
