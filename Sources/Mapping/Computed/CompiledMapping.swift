import Foundation
import SCIM

/// The job's User object mapping compiled once: every attribute mapping's source parsed, ready to
/// say for any user what Entra will set (`scimterm preview --computed`, the findings of
/// `validate --schema`, the emulator's processing).
///
///     let compiled = CompiledMapping(schema: schema)
///     let user = compiled.evaluate(record.data, in: EvaluationContext(now: now))
///     user["userPrincipalName"]?.flowingValue
public struct CompiledMapping: Sendable {
    public let mappings: [CompiledAttributeMapping]
    /// What evaluation reads of each mapping, behind one reference: the loop over two million
    /// entries then copies no strings.
    private let steps: [Step]

    private final class Step: Sendable {
        let source: CompiledAttributeMapping.Source
        let target: ComputedAttribute.Target
        /// A direct mapping's attribute (most of the default mapping): read without the evaluator,
        /// which for a bare `[attribute]` could only give the value itself.
        let direct: AttributeReference?

        init(_ mapping: CompiledAttributeMapping) {
            source = mapping.source
            target = mapping.target
            if case .expression(let expression) = source, case .attribute(let reference, _) = expression.root {
                direct = reference
            } else {
                direct = nil
            }
        }
    }

    public init(mappings: [AttributeMapping]) {
        self.mappings = mappings.map(CompiledAttributeMapping.init)
        steps = self.mappings.map(Step.init)
    }

    /// The schema's enabled User mapping (none gives an empty mapping).
    public init(schema: SynchronizationSchema) {
        self.init(mappings: schema.userObjectMapping?.attributeMappings ?? [])
    }

    /// The mapping users are matched on: the lowest matchingPriority above 0.
    public var matching: CompiledAttributeMapping? {
        mappings.filter { $0.matchingPriority > 0 }.min { $0.matchingPriority < $1.matchingPriority }
    }

    /// What Entra would set for one user. The context's record is replaced by `record`; its bag of
    /// attributes, clock and sources are kept.
    public func evaluate(_ record: JSONObject, in context: EvaluationContext) -> ComputedUser {
        var evaluator = Evaluator(context: context)
        return evaluate(record, with: &evaluator)
    }

    /// Many users with one evaluator (the benchmark's and the emulator's path), in order.
    public func evaluate(records: [JSONObject], in context: EvaluationContext) -> [ComputedUser] {
        var evaluator = Evaluator(context: context)
        return records.map { evaluate($0, with: &evaluator) }
    }

    private func evaluate(_ record: JSONObject, with evaluator: inout Evaluator) -> ComputedUser {
        evaluator.begin(record: record)
        var attributes: [ComputedAttribute] = []
        attributes.reserveCapacity(steps.count)
        for step in steps { attributes.append(compute(step, with: &evaluator)) }
        return ComputedUser(attributes: attributes)
    }

    private func compute(_ step: Step, with evaluator: inout Evaluator) -> ComputedAttribute {
        var result = ComputedAttribute(target: step.target, outcome: .null)
        if let direct = step.direct {
            result.outcome = Self.outcome(.value(evaluator.context.attributes.value(of: direct)), default: step.target.defaultValue)
            return result
        }
        switch step.source {
        case .constant(let value):
            result.outcome = .value(.string(value))
        case .invalid(let message):
            result.outcome = .failed(message)
        case .expression(let expression):
            let evaluated = evaluator.run(expression.root)
            result.isDeterministic = evaluated.isDeterministic
            result.isRedacted = evaluated.isRedacted
            result.outcome = Self.outcome(evaluated.outcome, default: step.target.defaultValue)
        }
        return result
    }

    /// "Default value if null": only a null result takes the default (an empty string is a value,
    /// and IgnoreFlowIfNullOrEmpty's drop is not null).
    static func outcome(_ outcome: EvaluationResult.Outcome, default defaultValue: String?) -> ComputedAttribute.Outcome {
        switch outcome {
        case .value(.null): return defaultValue.map(ComputedAttribute.Outcome.defaulted) ?? .null
        case .value(let value): return .value(value)
        case .ignored: return .ignored
        case .failed(let failure): return .failed(failure.description)
        }
    }
}
