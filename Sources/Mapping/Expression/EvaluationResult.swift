/// What an expression gives for one record.
public struct EvaluationResult: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        /// A value; `.null` means the source was absent and the target is left as it is.
        case value(ExpressionValue)
        /// IgnoreFlowIfNullOrEmpty dropped the attribute from the flow.
        case ignored
        /// Entra would fail this attribute for this record (e.g. CDate of an unreadable date).
        case failed(EvaluationFailure)
    }

    public var outcome: Outcome
    /// Now, Guid and RandomString used: another evaluation may give another value.
    public var nonDeterministicFunctions: [ExpressionFunction]
    /// Redact was applied: Entra shows "[Redact]" in the provisioning logs instead of the value.
    public var isRedacted: Bool

    public init(outcome: Outcome, nonDeterministicFunctions: [ExpressionFunction] = [], isRedacted: Bool = false) {
        self.outcome = outcome
        self.nonDeterministicFunctions = nonDeterministicFunctions
        self.isRedacted = isRedacted
    }

    public var isDeterministic: Bool { nonDeterministicFunctions.isEmpty }

    /// The value Entra would write, or nil when nothing flows (null, ignored or failed).
    public var flowingValue: ExpressionValue? {
        guard case .value(let value) = outcome, value != .null else { return nil }
        return value
    }

    public var failure: EvaluationFailure? {
        if case .failed(let failure) = outcome { return failure }
        return nil
    }
}

/// Why evaluation failed, and the column of the function or attribute that failed.
public struct EvaluationFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var column: Int

    public init(_ message: String, column: Int) {
        self.message = message
        self.column = column
    }

    public var description: String { "\(message) (column \(column))" }
}
