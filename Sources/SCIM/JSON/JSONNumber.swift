/// A JSON number kept as the literal text it was written with.
///
/// `1.0`, `1e0` and `1` are different bytes on the wire; keeping the text means a payload read and
/// written back is the same payload, and large integers never pass through a Double.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    public let text: String

    /// Trusts that `text` is a valid JSON number literal; the parser is the only unchecked caller.
    init(literal text: String) { self.text = text }

    public init(_ value: Int) { self.text = String(value) }

    public init?(_ value: Double) {
        guard value.isFinite else { return nil }
        if value == value.rounded(), abs(value) < 1e15 {
            self.text = String(Int(value))
        } else {
            self.text = "\(value)"
        }
    }

    /// Parses a literal a person typed, accepting only what JSON accepts.
    public init?(parsing text: String) {
        guard JSONNumber.isValidLiteral(text) else { return nil }
        self.text = text
    }

    public var doubleValue: Double? { Double(text) }
    public var intValue: Int? { Int(text) }
    public var isInteger: Bool { !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) }
    public var description: String { text }

    static func isValidLiteral(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        guard let first = bytes.first, isDigit(first) else { return false }
        if first == UInt8(ascii: "0") {
            bytes = bytes.dropFirst()
        } else {
            bytes = bytes.drop(while: isDigit)
        }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            guard let d = bytes.first, isDigit(d) else { return false }
            bytes = bytes.drop(while: isDigit)
        }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let s = bytes.first, s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            guard let d = bytes.first, isDigit(d) else { return false }
            bytes = bytes.drop(while: isDigit)
        }
        return bytes.isEmpty
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
}
