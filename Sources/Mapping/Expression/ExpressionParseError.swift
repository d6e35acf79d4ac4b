/// Why an expression does not parse, and where: `expected ')' at column 17`.
public struct ExpressionParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based character position in the expression.
    public var column: Int
    /// What the parser wanted there, or what is wrong ("unknown function 'Foo'").
    public var expected: String
    /// True when `expected` is a full sentence rather than the thing that was expected.
    public var isMessage: Bool

    public init(column: Int, expected: String, isMessage: Bool = false) {
        self.column = column
        self.expected = expected
        self.isMessage = isMessage
    }

    static func message(_ text: String, at column: Int) -> ExpressionParseError {
        ExpressionParseError(column: column, expected: text, isMessage: true)
    }

    public var description: String {
        isMessage ? "\(expected) at column \(column)" : "expected \(expected) at column \(column)"
    }
}
