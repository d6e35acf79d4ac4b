/// One node of a parsed expression. Columns are 1-based character positions in the expression text,
/// so a failure found while evaluating can point at the same place a parse error would.
public indirect enum ExpressionNode: Sendable, Equatable {
    case call(ExpressionFunction, arguments: [ExpressionNode], column: Int)
    case attribute(AttributeReference, column: Int)
    case string(String, column: Int)
    /// A number as written (hexadecimal `&HF7` is kept as its decimal text): Entra's values are strings.
    case number(String, column: Int)
    /// A bare word such as `vbBinaryCompare` or `True`: it stands for its own name.
    case identifier(String, column: Int)
    /// An argument left empty, as in `Replace([mail], "@contoso.com", , , "", , )`.
    case omitted(column: Int)
    case comparison(ComparisonOperator, ExpressionNode, ExpressionNode, column: Int)

    public var column: Int {
        switch self {
        case .call(_, _, let c), .attribute(_, let c), .string(_, let c), .number(_, let c),
            .identifier(_, let c), .omitted(let c), .comparison(_, _, _, let c):
            return c
        }
    }

    var isOmitted: Bool {
        if case .omitted = self { return true }
        return false
    }

    /// Every attribute the node reads, in order of appearance (IIF's condition check needs them).
    var attributeReferences: [AttributeReference] {
        switch self {
        case .attribute(let reference, _): return [reference]
        case .call(_, let arguments, _): return arguments.flatMap(\.attributeReferences)
        case .comparison(_, let lhs, let rhs, _): return lhs.attributeReferences + rhs.attributeReferences
        case .string, .number, .identifier, .omitted: return []
        }
    }
}

/// The comparison operators Microsoft documents for IIF's condition.
public enum ComparisonOperator: String, Sendable, Equatable, CaseIterable {
    case equal = "="
    case notEqual = "<>"
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
}
