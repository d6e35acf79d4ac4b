import Foundation

/// RFC 4180 CSV over bytes: quoted fields, doubled quotes, embedded newlines, CRLF or LF, a UTF-8
/// BOM, and `,` `;` or tab detected from the header line.
///
/// Lenient where exports are sloppy (a stray quote inside an unquoted field is kept as text, blank
/// lines are skipped), strict where guessing would corrupt data (an unterminated quote, invalid
/// UTF-8, NUL bytes, absurd widths or field sizes).
public struct CSVReader: Sendable {
    /// A header (or row) wider than this is refused at once: real HR exports have tens of columns,
    /// and a binary or one-line file must not be split into millions of fields first.
    public var maxColumns = 10_000
    public var maxFieldBytes = 16 << 20
    /// Forces a delimiter instead of detecting it.
    public var delimiter: UInt8?

    public init() {}

    /// The whole table in memory; for large files `rows(_:)` converts row by row instead.
    public func read(_ bytes: [UInt8]) throws(CSVError) -> CSVTable {
        var stream = try rows(bytes)
        var rows: [CSVRow] = []
        rows.reserveCapacity(bytes.count / 128)
        while let row = try stream.next() { rows.append(row) }
        return CSVTable(header: stream.header, rows: rows, delimiter: stream.delimiter)
    }

    /// Checks the encoding, reads the header, and returns a stream of the data rows. A caller that
    /// passes `checkingEncoding: false` must call `checkEncoding` itself before using any row (and
    /// before reporting any other error, so that a binary file is named as one first).
    public func rows(_ bytes: [UInt8], checkingEncoding: Bool = true) throws(CSVError) -> CSVRowStream {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        if checkingEncoding { try Self.checkEncoding(bytes) }
        let delimiter = self.delimiter ?? Self.detectDelimiter(bytes, from: start)
        var parser = CSVParser(bytes: bytes, position: start, delimiter: delimiter, maxFieldBytes: maxFieldBytes)
        // Leading blank lines are skipped so that the first non-empty line is the header.
        var header: CSVRow?
        while let row = try parser.nextRow(maxColumns: maxColumns) {
            if row.isBlank { continue }
            header = row
            break
        }
        guard let header else {
            throw CSVError(message: "the file is empty (no header line)", position: SourcePosition(line: 1, column: 1), offset: 0)
        }
        return CSVRowStream(parser: parser, header: header.fields.map { $0.trimmingSpaces }, headerLine: header.line,
                            delimiter: delimiter, maxColumns: maxColumns)
    }

    /// One pass before parsing, so that fields can be decoded without re-validation and a binary
    /// file is refused before anything else is said about it.
    static func checkEncoding(_ bytes: [UInt8]) throws(CSVError) {
        if let nul = firstNUL(bytes) {
            throw CSVError(message: "NUL byte at byte offset \(nul) (binary file?)", position: SourcePosition.of(offset: nul, in: bytes), offset: nul)
        }
        if let bad = firstInvalidUTF8(bytes) {
            throw CSVError(message: "invalid UTF-8 at byte offset \(bad) (save the file as UTF-8)",
                           position: SourcePosition.of(offset: bad, in: bytes), offset: bad)
        }
    }

    static func firstNUL(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBytes { raw -> Int? in
            guard let base = raw.baseAddress, let hit = memchr(base, 0, raw.count) else { return nil }
            return base.distance(to: UnsafeRawPointer(hit))
        }
    }

    /// `UTF8Validation.firstInvalidOffset`, run only on the stretches of non-ASCII bytes: an HR
    /// export is mostly ASCII, skipped eight bytes at a time. A sequence never holds an ASCII
    /// byte, so each stretch starts on a character boundary and the first offset is the same.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { p -> Int? in
            guard let base = p.baseAddress else { return nil }
            var i = 0
            while i < p.count {
                if i + 8 <= p.count, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
                if p[i] < 0x80 {
                    i += 1
                    continue
                }
                var end = i + 1
                while end < p.count, p[end] >= 0x80 { end += 1 }
                let stretch = UnsafeBufferPointer(rebasing: p[i..<end])
                let bad = UTF8Validation.firstInvalidOffset(stretch)
                if bad != stretch.count { return i + bad }
                i = end
            }
            return nil
        }
    }

    /// The most frequent of `,` `;` tab on the first line, outside quotes; `,` on a tie or when none occurs.
    static func detectDelimiter(_ bytes: [UInt8], from start: Int) -> UInt8 {
        var comma = 0, semicolon = 0, tab = 0
        var quoted = false
        var i = start
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x22 {
                quoted.toggle()
            } else if !quoted {
                if b == 0x0A || b == 0x0D {
                    if comma + semicolon + tab > 0 { break }  // a blank first line: look at the next one
                } else if b == 0x2C { comma += 1 } else if b == 0x3B { semicolon += 1 } else if b == 0x09 { tab += 1 }
            }
            i += 1
        }
        if semicolon > comma && semicolon >= tab { return 0x3B }
        if tab > comma && tab > semicolon { return 0x09 }
        return 0x2C
    }
}

/// Data rows of a CSV file, one at a time, after its header.
public struct CSVRowStream: Sendable {
    var parser: CSVParser
    public let header: [String]
    /// 1-based line of the header (after any leading blank lines).
    public let headerLine: Int
    public let delimiter: UInt8
    let maxColumns: Int

    /// The next non-blank row, or nil at the end. A trailing empty line is not a row.
    public mutating func next() throws(CSVError) -> CSVRow? {
        while let row = try parser.nextRow(maxColumns: maxColumns, expectedColumns: header.count) {
            if row.isBlank { continue }
            return row
        }
        return nil
    }

    /// Where field `index` of `row` starts, for diagnostics about one cell.
    public func position(ofField index: Int, in row: CSVRow) -> SourcePosition {
        let offset = CSVParser.fieldOffset(index, rowOffset: row.offset, in: parser.bytes, delimiter: delimiter)
        return CSVParser.position(of: offset, rowOffset: row.offset, rowLine: row.line, in: parser.bytes)
    }
}

extension CSVRow {
    /// An empty line parses as one empty field; it carries no data, so it is skipped.
    var isBlank: Bool { fields.count == 1 && fields[0].isEmpty }
}

extension String {
    var trimmingSpaces: String {
        guard let first = utf8.first, let last = utf8.last,
              first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 else { return self }
        return String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
