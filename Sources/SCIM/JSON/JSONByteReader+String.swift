extension JSONByteReader {
    /// Reads a quoted string starting at the opening quote.
    ///
    /// The common case (no escapes) is decoded straight from the input; invalid UTF-8 is an error
    /// naming the byte offset, never silently replaced, so a corrupted export is noticed.
    mutating func readString() throws(JSONParseError) -> String {
        pos += 1
        let start = pos
        var highBits: UInt8 = 0  // any byte ≥ 0x80 sets it: ASCII needs no UTF-8 validation
        while pos < bytes.count {
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<pos])
                pos += 1
                if highBits & 0x80 != 0 { try validateUTF8(slice, baseOffset: start) }
                return recentStrings.string(validUTF8: slice)
            }
            if b == UInt8(ascii: "\\") { return try readEscapedString(from: start) }
            if b < 0x20 { throw controlCharacter(b) }
            highBits |= b
            pos += 1
        }
        throw fail(.unexpectedEnd(expecting: "closing '\"' of a string"))
    }

    func controlCharacter(_ b: UInt8) -> JSONParseError {
        b == 0 ? fail(.nulByte) : fail(.controlCharacterInString(b))
    }

    private mutating func readEscapedString(from start: Int) throws(JSONParseError) -> String {
        var buffer: [UInt8] = Array(UnsafeBufferPointer(rebasing: bytes[start..<pos]))
        var offsets: [Int] = Array(start..<pos)  // maps buffer bytes back to input offsets for errors
        while pos < bytes.count {
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") {
                pos += 1
                return try buffer.withUnsafeBufferPointer { (p) throws(JSONParseError) -> String in
                    do throws(JSONParseError) {
                        return try decodeUTF8(p, baseOffset: 0)
                    } catch {
                        throw fail(.invalidUTF8, at: offsets[error.offset])
                    }
                }
            }
            if b < 0x20 { throw controlCharacter(b) }
            if b != UInt8(ascii: "\\") {
                buffer.append(b)
                offsets.append(pos)
                pos += 1
                continue
            }
            let escapeStart = pos
            pos += 1
            guard pos < bytes.count else { throw fail(.unexpectedEnd(expecting: "an escape")) }
            let scalar = try readEscape()
            let before = buffer.count
            buffer.append(contentsOf: String(Character(scalar)).utf8)
            offsets.append(contentsOf: repeatElement(escapeStart, count: buffer.count - before))
        }
        throw fail(.unexpectedEnd(expecting: "closing '\"' of a string"))
    }

    private mutating func readEscape() throws(JSONParseError) -> Unicode.Scalar {
        let e = bytes[pos]
        pos += 1
        switch e {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"): return try readUnicodeEscape()
        default: throw fail(.invalidEscape("\\" + describeByte(at: pos - 1)), at: pos - 2)
        }
    }

    private mutating func readUnicodeEscape() throws(JSONParseError) -> Unicode.Scalar {
        let at = pos - 2
        let high = try readHex4()
        if (0xD800..<0xDC00).contains(high) {
            guard pos + 1 < bytes.count, bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u") else {
                throw fail(.invalidEscape("\\u\(String(high, radix: 16)) (lone surrogate)"), at: at)
            }
            pos += 2
            let low = try readHex4()
            guard (0xDC00..<0xE000).contains(low) else {
                throw fail(.invalidEscape("\\u\(String(low, radix: 16)) (not a low surrogate)"), at: at)
            }
            let value = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            guard let scalar = Unicode.Scalar(value) else { throw fail(.invalidEscape("surrogate pair"), at: at) }
            return scalar
        }
        guard let scalar = Unicode.Scalar(high) else {
            throw fail(.invalidEscape("\\u\(String(high, radix: 16)) (lone surrogate)"), at: at)
        }
        return scalar
    }

    private mutating func readHex4() throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard pos < bytes.count else { throw fail(.unexpectedEnd(expecting: "4 hex digits")) }
            let b = bytes[pos]
            let digit: UInt32
            switch b {
            case 0x30...0x39: digit = UInt32(b - 0x30)
            case 0x41...0x46: digit = UInt32(b - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(b - 0x61 + 10)
            default: throw fail(.invalidEscape("\\u with non-hex \(describeByte(at: pos))"))
            }
            value = value << 4 | digit
            pos += 1
        }
        return value
    }

    /// Decodes UTF-8, or fails at the offset of the first byte that is not valid UTF-8.
    func decodeUTF8(_ slice: UnsafeBufferPointer<UInt8>, baseOffset: Int) throws(JSONParseError) -> String {
        try validateUTF8(slice, baseOffset: baseOffset)
        return String(decoding: slice, as: UTF8.self)
    }

    /// Fails at the offset of the first byte that is not valid UTF-8. Checked here rather than
    /// with `String(validating:)`, whose generic path cost more than the rest of string reading.
    func validateUTF8(_ slice: UnsafeBufferPointer<UInt8>, baseOffset: Int) throws(JSONParseError) {
        let invalid = UTF8Validation.firstInvalidOffset(slice)
        if invalid < slice.count { throw fail(.invalidUTF8, at: baseOffset + invalid) }
    }
}

/// Finds where UTF-8 goes wrong, for error messages that name a byte offset.
public enum UTF8Validation {
    public static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: i += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return i
            }
            guard i + length <= bytes.count else { return i }
            let end = i + length
            var j = i + 1
            while j < end {
                if bytes[j] & 0xC0 != 0x80 { return i }
                j += 1
            }
            // Overlong forms and surrogates: reject exactly what String(validating:) rejects.
            if b == 0xE0, bytes[i + 1] < 0xA0 { return i }
            if b == 0xED, bytes[i + 1] > 0x9F { return i }
            if b == 0xF0, bytes[i + 1] < 0x90 { return i }
            if b == 0xF4, bytes[i + 1] > 0x8F { return i }
            i = end
        }
        return bytes.count
    }

    public static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        let offset = bytes.withUnsafeBufferPointer { firstInvalidOffset($0) }
        return offset == bytes.count ? nil : offset
    }
}
