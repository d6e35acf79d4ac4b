/// A condition on a CSV row, such as `WorkerStatus == "Active"`, for attributes like `active` that
/// HR exports do not carry as booleans (CSV2SCIM writes the same with PowerShell's `-eq`).
///
/// Grammar: `expr := term ("or" term)*`, `term := factor ("and" factor)*`,
/// `factor := "not" factor | "(" expr ")" | Column op "text" | Column "in" ["a", "b"] | true | false`
/// with `op` one of `==` `!=` (or `-eq` `-ne`). Comparisons ignore case and surrounding spaces, as
/// PowerShell's `-eq` does, because that is what mapping authors coming from CSV2SCIM expect.
/// A column name with spaces is written in brackets: `[Worker Status] == "Active"`.
public indirect enum BooleanRule: Sendable, Equatable {
    case literal(Bool)
    case equals(column: String, value: String)
    case notEquals(column: String, value: String)
    case oneOf(column: String, values: [String])
    case not(BooleanRule)
    case and(BooleanRule, BooleanRule)
    case or(BooleanRule, BooleanRule)

    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
    }

    public init(parsing text: String) throws(ParseError) {
        var parser = RuleParser(tokens: try RuleLexer.tokens(text), source: text)
        self = try parser.expression()
        guard parser.atEnd else { throw ParseError(description: "unexpected \(parser.peekDescription) in \"\(text)\"") }
    }

    /// Column names the rule reads.
    public var columns: [String] {
        switch self {
        case .literal: return []
        case .equals(let c, _), .notEquals(let c, _), .oneOf(let c, _): return [c]
        case .not(let r): return r.columns
        case .and(let a, let b), .or(let a, let b): return a.columns + b.columns
        }
    }

    /// Evaluates against a row; `value` gives a column's cell (nil when the column is absent).
    public func evaluate(_ value: (String) -> String?) -> Bool {
        func same(_ a: String?, _ b: String) -> Bool {
            (a ?? "").trimmingSpaces.lowercased() == b.trimmingSpaces.lowercased()
        }
        switch self {
        case .literal(let b): return b
        case .equals(let c, let v): return same(value(c), v)
        case .notEquals(let c, let v): return !same(value(c), v)
        case .oneOf(let c, let vs): return vs.contains { same(value(c), $0) }
        case .not(let r): return !r.evaluate(value)
        case .and(let a, let b): return a.evaluate(value) && b.evaluate(value)
        case .or(let a, let b): return a.evaluate(value) || b.evaluate(value)
        }
    }
}

enum RuleToken: Equatable {
    case word(String), text(String), op(String), open, close, listOpen, listClose, comma
}

enum RuleLexer {
    static func tokens(_ s: String) throws(BooleanRule.ParseError) -> [RuleToken] {
        var out: [RuleToken] = []
        var chars = Array(s)[...]
        while let c = chars.first {
            if c.isWhitespace { chars = chars.dropFirst(); continue }
            if c == "\"" || c == "'" {
                guard let end = chars.dropFirst().firstIndex(of: c) else { throw .init(description: "unterminated string in \"\(s)\"") }
                out.append(.text(String(chars[chars.index(after: chars.startIndex)..<end])))
                chars = chars[chars.index(after: end)...]
            } else if c == "[" && (out.last.map { if case .word("in") = $0 { true } else { false } } ?? false) {
                out.append(.listOpen); chars = chars.dropFirst()
            } else if c == "[" {
                guard let end = chars.firstIndex(of: "]") else { throw .init(description: "missing ] in \"\(s)\"") }
                out.append(.word(String(chars[chars.index(after: chars.startIndex)..<end])))
                chars = chars[chars.index(after: end)...]
            } else if c == "]" { out.append(.listClose); chars = chars.dropFirst() }
            else if c == "(" { out.append(.open); chars = chars.dropFirst() }
            else if c == ")" { out.append(.close); chars = chars.dropFirst() }
            else if c == "," { out.append(.comma); chars = chars.dropFirst() }
            else if chars.starts(with: "==") || chars.starts(with: "!=") {
                out.append(.op(String(chars.prefix(2)))); chars = chars.dropFirst(2)
            } else if c == "-", ["eq", "ne"].contains(String(chars.dropFirst().prefix(2)).lowercased()) {
                out.append(.op(String(chars.dropFirst().prefix(2)).lowercased() == "eq" ? "==" : "!=")); chars = chars.dropFirst(3)
            } else if c.isLetter || c.isNumber || c == "_" {
                let word = chars.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-" }
                out.append(.word(String(word)))
                chars = chars.dropFirst(word.count)
            } else {
                throw .init(description: "unexpected '\(c)' in \"\(s)\"")
            }
        }
        return out
    }
}

struct RuleParser {
    var tokens: [RuleToken]
    let source: String
    var index = 0

    var atEnd: Bool { index >= tokens.count }
    var peekDescription: String { atEnd ? "end" : "\(tokens[index])" }

    private func isWord(_ w: String) -> Bool {
        guard !atEnd, case .word(let x) = tokens[index] else { return false }
        return x.lowercased() == w
    }

    mutating func expression() throws(BooleanRule.ParseError) -> BooleanRule {
        var left = try term()
        while isWord("or") { index += 1; left = .or(left, try term()) }
        return left
    }

    mutating func term() throws(BooleanRule.ParseError) -> BooleanRule {
        var left = try factor()
        while isWord("and") { index += 1; left = .and(left, try factor()) }
        return left
    }

    mutating func factor() throws(BooleanRule.ParseError) -> BooleanRule {
        guard !atEnd else { throw .init(description: "the rule \"\(source)\" ends too early") }
        if isWord("not") { index += 1; return .not(try factor()) }
        if isWord("true") { index += 1; return .literal(true) }
        if isWord("false") { index += 1; return .literal(false) }
        if tokens[index] == .open {
            index += 1
            let inner = try expression()
            guard !atEnd, tokens[index] == .close else { throw .init(description: "missing ) in \"\(source)\"") }
            index += 1
            return inner
        }
        guard case .word(let column) = tokens[index] else { throw .init(description: "expected a column name in \"\(source)\"") }
        index += 1
        if isWord("in") {
            index += 1
            return .oneOf(column: column, values: try list())
        }
        guard !atEnd, case .op(let op) = tokens[index] else { throw .init(description: "expected == or != after \(column) in \"\(source)\"") }
        index += 1
        guard !atEnd else { throw .init(description: "the rule \"\(source)\" ends too early") }
        let value: String
        switch tokens[index] {
        case .text(let t), .word(let t): value = t
        default: throw .init(description: "expected a quoted value after \(op) in \"\(source)\"")
        }
        index += 1
        return op == "==" ? .equals(column: column, value: value) : .notEquals(column: column, value: value)
    }

    private mutating func list() throws(BooleanRule.ParseError) -> [String] {
        guard !atEnd, tokens[index] == .listOpen else { throw .init(description: "expected [ after in, in \"\(source)\"") }
        index += 1
        var values: [String] = []
        while !atEnd, tokens[index] != .listClose {
            switch tokens[index] {
            case .text(let t), .word(let t): values.append(t)
            case .comma: break
            default: throw .init(description: "unexpected \(tokens[index]) in a list, in \"\(source)\"")
            }
            index += 1
        }
        guard !atEnd else { throw .init(description: "missing ] in \"\(source)\"") }
        index += 1
        return values
    }
}
