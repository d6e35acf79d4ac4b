/// Why a JSON text could not be read, and where.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        case unexpectedEnd(expecting: String)
        case unexpectedByte(found: String, expecting: String)
        case invalidUTF8
        case nulByte
        case controlCharacterInString(UInt8)
        case invalidEscape(String)
        case invalidNumber(String)
        case tooDeep(limit: Int)
        case trailingContent
        case empty
    }

    public var reason: Reason
    /// Byte offset from the start of the whole input.
    public var offset: Int
    public var position: SourcePosition

    public var message: String {
        switch reason {
        case .unexpectedEnd(let expecting): return "unexpected end of input, expecting \(expecting) (truncated file?)"
        case .unexpectedByte(let found, let expecting): return "unexpected \(found), expecting \(expecting)"
        case .invalidUTF8: return "invalid UTF-8 at byte offset \(offset)"
        case .nulByte: return "NUL byte at byte offset \(offset) (binary file?)"
        case .controlCharacterInString(let b):
            return "control character \(hexByte(b)) inside a string must be escaped"
        case .invalidEscape(let s): return "invalid escape \(s) in string"
        case .invalidNumber(let s): return "invalid number '\(s)'"
        case .tooDeep(let limit): return "nesting deeper than \(limit) levels"
        case .trailingContent: return "unexpected content after the JSON value"
        case .empty: return "no JSON value (empty input)"
        }
    }

    public var description: String { "\(position): \(message)" }
}
