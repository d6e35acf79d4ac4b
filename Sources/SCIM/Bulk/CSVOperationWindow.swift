/// One window of CSV rows parsed, mapped and written as BulkRequest operations on a worker, straight
/// from the file's bytes: no `String` per field, no value tree, no per-row allocation.
///
/// Each row becomes `,{"method":"POST","bulkId":ID,"path":"/Users","data":{…}}` in `bytes`, with ID
/// the row's externalId: what the bulkId will be unless that id is blank or was used before, which
/// only the ordered loop knows (`CSVBulkEmitter`); then it puts a UUID between `idStart` and `idEnd`.
struct CSVOperationWindow: Sendable {
    struct Row: Sendable {
        /// Where the row's operation starts in `bytes`, at its leading comma.
        var start: Int
        var idStart: Int
        var idEnd: Int
        /// The externalId written as the bulkId, nil when there is none to propose.
        var proposed: BulkIdKey?
    }

    /// The operations in `bytes[..<used]`; the rest is room (rows are written through a cursor
    /// into room made beforehand, so `bytes.count` is the room, not what was written).
    var bytes: [UInt8] = []
    var used = 0
    var rows: [Row] = []
    var diagnostics: [Diagnostic] = []
    /// Where the next record starts, and the lines consumed (the parser's count, CRLF as one).
    var end = 0
    var lines = 0
    var error: CSVError?

    /// How a worker turns rows into operations: resolved once, then read-only.
    struct Writer: Sendable {
        let mapper: CSVRowMapper
        let record: RecordByteWriter
        let reader: CSVReader
        let delimiter: UInt8
        /// The externalId's slot, or nil when every bulkId is a UUID (or no step writes externalId).
        let idSlot: Int?

        init(mapper: CSVRowMapper, reader: CSVReader, delimiter: UInt8, proposeExternalIds: Bool) {
            self.mapper = mapper
            self.reader = reader
            self.delimiter = delimiter
            record = RecordByteWriter(mapper.plan)
            idSlot = proposeExternalIds ? mapper.plan.layout.externalIdSlot : nil
        }
    }

    static let opHead = Array(#",{"method":"POST","bulkId":"#.utf8)
    static let opData = Array(#","path":"/Users","data":"#.utf8)

    /// Parses and writes the records that start before `bound`, from `start` on line `line` (0 when
    /// provisional); record numbers count from 0 within the window. Stops at the first error.
    /// `buffer` is an empty buffer to write into, whose capacity is reused (`ByteBufferPool`).
    init(_ bytes: [UInt8], from start: Int, to bound: Int, line: Int, writer: Writer, buffer: [UInt8] = []) {
        var scanner = CSVScanner(bytes: bytes, position: start, delimiter: writer.delimiter, maxFieldBytes: writer.reader.maxFieldBytes)
        scanner.line = line
        var fields: [CSVScanner.Span] = []
        fields.reserveCapacity(writer.mapper.header.count + 1)
        var slots = [SlotValue](repeating: .none, count: writer.mapper.plan.layout.slotCount)
        var typed: [UInt8] = []
        self.bytes = buffer
        if self.bytes.count < (bound - start) * 4 { self.bytes = [UInt8](repeating: 0, count: (bound - start) * 4) }
        do {
            while scanner.position < bound {
                let rowLine = scanner.line, rowOffset = scanner.position
                guard try scanner.nextRow(into: &fields, maxColumns: writer.reader.maxColumns) else { break }
                defer { scanner.scratch.removeAll(keepingCapacity: true) }
                if fields.count == 1, fields[0].count == 0 { continue }  // a blank line carries no data
                typed.removeAll(keepingCapacity: true)
                writer.mapper.map(fields, in: scanner, line: rowLine, offset: rowOffset, index: rows.count,
                                  into: &slots, typed: &typed, diagnostics: &diagnostics)
                append(slots, typed: typed, row: scanner, writer: writer)
            }
        } catch {
            self.error = error
        }
        end = scanner.position
        lines = scanner.line - line
    }

    private mutating func append(_ slots: [SlotValue], typed: [UInt8], row: CSVScanner, writer: Writer) {
        var proposed: BulkIdKey?
        if let slot = writer.idSlot, let id = Self.proposedId(slots[slot], row: row, constants: writer.mapper.plan) {
            proposed = BulkIdKey(id)
        }
        let start = used
        var idStart = 0, idEnd = 0
        slots.withUnsafeBufferPointer { slots in
            typed.withUnsafeBufferPointer { typed in
                row.bytes.withUnsafeBufferPointer { source in
                    row.scratch.withUnsafeBufferPointer { scratch in
                        let record = RecordByteWriter.Row(slots: slots, typed: typed, source: source, scratch: scratch)
                        let id = proposed.map { 6 * $0.text.utf8.count + 2 } ?? 0
                        let room = Self.opHead.count + id + Self.opData.count + writer.record.bound(record) + 1
                        if start + room > bytes.count { bytes += repeatElement(0, count: max(room, bytes.count)) }
                        bytes.withUnsafeMutableBufferPointer { buffer in
                            guard let base = buffer.baseAddress else { return }
                            var out = ByteCursor(base + start)
                            Self.opHead.withUnsafeBufferPointer { out.put($0) }
                            idStart = out.position - base
                            if let proposed { JSONWriter.writeString(proposed.text, &out) }
                            idEnd = out.position - base
                            Self.opData.withUnsafeBufferPointer { out.put($0) }
                            writer.record.write(record, into: &out)
                            out.put(UInt8(ascii: "}"))
                            used = out.position - base
                        }
                    }
                }
            }
        }
        rows.append(Row(start: start, idStart: idStart, idEnd: idEnd, proposed: proposed))
    }

    /// The externalId as `BulkRequestBuilder.nextBulkId` reads it: a string that is not blank.
    private static func proposedId(_ value: SlotValue, row: CSVScanner, constants plan: CSVPlan) -> String? {
        let id: String?
        switch value {
        case .field(let span): id = row.text(span)
        case .constant(let step):
            guard case .constant(let constant) = plan.steps[step].source else { return nil }
            id = constant.stringValue
        case .none, .json, .bool: id = nil
        }
        guard let id, !id.isBlank else { return nil }
        return id
    }
}
