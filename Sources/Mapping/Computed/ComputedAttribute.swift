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

    /// What the mapping says about its target, shared by every user's entry (one reference to
    /// copy instead of five strings: 100,000 users make two million entries).
    public final class Target: Sendable {
        public let targetAttributeName: String
        /// The expression, the direct mapping's source attribute, or the constant.
        public let sourceText: String
        public let kind: AttributeMappingSource.Kind?
        public let flowType: String
        public let matchingPriority: Int
        public let defaultValue: String?

        public init(targetAttributeName: String, sourceText: String, kind: AttributeMappingSource.Kind?, flowType: String,
                    matchingPriority: Int, defaultValue: String?) {
            self.targetAttributeName = targetAttributeName
            self.sourceText = sourceText
            self.kind = kind
            self.flowType = flowType
            self.matchingPriority = matchingPriority
            self.defaultValue = defaultValue
        }
    }

    public let target: Target
    public var outcome: Outcome
    /// Now, Guid or RandomString was used: another evaluation may give another value.
    public var isDeterministic: Bool
    /// Redact was applied: the provisioning logs show "[Redact]".
    public var isRedacted: Bool

    public init(target: Target, outcome: Outcome, isDeterministic: Bool = true, isRedacted: Bool = false) {
        self.target = target
        self.outcome = outcome
        self.isDeterministic = isDeterministic
        self.isRedacted = isRedacted
    }

    public init(targetAttributeName: String, outcome: Outcome, sourceText: String, kind: AttributeMappingSource.Kind?,
                flowType: String, matchingPriority: Int, defaultValue: String?, isDeterministic: Bool = true,
                isRedacted: Bool = false) {
        self.init(target: Target(targetAttributeName: targetAttributeName, sourceText: sourceText, kind: kind, flowType: flowType,
                                 matchingPriority: matchingPriority, defaultValue: defaultValue),
                  outcome: outcome, isDeterministic: isDeterministic, isRedacted: isRedacted)
    }

    public var targetAttributeName: String { target.targetAttributeName }
    public var sourceText: String { target.sourceText }
    public var kind: AttributeMappingSource.Kind? { target.kind }
    public var flowType: String { target.flowType }
    public var matchingPriority: Int { target.matchingPriority }
    public var defaultValue: String? { target.defaultValue }

    public static func == (a: ComputedAttribute, b: ComputedAttribute) -> Bool {
        a.outcome == b.outcome && a.isDeterministic == b.isDeterministic && a.isRedacted == b.isRedacted
            && (a.target === b.target || (a.targetAttributeName == b.targetAttributeName && a.sourceText == b.sourceText
                && a.kind == b.kind && a.flowType == b.flowType && a.matchingPriority == b.matchingPriority
                && a.defaultValue == b.defaultValue))
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
