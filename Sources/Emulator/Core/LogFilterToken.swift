/// The words of a `$filter`: parentheses, commas, quoted strings (`''` is one quote) and bare words
/// (names, operators, keywords, unquoted date-times). Each keeps its position, so an error can point
/// at the part it could not read.
struct LogFilterToken: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        case open, close, comma
        case string(String)
        case word(String)
    }

    var kind: Kind
    /// Offset of the token's first character in the filter text, counted from 0 as OData does.
    var position: Int

    /// The token as the filter spelled it, for messages.
    var text: String {
        switch kind {
        case .open: return "("
        case .close: return ")"
        case .comma: return ","
        case .string(let s): return "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
        case .word(let w): return w
        }
    }

    /// The bare word lower-cased (keywords and operators are case-insensitive), nil for other tokens.
    var keyword: String? {
        if case .word(let w) = kind { return w.lowercased() }
        return nil
    }

    /// Splits `text` into tokens; a string without its closing quote is an error at its opening one.
    static func tokenize(_ text: String) -> Result<[LogFilterToken], LogFilterError> {
        let chars = Array(text)
        var tokens: [LogFilterToken] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace { i += 1; continue }
            switch c {
            case "(": tokens.append(LogFilterToken(kind: .open, position: i)); i += 1
            case ")": tokens.append(LogFilterToken(kind: .close, position: i)); i += 1
            case ",": tokens.append(LogFilterToken(kind: .comma, position: i)); i += 1
            case "'":
                guard let (value, end) = quoted(chars, from: i) else {
                    return .failure(LogFilterError("a string that is never closed (a quote inside a string is written '')", at: i))
                }
                tokens.append(LogFilterToken(kind: .string(value), position: i))
                i = end
            default:
                let start = i
                while i < chars.count, !chars[i].isWhitespace, !"(),'".contains(chars[i]) { i += 1 }
                tokens.append(LogFilterToken(kind: .word(String(chars[start..<i])), position: start))
            }
        }
        return .success(tokens)
    }

    /// The string opening at `start` and the index after its closing quote; `''` inside is one quote.
    private static func quoted(_ chars: [Character], from start: Int) -> (String, Int)? {
        var value = ""
        var i = start + 1
        while i < chars.count {
            if chars[i] == "'" {
                guard i + 1 < chars.count, chars[i + 1] == "'" else { return (value, i + 1) }
                value.append("'")
                i += 2
            } else {
                value.append(chars[i])
                i += 1
            }
        }
        return nil
    }
}

/// Why a filter cannot be read, and where.
struct LogFilterError: Error, Equatable, Sendable {
    var what: String
    var position: Int
    /// What would have been accepted, when that helps.
    var hint: String?

    init(_ what: String, at position: Int, hint: String? = nil) {
        self.what = what
        self.position = position
        self.hint = hint
    }

    /// "Unsupported filter: unknown property 'foo' at position 12; …": Graph's 400 message.
    var message: String {
        "Unsupported filter: \(what) at position \(position)" + (hint.map { "; " + $0 } ?? "")
    }
}
