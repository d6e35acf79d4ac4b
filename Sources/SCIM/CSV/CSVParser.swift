/// Records as `CSVRow`s of `String` fields, for the table, the header and the diagnostics; the
/// state machine itself is `CSVScanner`, which the converter's fast path reads as byte ranges.
struct CSVParser {
    private(set) var scanner: CSVScanner
    private var spans: [CSVScanner.Span] = []

    var bytes: [UInt8] { scanner.bytes }
    var position: Int { scanner.position }
    var line: Int {
        get { scanner.line }
        set { scanner.line = newValue }
    }

    init(bytes: [UInt8], position: Int, delimiter: UInt8, maxFieldBytes: Int) {
        scanner = CSVScanner(bytes: bytes, position: position, delimiter: delimiter, maxFieldBytes: maxFieldBytes)
    }

    /// The next record, or nil at the end of input.
    mutating func nextRow(maxColumns: Int, expectedColumns: Int = 8) throws(CSVError) -> CSVRow? {
        let rowLine = scanner.line, rowOffset = scanner.position
        guard try scanner.nextRow(into: &spans, maxColumns: maxColumns) else { return nil }
        var fields: [String] = []
        fields.reserveCapacity(max(expectedColumns, spans.count))
        for span in spans { fields.append(scanner.text(span)) }
        scanner.scratch.removeAll(keepingCapacity: true)
        return CSVRow(fields: fields, line: rowLine, offset: rowOffset)
    }

    static func describe(bytes: Int) -> String {
        bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
    }

    /// Byte offset where field `index` of the row starting at `rowOffset` begins; re-scans that row only,
    /// so rows need not carry per-field offsets for the rare diagnostic that wants a column.
    static func fieldOffset(_ index: Int, rowOffset: Int, in bytes: [UInt8], delimiter: UInt8) -> Int {
        var i = rowOffset, field = 0, quoted = false
        while i < bytes.count, field < index {
            let b = bytes[i]
            if b == 0x22 {
                quoted.toggle()
            } else if !quoted {
                if b == delimiter { field += 1 } else if b == 0x0A || b == 0x0D { return i }
            }
            i += 1
        }
        return i
    }

    /// Line and column of `offset`, counted from the row's start (column 1 of `rowLine`) so that a
    /// diagnostic late in a large file does not rescan it from the top.
    static func position(of offset: Int, rowOffset: Int, rowLine: Int, in bytes: [UInt8]) -> SourcePosition {
        var line = rowLine, column = 1, i = rowOffset
        while i < min(offset, bytes.count) {
            let b = bytes[i]
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return SourcePosition(line: line, column: column)
    }
}
