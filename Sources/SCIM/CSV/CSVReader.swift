/// RFC 4180 CSV over bytes: quoted fields, doubled quotes, embedded newlines, CRLF or LF, a UTF-8
/// BOM, and `,` `;` or tab detected from the header line.
///
/// Lenient where exports are sloppy (a stray quote inside an unquoted field is kept as text), strict
/// where guessing would corrupt data (an unterminated quote, invalid UTF-8, NUL bytes).
public struct CSVReader: Sendable {
    /// A header wider than this is refused at once: real HR exports have tens of columns.
    public var maxColumns = 10_000
    public var maxFieldBytes = 16 << 20
    /// Forces a delimiter instead of detecting it.
    public var delimiter: UInt8?

    public init() {}

    public func read(_ bytes: [UInt8]) throws(CSVError) -> CSVTable {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        try Self.checkEncoding(bytes)
        let delimiter = self.delimiter ?? Self.detectDelimiter(bytes, from: start)
        var parser = CSVParser(bytes: bytes, position: start, delimiter: delimiter, maxFieldBytes: maxFieldBytes)
        guard let header = try parser.nextRow(maxColumns: maxColumns) else {
            throw CSVError(message: "the file is empty (no header line)", position: SourcePosition(line: 1, column: 1), offset: 0)
        }
        var rows: [CSVRow] = []
        rows.reserveCapacity(bytes.count / 128)
        while let row = try parser.nextRow(maxColumns: max(maxColumns, header.fields.count * 2)) {
            if row.fields.count == 1 && row.fields[0].isEmpty { continue }  // blank line
            rows.append(row)
        }
        return CSVTable(header: header.fields.map { $0.trimmingSpaces }, rows: rows, delimiter: delimiter)
    }

    static func checkEncoding(_ bytes: [UInt8]) throws(CSVError) {
        if let nul = bytes.firstIndex(of: 0) {
            throw CSVError(message: "NUL byte at byte offset \(nul) (binary file?)", position: SourcePosition.of(offset: nul, in: bytes), offset: nul)
        }
        if let bad = UTF8Validation.firstInvalidOffset(bytes) {
            throw CSVError(message: "invalid UTF-8 at byte offset \(bad) (save the file as UTF-8)",
                           position: SourcePosition.of(offset: bad, in: bytes), offset: bad)
        }
    }

    /// The most frequent of `,` `;` tab on the first line, outside quotes; `,` on a tie.
    static func detectDelimiter(_ bytes: [UInt8], from start: Int) -> UInt8 {
        var counts: [UInt8: Int] = [0x2C: 0, 0x3B: 0, 0x09: 0]
        var quoted = false
        var i = start
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x22 { quoted.toggle() } else if !quoted {
                if b == 0x0A || b == 0x0D { break }
                if counts[b] != nil { counts[b, default: 0] += 1 }
            }
            i += 1
        }
        let best = counts.max { a, b in a.value < b.value || (a.value == b.value && a.key != 0x2C && b.key == 0x2C) }
        return (best?.value ?? 0) > 0 ? best?.key ?? 0x2C : 0x2C
    }
}

extension String {
    var trimmingSpaces: String {
        guard first == " " || last == " " else { return self }
        return String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
