/// Splits an expression into tokens. Works on Characters so that columns match what a person counts.
struct ExpressionLexer {
    private let characters: [Character]
    private var position = 0

    init(_ text: String) {
        characters = Array(text)
    }

    mutating func tokens() throws(ExpressionParseError) -> [ExpressionToken] {
        var result: [ExpressionToken] = []
        while true {
            let token = try next()
            result.append(token)
            if token.kind == .end { return result }
        }
    }

    private var column: Int { position + 1 }

    private func peek(_ offset: Int = 0) -> Character? {
        let index = position + offset
        return index < characters.count ? characters[index] : nil
    }

    private mutating func next() throws(ExpressionParseError) -> ExpressionToken {
        while let c = peek(), c.isWhitespace { position += 1 }
        let start = column
        guard let c = peek() else { return ExpressionToken(kind: .end, column: start) }
        switch c {
        case "(": position += 1; return ExpressionToken(kind: .openParenthesis, column: start)
        case ")": position += 1; return ExpressionToken(kind: .closeParenthesis, column: start)
        case ",": position += 1; return ExpressionToken(kind: .comma, column: start)
        case "\"": return ExpressionToken(kind: .string(try string()), column: start)
        case "[": return ExpressionToken(kind: .attribute(try attribute()), column: start)
        case "=", "<", ">": return ExpressionToken(kind: .comparison(comparison()), column: start)
        case "&": return ExpressionToken(kind: .number(try hexadecimal()), column: start)
        default: break
        }
        if c.isNumber || (c == "-" && peek(1)?.isNumber == true) || (c == "." && peek(1)?.isNumber == true) {
            return ExpressionToken(kind: .number(number()), column: start)
        }
        if c.isLetter || c == "_" {
            return ExpressionToken(kind: .identifier(identifier()), column: start)
        }
        throw ExpressionParseError.message("unexpected character '\(c)'", at: start)
    }

    /// Entra's string constants escape `"` and `\` with a backslash; any other backslash is kept as
    /// written, so a regular expression like "\d" survives (Microsoft's own examples double it).
    private mutating func string() throws(ExpressionParseError) -> String {
        let start = column
        position += 1
        var text = ""
        while let c = peek() {
            position += 1
            if c == "\"" { return text }
            if c == "\\", let escaped = peek(), escaped == "\"" || escaped == "\\" {
                text.append(escaped)
                position += 1
            } else {
                text.append(c)
            }
        }
        throw ExpressionParseError(column: column, expected: "'\"' to close the string that starts at column \(start)")
    }

    /// The text up to the matching `]`; brackets nest (`emails[type eq "work"].value`) and a quoted
    /// filter value may hold a `]`.
    private mutating func attribute() throws(ExpressionParseError) -> String {
        let start = column
        position += 1
        var depth = 1
        var quoted = false
        var text = ""
        while let c = peek() {
            position += 1
            if c == "\"" { quoted.toggle() }
            if !quoted && c == "[" { depth += 1 }
            if !quoted && c == "]" {
                depth -= 1
                if depth == 0 { return text.trimmingSpaces }
            }
            text.append(c)
        }
        throw ExpressionParseError(column: column, expected: "']' to close the attribute that starts at column \(start)")
    }

    private mutating func comparison() -> ComparisonOperator {
        let first = peek()
        let second = peek(1)
        position += 1
        switch (first, second) {
        case ("<", ">"): position += 1; return .notEqual
        case ("<", "="): position += 1; return .lessOrEqual
        case (">", "="): position += 1; return .greaterOrEqual
        case ("<", _): return .less
        case (">", _): return .greater
        default: return .equal
        }
    }

    private mutating func number() -> String {
        var text = ""
        if peek() == "-" { text.append("-"); position += 1 }
        while let c = peek(), c.isASCII && (c.isNumber || c == ".") {
            text.append(c)
            position += 1
        }
        return text
    }

    /// `&HF7`, the VBA hexadecimal literal BitAnd's example uses.
    private mutating func hexadecimal() throws(ExpressionParseError) -> String {
        let start = column
        guard peek(1) == "H" || peek(1) == "h" else {
            throw ExpressionParseError(column: start + 1, expected: "'H' after '&' (a hexadecimal number such as &HF7)")
        }
        position += 2
        var digits = ""
        while let c = peek(), c.isHexDigit {
            digits.append(c)
            position += 1
        }
        guard let value = Int64(digits, radix: 16) else {
            throw ExpressionParseError(column: column, expected: "hexadecimal digits")
        }
        return String(value)
    }

    private mutating func identifier() -> String {
        var text = ""
        while let c = peek(), c.isLetter || c.isNumber || c == "_" {
            text.append(c)
            position += 1
        }
        return text
    }
}

extension String {
    var trimmingSpaces: String {
        var slice = Substring(self)
        while slice.first?.isWhitespace == true { slice = slice.dropFirst() }
        while slice.last?.isWhitespace == true { slice = slice.dropLast() }
        return String(slice)
    }
}
