/// A forward-only reader of JSON bytes that builds nothing: values stay where they are in the
/// input and are reported as byte ranges.
///
/// It serves the validator's fast path, which must never accept what `JSONParser` rejects, so it
/// accepts a subset: anything it does not take (a syntax error, nesting deeper than `maxDepth`)
/// ends the scan with `JSONScanner.Stop`, and the caller reads the text with `JSONParser` instead,
/// which names the exact error. Nothing here says why it stopped, and nothing needs to.
struct JSONScanner {
    /// The fast path's own limit: deeper text goes to the parser, whose limit is `JSONParser.maxDepth`.
    static let maxDepth = 64

    /// The scan cannot go on; the text is for `JSONParser`.
    struct Stop: Error {}

    let bytes: UnsafeBufferPointer<UInt8>
    var pos = 0
    var depth = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var atEnd: Bool { pos >= bytes.count }

    /// The byte at `pos`, or 0 past the end (never a byte that starts or continues a value).
    var peek: UInt8 { pos < bytes.count ? bytes[pos] : 0 }

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

    /// Consumes `byte` after optional whitespace, or stops.
    mutating func expect(_ byte: UInt8) throws(Stop) {
        skipWhitespace()
        guard pos < bytes.count, bytes[pos] == byte else { throw Stop() }
        pos += 1
    }

    /// After a member or element: true at `,` (consumed, and the blank after it), false at
    /// `closer` (consumed, and the container left), a stop at anything else.
    mutating func next(_ closer: UInt8) throws(Stop) -> Bool {
        skipWhitespace()
        guard pos < bytes.count else { throw Stop() }
        let b = bytes[pos]
        pos += 1
        if b == UInt8(ascii: ",") {
            skipWhitespace()
            return true
        }
        if b == closer {
            depth -= 1
            return false
        }
        throw Stop()
    }

    /// Enters the object or array at `pos`; false when it is empty (and already left). Either way
    /// `pos` is then at a non-blank byte.
    mutating func open(_ closer: UInt8) throws(Stop) -> Bool {
        depth += 1
        if depth > Self.maxDepth { throw Stop() }
        pos += 1
        skipWhitespace()
        if pos < bytes.count, bytes[pos] == closer {
            pos += 1
            depth -= 1
            return false
        }
        return true
    }

    /// Reads an object's key and the `:` after it; the key must start at the next non-blank byte.
    mutating func key() throws(Stop) -> ScannedString {
        skipWhitespace()
        guard peek == UInt8(ascii: "\"") else { throw Stop() }
        let key = try string()
        try expect(UInt8(ascii: ":"))
        skipWhitespace()
        return key
    }

    /// Reads `true`, `false` or `null` at `pos`, as `JSONParser` does: the whole run of letters and
    /// digits must be the word (`truex` is an error there too).
    mutating func literal(_ word: StaticString) throws(Stop) {
        let n = word.utf8CodeUnitCount
        guard pos + n <= bytes.count else { throw Stop() }
        let w = word.utf8Start
        for i in 0..<n where bytes[pos + i] != w[i] { throw Stop() }
        pos += n
        if pos < bytes.count, JSONByteReader.isWordByte(bytes[pos]) { throw Stop() }
    }

    /// Reads a number at `pos` (the same run of bytes the parser takes, checked against JSON's
    /// grammar); true when it is written as an integer (no `.`, `e` or `E`, as `JSONNumber.isInteger`).
    mutating func number() throws(Stop) -> Bool {
        let start = pos
        while pos < bytes.count, JSONByteReader.isNumberByte(bytes[pos]) { pos += 1 }
        var i = start
        if i < pos, bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < pos, Self.isDigit(bytes[i]) else { throw Stop() }
        if bytes[i] == UInt8(ascii: "0") { i += 1 } else { i = digits(from: i) }
        var integer = true
        if i < pos, bytes[i] == UInt8(ascii: ".") {
            integer = false
            i += 1
            guard i < pos, Self.isDigit(bytes[i]) else { throw Stop() }
            i = digits(from: i)
        }
        if i < pos, bytes[i] | 0x20 == UInt8(ascii: "e") {
            integer = false
            i += 1
            if i < pos, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard i < pos, Self.isDigit(bytes[i]) else { throw Stop() }
            i = digits(from: i)
        }
        guard i == pos else { throw Stop() }
        return integer
    }

    private func digits(from start: Int) -> Int {
        var i = start
        while i < pos, Self.isDigit(bytes[i]) { i += 1 }
        return i
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
}
