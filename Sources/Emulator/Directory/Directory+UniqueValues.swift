import Foundation
import Mapping
import SCIM

/// A mapping whose whole expression is SelectUniqueValue(…): Microsoft's reference says it returns
/// "the first value that is unique in the target directory", so the emulator evaluates it once more
/// per user with the directory's answer to "is this value taken" (the batch evaluation before it
/// knows no directory and always takes the first candidate).
struct UniqueValueMapping: Sendable {
    /// The mapping's position in `CompiledMapping.mappings` (and in each `ComputedUser`).
    let index: Int
    let target: String
    let expression: EntraExpression
    let defaultValue: String?

    /// nil unless the mapping's root is a SelectUniqueValue call (the evaluator refuses it nested).
    init?(_ item: (offset: Int, element: CompiledAttributeMapping)) {
        guard case .expression(let expression) = item.element.source,
              case .call(.selectUniqueValue, _, _) = expression.root else { return nil }
        index = item.offset
        target = item.element.targetAttributeName
        self.expression = expression
        defaultValue = item.element.defaultValue
    }
}

extension Directory {
    /// `computed` with every SelectUniqueValue target chosen against the directory: a candidate is
    /// taken when another user (not `holder`, the user this record matched) holds it in that target
    /// attribute, compared without case. Users applied earlier in the same upload count.
    func selectingUniqueValues(_ computed: ComputedUser, record: JSONObject, mapping: JobMapping,
                               context: EvaluationContext, holder: String?) -> ComputedUser {
        var result = computed
        for unique in mapping.uniqueValues where unique.index < result.attributes.count {
            let index = valueIndex(for: unique.target)
            var evaluation = context
            evaluation.attributes.record = record
            evaluation.isValueTaken = { candidate in
                guard let owner = index.owner(of: candidate) else { return false }
                return owner != holder
            }
            let evaluated = unique.expression.evaluate(in: evaluation)
            result.attributes[unique.index].outcome = Self.outcome(evaluated.outcome, default: unique.defaultValue)
            result.attributes[unique.index].isRedacted = evaluated.isRedacted
        }
        return result
    }

    /// As `CompiledMapping` reads an evaluation: only a null takes the "default value if null".
    private static func outcome(_ outcome: EvaluationResult.Outcome, default defaultValue: String?) -> ComputedAttribute.Outcome {
        switch outcome {
        case .value(.null): return defaultValue.map(ComputedAttribute.Outcome.defaulted) ?? .null
        case .value(let value): return .value(value)
        case .ignored: return .ignored
        case .failed(let failure): return .failed(failure.description)
        }
    }
}
