import Foundation

extension JSONParser {
    /// `parseSequence`, spread over the machine's cores for large inputs; same result, same errors.
    ///
    /// The text is cut into a few pieces per core, each cut just after a newline followed by `{` or
    /// `[`: where JSON Lines and concatenated documents start their values. Each piece is then read
    /// as a sequence of its own, which gives exactly what one reading from the start would, as long
    /// as every piece ends where its last value does. A cut that fell inside a value (pretty-printed
    /// JSON with a nested object at column 1) breaks that; the text is then read again in one go,
    /// which also names the exact error of an invalid file.
    public static func parseSequenceConcurrently(_ bytes: [UInt8]) throws(JSONParseError) -> [(value: JSONValue, range: Range<Int>)] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard bytes.count > 1 << 20, cores > 1 else { return try parseSequence(bytes) }
        let cuts = bytes.withUnsafeBufferPointer { valueStarts($0, near: (1..<cores * 4).map { bytes.count * $0 / (cores * 4) }) }
        let pieces = zip([0] + cuts, cuts + [bytes.count]).map { $0..<$1 }
        guard pieces.count > 1 else { return try parseSequence(bytes) }
        let results = ConcurrentSlots<[(value: JSONValue, range: Range<Int>)]>(count: pieces.count)
        DispatchQueue.concurrentPerform(iterations: pieces.count) { piece in
            results[piece] = bytes.withUnsafeBufferPointer { readPiece($0, pieces[piece], isFirst: piece == 0) }
        }
        var all: [(value: JSONValue, range: Range<Int>)] = []
        for piece in pieces.indices {
            guard let values = results[piece] else { return try parseSequence(bytes) }
            all += values
        }
        return all
    }

    /// For each target offset (in increasing order), the first offset at or after it that follows
    /// a newline and holds `{` or `[`, without repeats; none once the end is reached without one.
    private static func valueStarts(_ bytes: UnsafeBufferPointer<UInt8>, near targets: [Int]) -> [Int] {
        var cuts: [Int] = []
        for target in targets {
            var i = max(target, (cuts.last ?? 0) + 1, 1)
            while i < bytes.count, !(bytes[i - 1] == 0x0A && (bytes[i] == UInt8(ascii: "{") || bytes[i] == UInt8(ascii: "["))) {
                i += 1
            }
            guard i < bytes.count else { break }
            cuts.append(i)
        }
        return cuts
    }

    /// The values starting in `piece`, or nil if one is invalid or runs past the piece's end.
    private static func readPiece(_ bytes: UnsafeBufferPointer<UInt8>, _ piece: Range<Int>, isFirst: Bool)
        -> [(value: JSONValue, range: Range<Int>)]?
    {
        var reader = JSONByteReader(bytes)
        if isFirst { reader.skipBOM() } else { reader.pos = piece.lowerBound }
        var values: [(value: JSONValue, range: Range<Int>)] = []
        reader.skipWhitespace()
        while reader.pos < piece.upperBound {
            let start = reader.pos
            guard let value = try? reader.readValue() else { return nil }
            values.append((value, start..<reader.pos))
            reader.skipWhitespace()
        }
        return reader.pos == piece.upperBound ? values : nil
    }
}
