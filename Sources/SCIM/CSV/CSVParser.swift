/// The byte-level state machine behind `CSVReader` and `CSVRowStream`.
///
/// Works on raw bytes and only turns a field into a `String` once its end is known, so the common
/// unquoted field costs one scan and one small-string creation.
struct CSVParser {
    let bytes: [UInt8]
    var position: Int
    let delimiter: UInt8
    let maxFieldBytes: Int
    var line = 1

    init(bytes: [UInt8], position: Int, delimiter: UInt8, maxFieldBytes: Int) {
        self.bytes = bytes
        self.position = position
        self.delimiter = delimiter
        self.maxFieldBytes = maxFieldBytes
    }

    /// The next record, or nil at the end of input.
    mutating func nextRow(maxColumns: Int, expectedColumns: Int = 8) throws(CSVError) -> CSVRow? {
        guard position < bytes.count else { return nil }
        let rowLine = line, rowOffset = position
        var fields: [String] = []
        fields.reserveCapacity(expectedColumns)
        while true {
            let (field, ended) = try nextField()
            fields.append(field)
            // Checked per field, so a million-column line fails after maxColumns fields, not at its end.
            if fields.count > maxColumns {
                throw CSVError(message: "more than \(maxColumns) columns on line \(rowLine); is this really a CSV file?",
                               position: SourcePosition(line: rowLine, column: 1), offset: rowOffset)
            }
            if ended { break }
        }
        return CSVRow(fields: fields, line: rowLine, offset: rowOffset)
    }

    /// Reads one field; `ended` is true when it closed the record (newline or end of input).
    private mutating func nextField() throws(CSVError) -> (String, ended: Bool) {
        if position < bytes.count, bytes[position] == 0x22 { return try quotedField() }
        let start = position
        let end = bytes.withUnsafeBufferPointer { buffer -> Int in
            var i = start
            while i < buffer.count {
                let b = buffer[i]
                if b == delimiter || b == 0x0A || b == 0x0D { break }
                i += 1
            }
            return i
        }
        try checkSize(end - start, at: start)
        let field = text(start, end)
        position = end
        guard end < bytes.count else { return (field, true) }
        if bytes[end] == delimiter {
            position += 1
            return (field, false)
        }
        consumeNewline()
        return (field, true)
    }

    private mutating func quotedField() throws(CSVError) -> (String, ended: Bool) {
        let openOffset = position, openLine = line
        position += 1
        var buffer: [UInt8] = []
        var runStart = position
        while position < bytes.count {
            let b = bytes[position]
            if b == 0x22 {
                buffer.append(contentsOf: bytes[runStart..<position])
                if position + 1 < bytes.count, bytes[position + 1] == 0x22 {
                    buffer.append(0x22)
                    position += 2
                    runStart = position
                    continue
                }
                position += 1
                try checkSize(buffer.count, at: openOffset)
                return try afterClosingQuote(buffer, openOffset: openOffset)
            }
            if b == 0x0A { line += 1 }
            position += 1
            if buffer.count + position - runStart > maxFieldBytes { try checkSize(buffer.count + position - runStart, at: openOffset) }
        }
        throw CSVError(message: "unterminated quoted field (the closing \" is missing)",
                       position: SourcePosition(line: openLine, column: column(of: openOffset)), offset: openOffset)
    }

    /// After `"…"`: a delimiter, a newline, the end, or (leniently) more text glued to the field,
    /// as spreadsheet exports sometimes write `"12" inch`.
    private mutating func afterClosingQuote(_ buffer: [UInt8], openOffset: Int) throws(CSVError) -> (String, ended: Bool) {
        var value = buffer
        while position < bytes.count {
            let b = bytes[position]
            if b == delimiter {
                let field = String(decoding: value, as: UTF8.self)
                position += 1
                return (field, false)
            }
            if b == 0x0A || b == 0x0D {
                let field = String(decoding: value, as: UTF8.self)
                consumeNewline()
                return (field, true)
            }
            value.append(b)
            position += 1
            if value.count > maxFieldBytes { try checkSize(value.count, at: openOffset) }
        }
        return (String(decoding: value, as: UTF8.self), true)
    }

    private mutating func consumeNewline() {
        if bytes[position] == 0x0D, position + 1 < bytes.count, bytes[position + 1] == 0x0A { position += 1 }
        position += 1
        line += 1
    }

    /// `CSVReader` has validated the whole file as UTF-8 already, so decoding cannot repair anything.
    private func text(_ from: Int, _ to: Int) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[from..<to]), as: UTF8.self) }
    }

    private func checkSize(_ size: Int, at offset: Int) throws(CSVError) {
        guard size > maxFieldBytes else { return }
        throw CSVError(message: "a field larger than \(Self.describe(bytes: maxFieldBytes)) starts at byte offset \(offset)",
                       position: SourcePosition.of(offset: offset, in: bytes), offset: offset)
    }

    private func column(of offset: Int) -> Int {
        SourcePosition.of(offset: offset, in: bytes).column
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
