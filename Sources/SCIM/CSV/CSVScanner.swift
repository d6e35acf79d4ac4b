/// The byte-level CSV state machine: a record's fields as byte ranges, never as `String`s.
///
/// Both readers stand on it: `CSVParser` turns the ranges into `String`s for the table and the
/// diagnostics, and the converter's fast path (`CSVOperationWindow`) writes JSON straight from them.
/// A field whose text differs from its bytes in the file (a doubled quote, text glued after the
/// closing quote) is copied unescaped into `scratch`; every other field is a range of `bytes`.
struct CSVScanner {
    /// Where a field's text is: `bytes[start..<end]`, or `scratch[start..<end]` when `inScratch`.
    struct Span: Equatable {
        var start: Int
        var end: Int
        var inScratch: Bool

        var count: Int { end - start }
    }

    let bytes: [UInt8]
    var position: Int
    let delimiter: UInt8
    let maxFieldBytes: Int
    var line = 1
    /// Unescaped quoted fields; appended to, never cleared while the caller holds spans into it.
    var scratch: [UInt8] = []

    init(bytes: [UInt8], position: Int, delimiter: UInt8, maxFieldBytes: Int) {
        self.bytes = bytes
        self.position = position
        self.delimiter = delimiter
        self.maxFieldBytes = maxFieldBytes
    }

    /// Fills `fields` (cleared first) with the next record's fields; false at the end of input.
    mutating func nextRow(into fields: inout [Span], maxColumns: Int) throws(CSVError) -> Bool {
        fields.removeAll(keepingCapacity: true)
        guard position < bytes.count else { return false }
        let rowLine = line, rowOffset = position
        while true {
            let ended = try nextField(into: &fields)
            // Checked per field, so a million-column line fails after maxColumns fields, not at its end.
            if fields.count > maxColumns {
                throw CSVError(message: "more than \(maxColumns) columns on line \(rowLine); is this really a CSV file?",
                               position: SourcePosition(line: rowLine, column: 1), offset: rowOffset)
            }
            if ended { return true }
        }
    }

    /// Reads one field; true when it closed the record (newline or end of input).
    private mutating func nextField(into fields: inout [Span]) throws(CSVError) -> Bool {
        if position < bytes.count, bytes[position] == 0x22 { return try quotedField(into: &fields) }
        let start = position, delimiter = self.delimiter
        let end = bytes.withUnsafeBufferPointer { buffer -> Int in
            var i = start
            while i < buffer.count {
                let b = buffer[i]
                if b == delimiter || b == 0x0A || b == 0x0D { break }
                i += 1
            }
            return i
        }
        if end - start > maxFieldBytes { try checkSize(end - start, at: start) }
        fields.append(Span(start: start, end: end, inScratch: false))
        position = end
        guard end < bytes.count else { return true }
        if bytes[end] == delimiter {
            position += 1
            return false
        }
        consumeNewline()
        return true
    }

    /// `"…"` with `""` for a quote; the field stays a range of the file unless it holds `""`.
    private mutating func quotedField(into fields: inout [Span]) throws(CSVError) -> Bool {
        let openOffset = position, openLine = line
        position += 1
        var copied: Int?  // where this field's text starts in `scratch`, once it needed copying
        var runStart = position
        while position < bytes.count {
            let b = bytes[position]
            if b == 0x22 {
                let before = copied.map { scratch.count - $0 } ?? 0
                if position + 1 < bytes.count, bytes[position + 1] == 0x22 {
                    if copied == nil { copied = scratch.count }
                    scratch.append(contentsOf: bytes[runStart..<position])
                    scratch.append(0x22)
                    position += 2
                    runStart = position
                    continue
                }
                let closing = position
                position += 1
                try checkSize(before + closing - runStart, at: openOffset)
                if let copied { scratch.append(contentsOf: bytes[runStart..<closing]); return try afterClosingQuote(from: copied, openOffset: openOffset, into: &fields) }
                return try afterClosingQuote(run: runStart..<closing, openOffset: openOffset, into: &fields)
            }
            if b == 0x0A { line += 1 }
            position += 1
            let length = (copied.map { scratch.count - $0 } ?? 0) + position - runStart
            if length > maxFieldBytes { try checkSize(length, at: openOffset) }
        }
        throw CSVError(message: "unterminated quoted field (the closing \" is missing)",
                       position: SourcePosition(line: openLine, column: column(of: openOffset)), offset: openOffset)
    }

    /// After a `"…"` that is still a range of the file: usually a delimiter or a newline follows.
    private mutating func afterClosingQuote(run: Range<Int>, openOffset: Int, into fields: inout [Span]) throws(CSVError) -> Bool {
        if position < bytes.count, bytes[position] != delimiter, bytes[position] != 0x0A, bytes[position] != 0x0D {
            let copied = scratch.count
            scratch.append(contentsOf: bytes[run])
            return try afterClosingQuote(from: copied, openOffset: openOffset, into: &fields)
        }
        fields.append(Span(start: run.lowerBound, end: run.upperBound, inScratch: false))
        return endField()
    }

    /// After `"…"` copied to `scratch` from `copied`: a delimiter, a newline, the end, or (leniently)
    /// more text glued to the field, as spreadsheet exports sometimes write `"12" inch`.
    private mutating func afterClosingQuote(from copied: Int, openOffset: Int, into fields: inout [Span]) throws(CSVError) -> Bool {
        while position < bytes.count {
            let b = bytes[position]
            if b == delimiter || b == 0x0A || b == 0x0D { break }
            scratch.append(b)
            position += 1
            if scratch.count - copied > maxFieldBytes { try checkSize(scratch.count - copied, at: openOffset) }
        }
        fields.append(Span(start: copied, end: scratch.count, inScratch: true))
        return endField()
    }

    /// At the delimiter, newline or end that closes a quoted field: true when the record ended.
    private mutating func endField() -> Bool {
        guard position < bytes.count else { return true }
        if bytes[position] == delimiter {
            position += 1
            return false
        }
        consumeNewline()
        return true
    }

    private mutating func consumeNewline() {
        if bytes[position] == 0x0D, position + 1 < bytes.count, bytes[position + 1] == 0x0A { position += 1 }
        position += 1
        line += 1
    }

    private func checkSize(_ size: Int, at offset: Int) throws(CSVError) {
        guard size > maxFieldBytes else { return }
        throw CSVError(message: "a field larger than \(CSVParser.describe(bytes: maxFieldBytes)) starts at byte offset \(offset)",
                       position: SourcePosition.of(offset: offset, in: bytes), offset: offset)
    }

    private func column(of offset: Int) -> Int {
        SourcePosition.of(offset: offset, in: bytes).column
    }

    /// The field's text as a `String`: for the table, diagnostics and the rare typed value.
    /// The reader validated the whole file as UTF-8 already, so decoding cannot repair anything.
    func text(_ span: Span) -> String {
        withBytes(span) { String(decoding: $0, as: UTF8.self) }
    }

    /// The field's bytes, wherever they are.
    func withBytes<R>(_ span: Span, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        (span.inScratch ? scratch : bytes).withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[span.start..<span.end])) }
    }
}
