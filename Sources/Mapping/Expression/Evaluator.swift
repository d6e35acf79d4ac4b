import Foundation
import SCIM

/// Walks a parsed expression for one record. Arguments are evaluated lazily by each function, so
/// IIF and Switch only read the branch they take (as Entra does).
struct Evaluator {
    private(set) var context: EvaluationContext
    var ignored = false
    var redacted = false
    var nonDeterministic: [ExpressionFunction] = []

    init(context: EvaluationContext) {
        self.context = context
    }

    /// Points the evaluator at the next record, keeping everything else (the benchmark's hot loop).
    mutating func begin(record: JSONObject?) {
        context.attributes.record = record
    }

    mutating func run(_ root: ExpressionNode) -> EvaluationResult {
        ignored = false
        redacted = false
        nonDeterministic = []
        let outcome: EvaluationResult.Outcome
        do {
            let value = try evaluate(root, isRoot: true)
            outcome = ignored ? .ignored : .value(value)
        } catch let failure as EvaluationFailure {
            outcome = .failed(failure)
        } catch {
            outcome = .failed(EvaluationFailure("\(error)", column: root.column))
        }
        return EvaluationResult(outcome: outcome, nonDeterministicFunctions: nonDeterministic, isRedacted: redacted)
    }

    mutating func evaluate(_ node: ExpressionNode, isRoot: Bool = false) throws -> ExpressionValue {
        switch node {
        case .string(let text, _), .number(let text, _), .identifier(let text, _): return .string(text)
        case .omitted: return .null
        case .attribute(let reference, _): return context.attributes.value(of: reference)
        case .comparison(let op, let lhs, let rhs, _): return try compare(op, lhs, rhs)
        case .call(let function, let arguments, let column):
            if function == .selectUniqueValue && !isRoot {
                throw EvaluationFailure("SelectUniqueValue must be the whole expression; it cannot be nested", column: column)
            }
            if function.isNonDeterministic && !nonDeterministic.contains(function) { nonDeterministic.append(function) }
            return try call(function, Arguments(nodes: arguments, column: column))
        }
    }

    private mutating func call(_ function: ExpressionFunction, _ arguments: Arguments) throws -> ExpressionValue {
        switch function {
        case .iif, .switchCase, .coalesce, .ignoreFlowIfNullOrEmpty, .isNull, .isNullOrEmpty, .isPresent,
            .isString, .not, .cBool:
            return try condition(function, arguments)
        case .append, .join, .left, .mid, .len, .inStr, .word, .pCase, .toLower, .toUpper, .stripSpaces,
            .normalizeDiacritics, .cStr:
            return try text(function, arguments)
        case .split, .count, .item, .removeDuplicates, .convertToBase64, .convertToUTF8Hex, .bitAnd:
            return try collection(function, arguments)
        case .cDate, .dateAdd, .dateDiff, .dateFromNum, .numFromDate, .formatDateTime, .now:
            return try date(function, arguments)
        case .replace:
            return try replace(arguments)
        case .guid, .randomString, .redact, .selectUniqueValue, .defaultDomain, .appRoleAssignmentsComplex,
            .singleAppRoleAssignment:
            return try generated(function, arguments)
        }
    }
}

/// A function's argument nodes with the helpers every family uses.
struct Arguments {
    let nodes: [ExpressionNode]
    let column: Int

    var count: Int { nodes.count }

    subscript(index: Int) -> ExpressionNode {
        index < nodes.count ? nodes[index] : .omitted(column: column)
    }

    func isGiven(_ index: Int) -> Bool {
        index < nodes.count && !nodes[index].isOmitted
    }

    func failure(_ message: String) -> EvaluationFailure {
        EvaluationFailure(message, column: column)
    }
}

extension Evaluator {
    mutating func value(_ arguments: Arguments, _ index: Int) throws -> ExpressionValue {
        try evaluate(arguments[index])
    }

    /// The argument as one string (a multi-valued argument gives its first value), nil when null.
    mutating func string(_ arguments: Arguments, _ index: Int) throws -> String? {
        try value(arguments, index).text
    }

    /// A whole number argument; a missing one is nil, a non-number fails naming the function.
    mutating func integer(_ arguments: Arguments, _ index: Int, _ function: ExpressionFunction, _ name: String) throws -> Int? {
        guard let text = try string(arguments, index)?.trimmingSpaces else { return nil }
        if let whole = Int(text) { return whole }
        if let number = Double(text), number.isFinite, abs(number) < 1e15 { return Int(number) }
        throw arguments.failure("\(function.rawValue): \(name) must be a number, found \"\(text)\"")
    }

    /// Comparison for IIF's condition: numbers compare as numbers, anything else as exact strings.
    /// A null side gives null: Entra's condition check fails on an absent attribute.
    mutating func compare(_ op: ComparisonOperator, _ lhs: ExpressionNode, _ rhs: ExpressionNode) throws -> ExpressionValue {
        guard let left = try evaluate(lhs).text, let right = try evaluate(rhs).text else { return .null }
        let order: Int
        if let l = Double(left.trimmingSpaces), let r = Double(right.trimmingSpaces) {
            order = l < r ? -1 : (l > r ? 1 : 0)
        } else {
            order = left == right ? 0 : (Array(left.unicodeScalars.map(\.value)).lexicographicallyPrecedes(right.unicodeScalars.map(\.value)) ? -1 : 1)
        }
        switch op {
        case .equal: return .boolean(order == 0)
        case .notEqual: return .boolean(order != 0)
        case .less: return .boolean(order < 0)
        case .lessOrEqual: return .boolean(order <= 0)
        case .greater: return .boolean(order > 0)
        case .greaterOrEqual: return .boolean(order >= 0)
        }
    }
}
