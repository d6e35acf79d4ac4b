/// A lexical unit of an expression, with the column it starts at.
struct ExpressionToken: Equatable {
    enum Kind: Equatable {
        case identifier(String)
        case string(String)
        case number(String)
        /// The text between `[` and its matching `]`.
        case attribute(String)
        case openParenthesis
        case closeParenthesis
        case comma
        case comparison(ComparisonOperator)
        case end
    }

    var kind: Kind
    var column: Int

    /// How the token reads in "expected …, found …".
    var display: String {
        switch kind {
        case .identifier(let name): return "'\(name)'"
        case .string: return "a string"
        case .number(let text): return "'\(text)'"
        case .attribute(let name): return "'[\(name)]'"
        case .openParenthesis: return "'('"
        case .closeParenthesis: return "')'"
        case .comma: return "','"
        case .comparison(let op): return "'\(op.rawValue)'"
        case .end: return "the end of the expression"
        }
    }
}
