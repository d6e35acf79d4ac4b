/// The byte-level scanner behind `JSONParser` and `JSONLocator`.
///
/// Positions in thrown errors are byte offsets only; the caller turns them into line:column once,
/// because counting lines on every token would slow the happy path for nothing.
struct JSONByteReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var pos = 0
    var depth = 0
    private let openMembers = OpenValues<JSONObject.Member>()
    private let openElements = OpenValues<JSONValue>()
    var recentStrings = RecentStrings()

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var atEnd: Bool { pos >= bytes.count }

    func fail(_ reason: JSONParseError.Reason, at offset: Int? = nil) -> JSONParseError {
        JSONParseError(reason: reason, offset: offset ?? pos, position: SourcePosition(line: 0, column: 0))
    }

    mutating func skipBOM() {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { pos = 3 }
    }

    mutating func skipWhitespace() {
        while pos < bytes.count {
            switch bytes[pos] {
            case 0x20, 0x0A, 0x0D, 0x09: pos += 1
            default: return
            }
        }
    }

    func describeByte(at offset: Int) -> String {
        let b = bytes[offset]
        switch b {
        case 0: return "NUL byte"
        case 0x21...0x7E: return "'\(Character(Unicode.Scalar(b)))'"
        default: return "byte " + hexByte(b)
        }
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws(JSONParseError) {
        skipWhitespace()
        guard pos < bytes.count else { throw fail(.unexpectedEnd(expecting: what)) }
        guard bytes[pos] == byte else { throw unexpected(what) }
        pos += 1
    }

    func unexpected(_ expecting: String) -> JSONParseError {
        if bytes[pos] == 0 { return fail(.nulByte) }
        return fail(.unexpectedByte(found: describeByte(at: pos), expecting: expecting))
    }

    mutating func readValue() throws(JSONParseError) -> JSONValue {
        skipWhitespace()
        guard pos < bytes.count else { throw fail(.unexpectedEnd(expecting: "a value")) }
        switch bytes[pos] {
        case UInt8(ascii: "{"): return .object(try readObject())
        case UInt8(ascii: "["): return .array(try readArray())
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"): try readLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try readLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try readLiteral("null"); return .null
        case UInt8(ascii: "-"), 0x30...0x39: return .number(try readNumber())
        default: throw unexpected("a value")
        }
    }

    mutating func enter() throws(JSONParseError) {
        depth += 1
        if depth > JSONParser.maxDepth { throw fail(.tooDeep(limit: JSONParser.maxDepth)) }
    }

    mutating func readObject() throws(JSONParseError) -> JSONObject {
        try enter()
        pos += 1
        skipWhitespace()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "}") {
            pos += 1
            depth -= 1
            return JSONObject()
        }
        let base = openMembers.count
        while true {
            skipWhitespace()
            guard pos < bytes.count else { throw fail(.unexpectedEnd(expecting: "a key")) }
            guard bytes[pos] == UInt8(ascii: "\"") else { throw unexpected("a quoted key") }
            let key = try readString()
            try expect(UInt8(ascii: ":"), "':' after a key")
            let value = try readValue()
            openMembers.push((key, value))
            skipWhitespace()
            guard pos < bytes.count else { throw fail(.unexpectedEnd(expecting: "',' or '}'")) }
            if bytes[pos] == UInt8(ascii: ",") {
                pos += 1
                continue
            }
            if bytes[pos] == UInt8(ascii: "}") {
                pos += 1
                depth -= 1
                return JSONObject(openMembers.popArray(from: base))
            }
            throw unexpected("',' or '}'")
        }
    }

    mutating func readArray() throws(JSONParseError) -> [JSONValue] {
        try enter()
        pos += 1
        skipWhitespace()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "]") {
            pos += 1
            depth -= 1
            return []
        }
        let base = openElements.count
        while true {
            openElements.push(try readValue())
            skipWhitespace()
            guard pos < bytes.count else { throw fail(.unexpectedEnd(expecting: "',' or ']'")) }
            if bytes[pos] == UInt8(ascii: ",") {
                pos += 1
                continue
            }
            if bytes[pos] == UInt8(ascii: "]") {
                pos += 1
                depth -= 1
                return openElements.popArray(from: base)
            }
            throw unexpected("',' or ']'")
        }
    }

    mutating func readLiteral(_ word: StaticString) throws(JSONParseError) {
        let start = pos
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        var end = pos
        while end < bytes.count, end - start < 16, Self.isWordByte(bytes[end]) { end += 1 }
        guard end - start == expected.count, zip(bytes[start..<end], expected).allSatisfy({ $0 == $1 }) else {
            if end == bytes.count, end - start < expected.count, zip(bytes[start..<end], expected).allSatisfy({ $0 == $1 }) {
                throw fail(.unexpectedEnd(expecting: "\(word)"))
            }
            let found = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<max(end, start + 1)]), as: UTF8.self)
            throw fail(.unexpectedByte(found: "'\(found)'", expecting: "\(word)"), at: start)
        }
        pos = end
    }

    static func isWordByte(_ b: UInt8) -> Bool {
        (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || (b >= 0x30 && b <= 0x39)
    }

    mutating func readNumber() throws(JSONParseError) -> JSONNumber {
        let start = pos
        while pos < bytes.count {
            switch bytes[pos] {
            case 0x30...0x39, UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
                pos += 1
            default:
                break
            }
            if pos < bytes.count, !Self.isNumberByte(bytes[pos]) { break }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
        guard JSONNumber.isValidLiteral(text) else { throw fail(.invalidNumber(text), at: start) }
        return JSONNumber(literal: text)
    }

    static func isNumberByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-") || b == UInt8(ascii: "+") || b == UInt8(ascii: ".")
            || b == UInt8(ascii: "e") || b == UInt8(ascii: "E")
    }
}

/// `0x1B` style, without Foundation's String(format:).
func hexByte(_ b: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return "0x" + String(digits[Int(b >> 4)]) + String(digits[Int(b & 0xF)])
}
