/// The byte-level state machine behind `CSVReader`.
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
    mutating func nextRow(maxColumns: Int) throws(CSVError) -> CSVRow? {
        guard position < bytes.count else { return nil }
        let rowLine = line, rowOffset = position
        var fields: [String] = []
        while true {
            let (field, ended) = try nextField()
            fields.append(field)
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
        while position < bytes.count {
            let b = bytes[position]
            if b == delimiter {
                let field = text(start, position)
                position += 1
                return (field, false)
            }
            if b == 0x0A || b == 0x0D {
                let field = text(start, position)
                consumeNewline()
                return (field, true)
            }
            position += 1
        }
        try checkSize(position - start, at: start)
        return (text(start, position), true)
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
                return try afterClosingQuote(buffer)
            }
            if b == 0x0A { line += 1 }
            position += 1
            if position - runStart > maxFieldBytes { try checkSize(position - runStart, at: openOffset) }
        }
        throw CSVError(message: "unterminated quoted field (the closing \" is missing)",
                       position: SourcePosition(line: openLine, column: column(of: openOffset)), offset: openOffset)
    }

    /// After `"…"`: a delimiter, a newline, the end, or (leniently) more text glued to the field.
    private mutating func afterClosingQuote(_ buffer: [UInt8]) throws(CSVError) -> (String, ended: Bool) {
        var value = buffer
        while position < bytes.count {
            let b = bytes[position]
            if b == delimiter {
                position += 1
                return (String(decoding: value, as: UTF8.self), false)
            }
            if b == 0x0A || b == 0x0D {
                consumeNewline()
                return (String(decoding: value, as: UTF8.self), true)
            }
            value.append(b)
            position += 1
        }
        return (String(decoding: value, as: UTF8.self), true)
    }

    private mutating func consumeNewline() {
        if bytes[position] == 0x0D, position + 1 < bytes.count, bytes[position + 1] == 0x0A { position += 1 }
        position += 1
        line += 1
    }

    private func text(_ from: Int, _ to: Int) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[from..<to]), as: UTF8.self) }
    }

    private func checkSize(_ size: Int, at offset: Int) throws(CSVError) {
        guard size > maxFieldBytes else { return }
        throw CSVError(message: "a field larger than \(maxFieldBytes >> 20) MiB starts here",
                       position: SourcePosition.of(offset: offset, in: bytes), offset: offset)
    }

    private func column(of offset: Int) -> Int {
        SourcePosition.of(offset: offset, in: bytes).column
    }
}
