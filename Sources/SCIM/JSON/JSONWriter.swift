/// Writes `JSONValue`s deterministically: same value, same bytes, on every run and machine.
///
/// `/` is not escaped and non-ASCII is written as UTF-8 (people read these payloads); control
/// characters are escaped so the output is always valid JSON and safe to print.
public struct JSONWriter: Sendable {
    public enum Style: Sendable, Equatable {
        case compact
        /// Indented by `indent` spaces; arrays of scalars that fit in `inlineWidth` columns stay on one line.
        case pretty(indent: Int = 2, inlineWidth: Int = 72)
    }

    public var style: Style

    public init(style: Style = .compact) { self.style = style }

    public static let compact = JSONWriter(style: .compact)
    public static let pretty = JSONWriter(style: .pretty())

    public func string(_ value: JSONValue) -> String {
        String(decoding: bytes(value), as: UTF8.self)
    }

    public func bytes(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(value, into: &out)
        return out
    }

    public func write(_ value: JSONValue, into out: inout [UInt8]) {
        switch style {
        case .compact: writeCompact(value, &out)
        case .pretty(let indent, let width): writePretty(value, level: 0, indent: indent, width: width, &out)
        }
    }

    private func writeCompact(_ value: JSONValue, _ out: inout [UInt8]) {
        switch value {
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (i, e) in elements.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                writeCompact(e, &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            out.append(UInt8(ascii: "{"))
            for (i, m) in object.members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                JSONWriter.writeString(m.key, &out)
                out.append(UInt8(ascii: ":"))
                writeCompact(m.value, &out)
            }
            out.append(UInt8(ascii: "}"))
        default:
            JSONWriter.writeScalar(value, &out)
        }
    }

    private func writePretty(_ value: JSONValue, level: Int, indent: Int, width: Int, _ out: inout [UInt8]) {
        switch value {
        case .array(let elements) where elements.isEmpty:
            out.append(contentsOf: "[]".utf8)
        case .object(let object) where object.isEmpty:
            out.append(contentsOf: "{}".utf8)
        case .array(let elements):
            if let inline = inlineScalars(elements, width: width) {
                out.append(contentsOf: inline)
                return
            }
            out.append(UInt8(ascii: "["))
            for (i, e) in elements.enumerated() {
                out.append(contentsOf: i == 0 ? [0x0A] : [UInt8(ascii: ","), 0x0A])
                pad(level + 1, indent, &out)
                writePretty(e, level: level + 1, indent: indent, width: width, &out)
            }
            out.append(0x0A)
            pad(level, indent, &out)
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            out.append(UInt8(ascii: "{"))
            for (i, m) in object.members.enumerated() {
                out.append(contentsOf: i == 0 ? [0x0A] : [UInt8(ascii: ","), 0x0A])
                pad(level + 1, indent, &out)
                JSONWriter.writeString(m.key, &out)
                out.append(contentsOf: ": ".utf8)
                writePretty(m.value, level: level + 1, indent: indent, width: width, &out)
            }
            out.append(0x0A)
            pad(level, indent, &out)
            out.append(UInt8(ascii: "}"))
        default:
            JSONWriter.writeScalar(value, &out)
        }
    }

    private func inlineScalars(_ elements: [JSONValue], width: Int) -> [UInt8]? {
        var out: [UInt8] = [UInt8(ascii: "[")]
        for (i, e) in elements.enumerated() {
            switch e {
            case .array, .object: return nil
            default: break
            }
            if i > 0 { out.append(contentsOf: ", ".utf8) }
            JSONWriter.writeScalar(e, &out)
            if out.count > width { return nil }
        }
        out.append(UInt8(ascii: "]"))
        return out
    }

    private func pad(_ level: Int, _ indent: Int, _ out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: level * indent))
    }

    static func writeScalar(_ value: JSONValue, _ out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let n): out.append(contentsOf: n.text.utf8)
        case .string(let s): writeString(s, &out)
        case .array, .object: break
        }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    static func writeString(_ s: String, _ out: inout some ByteSink) {
        var s = s
        s.withUTF8 { writeString(utf8: $0, validUTF8: true, &out) }
    }

    /// `utf8` as a JSON string: the bytes `writeString(String(decoding: utf8, as: UTF8.self))` gives,
    /// without making the `String` (the CSV converter writes fields straight from the file). Pass
    /// `validUTF8` only when the caller has validated the bytes already (the CSV reader checks the
    /// whole file once); otherwise invalid sequences become U+FFFD, as decoding makes them. At most
    /// `6 × utf8.count + 2` bytes are written.
    static func writeString(utf8: UnsafeBufferPointer<UInt8>, validUTF8: Bool = false, _ out: inout some ByteSink) {
        guard validUTF8 || UTF8Validation.firstInvalidOffset(utf8) == utf8.count else {
            return writeString(String(decoding: utf8, as: UTF8.self), &out)
        }
        out.put(UInt8(ascii: "\""))
        var runStart = 0, i = 0
        while i < utf8.count {
            // Nearly every value needs no escaping: eight bytes are cleared at a time, and runs
            // between escapes are copied whole.
            if i + 8 <= utf8.count, let base = utf8.baseAddress,
               !mayNeedEscape(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) {
                i += 8
                continue
            }
            let b = utf8[i]
            i += 1
            guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b == 0x7F else { continue }
            out.put(UnsafeBufferPointer(rebasing: utf8[runStart..<(i - 1)]))
            runStart = i
            writeEscape(b, &out)
        }
        out.put(UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        out.put(UInt8(ascii: "\""))
    }

    /// Whether one of eight bytes may be below 0x20, a quote, a backslash or DEL (the classic
    /// "has a zero byte" / "has a byte less than n" word tricks; never false when one is).
    private static func mayNeedEscape(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
        let control = (w &- ones &* 0x20) & ~w & highs
        return control | hasZero(w ^ (ones &* 0x22)) | hasZero(w ^ (ones &* 0x5C)) | hasZero(w ^ (ones &* 0x7F)) != 0
    }

    private static func writeEscape(_ b: UInt8, _ out: inout some ByteSink) {
        switch b {
        case UInt8(ascii: "\""): out.put("\\\"".utf8)
        case UInt8(ascii: "\\"): out.put("\\\\".utf8)
        case 0x0A: out.put("\\n".utf8)
        case 0x0D: out.put("\\r".utf8)
        case 0x09: out.put("\\t".utf8)
        case 0x08: out.put("\\b".utf8)
        case 0x0C: out.put("\\f".utf8)
        default:
            // DEL and the rest are escaped so a terminal never sees them raw.
            out.put("\\u00".utf8)
            out.put(hex[Int(b >> 4)])
            out.put(hex[Int(b & 0xF)])
        }
    }
}
