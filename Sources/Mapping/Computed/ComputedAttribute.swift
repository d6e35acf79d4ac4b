/// What one attribute mapping gives for one user: the value Entra would write to the target
/// attribute, or why nothing flows.
public struct ComputedAttribute: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        /// The value written to the target attribute.
        case value(ExpressionValue)
        /// The source was null and the mapping's "default value if null" stands in (Entra writes
        /// it only when it creates the user, never on an update).
        case defaulted(String)
        /// Nothing flows: the source is null (the target keeps its value) and there is no default.
        case null
        /// IgnoreFlowIfNullOrEmpty dropped the attribute from the flow.
        case ignored
        /// Entra would fail this attribute for this user.
        case failed(String)
    }

    public var targetAttributeName: String
    public var outcome: Outcome
    /// The expression, the direct mapping's source attribute, or the constant.
    public var sourceText: String
    public var kind: AttributeMappingSource.Kind?
    public var flowType: String
    public var matchingPriority: Int
    public var defaultValue: String?
    /// Now, Guid or RandomString was used: another evaluation may give another value.
    public var isDeterministic: Bool
    /// Redact was applied: the provisioning logs show "[Redact]".
    public var isRedacted: Bool

    public init(targetAttributeName: String, outcome: Outcome, sourceText: String, kind: AttributeMappingSource.Kind?,
                flowType: String, matchingPriority: Int, defaultValue: String?, isDeterministic: Bool = true,
                isRedacted: Bool = false) {
        self.targetAttributeName = targetAttributeName
        self.outcome = outcome
        self.sourceText = sourceText
        self.kind = kind
        self.flowType = flowType
        self.matchingPriority = matchingPriority
        self.defaultValue = defaultValue
        self.isDeterministic = isDeterministic
        self.isRedacted = isRedacted
    }

    /// The value Entra would write (a default included), or nil when nothing flows.
    public var flowingValue: ExpressionValue? {
        switch outcome {
        case .value(let value): return value == .null ? nil : value
        case .defaulted(let text): return .string(text)
        case .null, .ignored, .failed: return nil
        }
    }

    /// Null, ignored, failed, or an empty value: what a finding calls "yields nothing".
    public var yieldsNothing: Bool { flowingValue?.isNullOrEmpty ?? true }

    public var failureMessage: String? {
        if case .failed(let message) = outcome { return message }
        return nil
    }

    /// The computed value as one line: the value, `[a, b]` for several, or what happened instead.
    public var valueText: String {
        switch outcome {
        case .value(.null), .null: return "(null: not flowing)"
        case .value(.string(let s)): return s.isEmpty ? "\"\" (empty)" : s
        case .value(.multi(let values)): return "[" + values.joined(separator: ", ") + "]"
        case .defaulted(let text): return text + " (default if null; on create only)"
        case .ignored: return "(ignored: IgnoreFlowIfNullOrEmpty)"
        case .failed(let message): return "(fails: \(message))"
        }
    }
}

/// What Entra would set for one user, one entry per attribute mapping, in the mapping's order.
public struct ComputedUser: Sendable, Equatable {
    public var attributes: [ComputedAttribute]

    public init(attributes: [ComputedAttribute]) {
        self.attributes = attributes
    }

    /// The entry for a target attribute (compared without case), if the mapping writes it.
    public subscript(target: String) -> ComputedAttribute? {
        attributes.first { $0.targetAttributeName.caseInsensitiveCompare(target) == .orderedSame }
    }
}
