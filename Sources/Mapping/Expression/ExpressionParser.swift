/// Recursive descent over the tokens:
///
///     expression := operand (comparison operand)?
///     operand    := name '(' arguments? ')' | '[' attribute ']' | string | number | name
///     arguments  := argument? (',' argument?)*        — an empty argument is `.omitted`
struct ExpressionParser {
    private let tokens: [ExpressionToken]
    private var index = 0
    private var depth = 0

    /// Deeper nesting than any real mapping; the limit keeps the recursive parser and evaluator
    /// well inside a thread's stack (the emulator evaluates on server threads).
    static let maximumDepth = 200

    init(tokens: [ExpressionToken]) {
        self.tokens = tokens
    }

    static func parse(_ text: String) throws(ExpressionParseError) -> ExpressionNode {
        var lexer = ExpressionLexer(text)
        var parser = ExpressionParser(tokens: try lexer.tokens())
        guard parser.current.kind != .end else {
            throw ExpressionParseError(column: parser.current.column, expected: "a function, an attribute or a constant")
        }
        let root = try parser.expression()
        guard parser.current.kind == .end else {
            throw ExpressionParseError(column: parser.current.column, expected: "the end of the expression, found \(parser.current.display)")
        }
        return root
    }

    private var current: ExpressionToken { tokens[index] }

    private mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    private mutating func expression() throws(ExpressionParseError) -> ExpressionNode {
        let lhs = try operand()
        guard case .comparison(let op) = current.kind else { return lhs }
        let column = current.column
        advance()
        let rhs = try operand()
        return .comparison(op, lhs, rhs, column: column)
    }

    private mutating func operand() throws(ExpressionParseError) -> ExpressionNode {
        let token = current
        switch token.kind {
        case .string(let text): advance(); return .string(text, column: token.column)
        case .number(let text): advance(); return .number(text, column: token.column)
        case .attribute(let name): advance(); return try attribute(name, column: token.column)
        case .identifier(let name):
            advance()
            guard current.kind == .openParenthesis else { return .identifier(name, column: token.column) }
            return try call(name, column: token.column)
        default:
            throw ExpressionParseError(column: token.column, expected: "a function, an attribute or a constant, found \(token.display)")
        }
    }

    private func attribute(_ name: String, column: Int) throws(ExpressionParseError) -> ExpressionNode {
        guard !name.isEmpty else { throw ExpressionParseError(column: column + 1, expected: "an attribute name") }
        return .attribute(AttributeReference(name), column: column)
    }

    private mutating func call(_ name: String, column: Int) throws(ExpressionParseError) -> ExpressionNode {
        guard let function = ExpressionFunction(named: name) else {
            throw ExpressionParseError.message("unknown function '\(name)'", at: column)
        }
        advance()
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else {
            throw ExpressionParseError.message("functions nest deeper than \(Self.maximumDepth) levels", at: column)
        }
        let arguments = try argumentList()
        guard function.accepts(argumentCount: arguments.count) else {
            throw ExpressionParseError.message(
                "\(function.rawValue) takes \(function.arityDescription), found \(arguments.count)", at: column)
        }
        return .call(function, arguments: arguments, column: column)
    }

    /// After '(' up to and including ')'. `Guid()` has no arguments; `F(a, )` has two, the last omitted.
    private mutating func argumentList() throws(ExpressionParseError) -> [ExpressionNode] {
        if current.kind == .closeParenthesis {
            advance()
            return []
        }
        var arguments: [ExpressionNode] = []
        while true {
            if current.kind == .comma || current.kind == .closeParenthesis {
                arguments.append(.omitted(column: current.column))
            } else {
                arguments.append(try expression())
            }
            switch current.kind {
            case .comma: advance()
            case .closeParenthesis: advance(); return arguments
            default:
                throw ExpressionParseError(column: current.column, expected: "',' or ')', found \(current.display)")
            }
        }
    }
}
