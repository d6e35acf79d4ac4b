import Foundation

/// Finds the top-level values of a JSON sequence (JSON Lines, concatenated documents) without
/// building them, so they can be parsed on several cores at once.
enum JSONSequenceSplitter {
    /// Byte ranges of top-level values; nil when the text is not a plain sequence of objects and
    /// arrays (the caller then parses sequentially and reports errors precisely).
    static func ranges(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> [Range<Int>]? {
        var ranges: [Range<Int>] = []
        var depth = 0, inString = false, escaped = false, valueStart = -1
        var i = start
        while i < bytes.count {
            let b = bytes[i]
            if inString {
                if escaped { escaped = false } else if b == 0x5C { escaped = true } else if b == 0x22 { inString = false }
            } else {
                switch b {
                case 0x22: inString = true
                case 0x7B, 0x5B:
                    if depth == 0 { valueStart = i }
                    depth += 1
                case 0x7D, 0x5D:
                    depth -= 1
                    if depth < 0 { return nil }
                    if depth == 0 { ranges.append(valueStart..<(i + 1)) }
                case 0x20, 0x0A, 0x0D, 0x09: break
                default:
                    if depth == 0 { return nil }  // a bare scalar at top level: let the parser explain
                }
            }
            i += 1
        }
        return depth == 0 && !inString ? ranges : nil
    }
}

extension JSONParser {
    /// `parseSequence`, spread over the machine's cores for large inputs; same result, same errors.
    public static func parseSequenceConcurrently(_ bytes: [UInt8]) throws(JSONParseError) -> [(value: JSONValue, range: Range<Int>)] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard bytes.count > 1 << 20, cores > 1 else { return try parseSequence(bytes) }
        let start = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        guard let ranges = bytes.withUnsafeBufferPointer({ JSONSequenceSplitter.ranges($0, from: start) }), ranges.count > 1 else {
            return try parseSequence(bytes)
        }
        let chunks = min(cores, ranges.count)
        let results = ConcurrentSlots<[(value: JSONValue, range: Range<Int>)]>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            bytes.withUnsafeBufferPointer { buffer in
                let lower = ranges.count * chunk / chunks, upper = ranges.count * (chunk + 1) / chunks
                var out: [(value: JSONValue, range: Range<Int>)] = []
                out.reserveCapacity(upper - lower)
                // One reader for the whole chunk, so its scratch stacks and string cache are reused.
                var reader = JSONByteReader(buffer)
                for r in ranges[lower..<upper] {
                    reader.pos = r.lowerBound
                    guard let value = try? reader.readValue(), reader.pos == r.upperBound else {
                        results[chunk] = nil
                        return
                    }
                    out.append((value, r))
                }
                results[chunk] = out
            }
        }
        var all: [(value: JSONValue, range: Range<Int>)] = []
        all.reserveCapacity(ranges.count)
        for chunk in 0..<chunks {
            // Any failure: parse again sequentially, which names the exact error and position.
            guard let part = results[chunk] else { return try parseSequence(bytes) }
            all += part
        }
        return all
    }
}
