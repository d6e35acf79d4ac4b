/// Reads JSON text into `JSONValue`s, keeping key order and number literals.
///
/// Hand-written over bytes because Foundation's JSONSerialization loses key order and number text,
/// and because every error must name a line and column a person can jump to.
public enum JSONParser {
    /// Deep enough for any SCIM payload, shallow enough that a hostile file cannot exhaust the stack.
    public static let maxDepth = 256

    /// Parses exactly one JSON value; anything but whitespace after it is an error.
    public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        let values = try parseSequence(bytes, allowMany: false)
        guard let first = values.first else { throw error(.empty, at: 0, in: bytes) }
        return first.value
    }

    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    /// Parses whitespace-separated JSON values (one document, JSON Lines, or documents concatenated).
    public static func parseSequence(_ bytes: [UInt8]) throws(JSONParseError) -> [(value: JSONValue, range: Range<Int>)] {
        try parseSequence(bytes, allowMany: true)
    }

    private static func parseSequence(_ bytes: [UInt8], allowMany: Bool) throws(JSONParseError)
        -> [(value: JSONValue, range: Range<Int>)]
    {
        let result: Result<[(value: JSONValue, range: Range<Int>)], JSONParseError> = bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONByteReader(buffer)
            var values: [(value: JSONValue, range: Range<Int>)] = []
            do {
                reader.skipBOM()
                reader.skipWhitespace()
                while !reader.atEnd {
                    if !allowMany && !values.isEmpty { throw reader.fail(.trailingContent) }
                    let start = reader.pos
                    let value = try reader.readValue()
                    values.append((value, start..<reader.pos))
                    reader.skipWhitespace()
                }
                return .success(values)
            } catch let e as JSONParseError {
                return .failure(e)
            } catch {
                return .failure(reader.fail(.empty))
            }
        }
        switch result {
        case .success(let values): return values
        case .failure(let failure): throw error(failure.reason, at: failure.offset, in: bytes)
        }
    }

    static func error(_ reason: JSONParseError.Reason, at offset: Int, in bytes: [UInt8]) -> JSONParseError {
        JSONParseError(reason: reason, offset: offset, position: SourcePosition.of(offset: offset, in: bytes))
    }
}
