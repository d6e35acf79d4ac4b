/// A string value found by `JSONScanner`: where its text is (between the quotes, escapes undecoded)
/// and what the fast path needs to know of it without decoding it.
struct ScannedString {
    /// Byte offsets of the text between the quotes.
    var start: Int
    var end: Int
    /// Holds an escape (`\n`, `\u00e9`…): its bytes are not its value.
    var escaped = false
    /// Holds a byte of 0x80 or more (valid UTF-8, or the scan would have stopped).
    var nonASCII = false
    /// Its value holds a scalar `RecordRules.isSuspicious` flags (C0 and C1 controls other than
    /// tab and newlines, DEL, bidirectional overrides), written as it is or escaped.
    var suspicious = false

    var count: Int { end - start }

    /// The bytes are the value, and each byte is a character: comparisons may be made on bytes.
    var isPlainASCII: Bool { !escaped && !nonASCII }
}

extension JSONScanner {
    /// Reads a string from its opening quote, accepting exactly what `JSONByteReader.readString`
    /// accepts: no raw control characters, valid escapes (surrogates in pairs), valid UTF-8.
    mutating func string() throws(Stop) -> ScannedString {
        pos += 1
        var s = ScannedString(start: pos, end: pos)
        var high = false  // a byte ≥ 0x7F: UTF-8 to check, or DEL
        while true {
            skipPlainWords()
            guard pos < bytes.count else { throw Stop() }
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") { break }
            if b == UInt8(ascii: "\\") {
                s.escaped = true
                if try escape() { s.suspicious = true }
                continue
            }
            if b < 0x20 { throw Stop() }
            if b >= 0x7F { high = true }
            pos += 1
        }
        s.end = pos
        pos += 1
        if high { try checkRawText(&s) }
        return s
    }

    /// Moves eight bytes at a time to the first byte that ends the string or needs a look: a quote,
    /// backslash, control character, DEL or byte of 0x80 and up (most of a payload's text has none).
    @inline(__always)
    private mutating func skipPlainWords() {
        guard let base = bytes.baseAddress else { return }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        while pos + 8 <= bytes.count {
            let w = UnsafeRawPointer(base + pos).loadUnaligned(as: UInt64.self)
            let quote = w ^ (ones &* 0x22), backslash = w ^ (ones &* 0x5C), del = w ^ (ones &* 0x7F)
            // A zero byte in each of these, or a byte below 0x20, or one with its top bit set.
            let zeros = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((del &- ones) & ~del)
            let special = (zeros | (w &- ones &* 0x20) | w) & highs
            if special != 0 {
                // The lowest flag of each test marks a byte that is what it tests for (the later
                // ones may be borrows): on a little-endian load, the first such byte.
                pos += special.trailingZeroBitCount >> 3
                return
            }
            pos += 8
        }
    }

    /// Reads one escape from its backslash; true when it stands for a suspicious scalar.
    private mutating func escape() throws(Stop) -> Bool {
        guard pos + 1 < bytes.count else { throw Stop() }
        let e = bytes[pos + 1]
        pos += 2
        switch e {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return false
        case UInt8(ascii: "b"), UInt8(ascii: "f"):
            return true
        case UInt8(ascii: "u"):
            let unit = try hex4()
            if unit >= 0xDC00 && unit < 0xE000 { throw Stop() }  // a low surrogate first
            if unit >= 0xD800 && unit < 0xDC00 {
                guard pos + 1 < bytes.count, bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u") else { throw Stop() }
                pos += 2
                let low = try hex4()
                guard low >= 0xDC00 && low < 0xE000 else { throw Stop() }
                return false  // above U+FFFF: never suspicious
            }
            return Self.isSuspicious(unit)
        default:
            throw Stop()
        }
    }

    private mutating func hex4() throws(Stop) -> UInt32 {
        guard pos + 4 <= bytes.count else { throw Stop() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[pos]
            let digit: UInt32
            switch b {
            case 0x30...0x39: digit = UInt32(b - 0x30)
            case 0x41...0x46: digit = UInt32(b - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(b - 0x61 + 10)
            default: throw Stop()
            }
            value = value << 4 | digit
            pos += 1
        }
        return value
    }

    /// Mirrors `RecordRules.isSuspicious` for a scalar value.
    static func isSuspicious(_ v: UInt32) -> Bool {
        if v == 0x0A || v == 0x09 || v == 0x0D { return false }
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    /// The raw text between escapes must be valid UTF-8 piece by piece (an escape always decodes
    /// to whole characters, so this is what the parser's check of the decoded whole comes to); it
    /// is also where DEL, C1 controls and bidi overrides are written as they are.
    private func checkRawText(_ s: inout ScannedString) throws(Stop) {
        var i = s.start
        while i < s.end {
            var j = i
            while j < s.end, bytes[j] != UInt8(ascii: "\\") { j += 1 }
            let piece = UnsafeBufferPointer(rebasing: bytes[i..<j])
            guard UTF8Validation.firstInvalidOffset(piece) == piece.count else { throw Stop() }
            if Self.hasSuspiciousBytes(piece, nonASCII: &s.nonASCII) { s.suspicious = true }
            guard j < s.end else { break }
            i = j + (bytes[j + 1] == UInt8(ascii: "u") ? 6 : 2)
        }
    }

    /// DEL, U+0080–U+009F (C2 80–9F), U+202A–U+202E (E2 80 AA–AE), U+2066–U+2069 (E2 81 A6–A9),
    /// in text already known to be valid UTF-8.
    private static func hasSuspiciousBytes(_ b: UnsafeBufferPointer<UInt8>, nonASCII: inout Bool) -> Bool {
        var found = false
        for i in b.indices where b[i] >= 0x7F {
            if b[i] >= 0x80 { nonASCII = true }
            switch b[i] {
            case 0x7F: found = true
            case 0xC2 where b[i + 1] <= 0x9F: found = true
            case 0xE2 where b[i + 1] == 0x80 && (0xAA...0xAE).contains(b[i + 2]): found = true
            case 0xE2 where b[i + 1] == 0x81 && (0xA6...0xA9).contains(b[i + 2]): found = true
            default: break
            }
        }
        return found
    }
}
