import Foundation
import SCIM

/// A parsed Entra attribute-mapping expression: parse once, evaluate against any number of records.
///
///     let upn = try Expression.parse(#"ToLower(Join("@", [name.givenName], "contoso.com"))"#)
///     let result = upn.evaluate(in: EvaluationContext(attributes: AttributeInputs(record: user), now: now))
public struct Expression: Sendable, Equatable {
    public let text: String
    public let root: ExpressionNode

    public init(text: String, root: ExpressionNode) {
        self.text = text
        self.root = root
    }

    /// Microsoft's limit for one attribute-mapping expression.
    public static let maximumLength = 10_000

    public static func parse(_ text: String) throws(ExpressionParseError) -> Expression {
        if text.count > maximumLength {
            throw ExpressionParseError.message(
                "the expression is longer than Entra's \(maximumLength) characters", at: maximumLength + 1)
        }
        return Expression(text: text, root: try ExpressionParser.parse(text))
    }

    public func evaluate(in context: EvaluationContext) -> EvaluationResult {
        var evaluator = Evaluator(context: context)
        return evaluator.run(root)
    }

    /// The benchmark's hook and the schema's workhorse: one parse, many records. Each record is
    /// read through the context's attributes (its bag, if any, still wins over the record).
    public func evaluate(records: [JSONObject], in context: EvaluationContext) -> [EvaluationResult] {
        var evaluator = Evaluator(context: context)
        return records.map { record in
            evaluator.begin(record: record)
            return evaluator.run(root)
        }
    }

    /// The attributes the expression reads, in order, once each (the schema reports unmapped ones).
    public var attributeNames: [String] {
        var seen = Set<String>()
        return root.attributeReferences.map(\.name).filter { seen.insert($0.lowercased()).inserted }
    }

    /// True when the expression calls Now, Guid or RandomString anywhere.
    public var isNonDeterministic: Bool { root.calls.contains { $0.isNonDeterministic } }
}

extension ExpressionNode {
    var calls: [ExpressionFunction] {
        switch self {
        case .call(let function, let arguments, _): return [function] + arguments.flatMap(\.calls)
        case .comparison(_, let lhs, let rhs, _): return lhs.calls + rhs.calls
        case .attribute, .string, .number, .identifier, .omitted: return []
        }
    }
}

/// `Expression` for files that also import Foundation, whose own `Expression` makes the bare name
/// ambiguous (and `Mapping.Expression` names the `Mapping` namespace enum, not the module).
public typealias EntraExpression = Expression
