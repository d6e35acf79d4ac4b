import SCIM

/// "Check with Entra": for one user, the parseExpression questions that compare the local evaluator
/// with the job's own (`plan`), and what each answer says about the local value (`verdict`). Pure:
/// the calls themselves are made by whoever holds a Graph client.
///
///     let computed = compiled.evaluate(record, in: context)
///     let items = ExpressionCheck.plan(compiled, schema: schema, record: record, computed: computed)
///     // … ask Entra each item's request …
///     let verdict = ExpressionCheck.verdict(items[i], local: computed.attributes[i], reply: reply)
public enum ExpressionCheck {
    /// One mapping's question, or why it is not asked.
    public struct Item: Sendable, Equatable {
        public var targetAttributeName: String
        /// nil when the mapping is not asked (`notAskedReason` says why).
        public var request: ParseExpressionRequest?
        public var notAskedReason: String?
        /// The local library parsed the expression: a parse failure on both sides is agreement.
        public var parsesLocally: Bool

        public init(targetAttributeName: String, request: ParseExpressionRequest?, notAskedReason: String? = nil, parsesLocally: Bool = true) {
            self.targetAttributeName = targetAttributeName
            self.request = request
            self.notAskedReason = notAskedReason
            self.parsesLocally = parsesLocally
        }
    }

    /// What came back for one item.
    public enum Reply: Sendable, Equatable {
        case answered(ParseExpressionResult)
        /// The call itself failed (an HTTP error, no answer): the mapping stays unchecked.
        case failed(String)
        case notAsked(String)
    }

    /// What one mapping's check came to.
    public enum Verdict: Sendable, Equatable {
        case agrees
        /// Entra computes another value (its values; empty when it computes nothing).
        case differs(entra: [String])
        case entraCouldNotParse(String)
        /// Entra failed where the local evaluator gave a value.
        case entraFailedToEvaluate(String)
        case notAsked(String)
        case unanswered(String)

        /// A disagreement of any kind (what the header counts as "differs").
        public var isDisagreement: Bool {
            switch self {
            case .differs, .entraCouldNotParse, .entraFailedToEvaluate: return true
            case .agrees, .notAsked, .unanswered: return false
            }
        }
    }

    /// One item per mapping, in the mapping's order (`computed` is this user's local result, from
    /// the same `compiled`). Constants have nothing to evaluate; Now, Guid and RandomString give
    /// another value on every evaluation, so asking would report a false disagreement.
    public static func plan(_ compiled: CompiledMapping, schema: SynchronizationSchema, record: JSONObject,
                            computed: ComputedUser) -> [Item] {
        let sourceObject = schema.apiDirectory?.object(schema.userObjectMapping?.sourceObjectName ?? "User")
        let targetObject = schema.directories.first(where: \.isEntra)?.object(schema.userObjectMapping?.targetObjectName ?? "User")
        return compiled.mappings.enumerated().map { index, mapping in
            let local = index < computed.attributes.count ? computed.attributes[index] : nil
            return item(mapping, local: local, record: record, source: sourceObject, target: targetObject)
        }
    }

    private static func item(_ mapping: CompiledAttributeMapping, local: ComputedAttribute?, record: JSONObject,
                             source: ObjectDefinition?, target: ObjectDefinition?) -> Item {
        let name = mapping.targetAttributeName
        let text: String
        let names: [String]
        switch mapping.source {
        case .constant:
            return Item(targetAttributeName: name, request: nil, notAskedReason: "a constant: nothing to evaluate")
        case .expression(let expression):
            if expression.isNonDeterministic || local?.isDeterministic == false {
                return Item(targetAttributeName: name, request: nil, notAskedReason: "Now, Guid or RandomString: another value each time")
            }
            (text, names) = (expression.text, expression.attributeNames)
        case .invalid:
            guard let written = writtenExpression(mapping.mapping.source) else {
                return Item(targetAttributeName: name, request: nil, notAskedReason: "the mapping has no expression")
            }
            (text, names) = (written, mapping.attributesRead)
        }
        let request = ParseExpressionRequest(
            expression: text, properties: properties(names, in: record),
            inputDefinition: source.map { object in
                ObjectDefinition(name: object.name, attributes: names.map { object.attribute($0) ?? AttributeDefinition(name: $0) })
            },
            targetAttributeDefinition: target?.attribute(name))
        return Item(targetAttributeName: name, request: request, parsesLocally: mapping.source.parses)
    }

    /// The user's value of each attribute read, as text; an attribute the user lacks is left out
    /// (an absent property is null to the expression, as the attribute is in a real run).
    static func properties(_ names: [String], in record: JSONObject) -> [ParseExpressionRequest.Property] {
        names.compactMap { name in
            let value = SCIMPathResolver.resolve(AttributeReference(name).path, in: record)
            switch value {
            case .null: return nil
            case .string(let text): return ParseExpressionRequest.Property(key: name, values: [text])
            case .multi(let values): return ParseExpressionRequest.Property(key: name, values: values, multivalued: true)
            }
        }
    }

    /// The expression as the mapping writes it (a direct mapping as `[name]`), when it has one.
    private static func writtenExpression(_ source: AttributeMappingSource?) -> String? {
        guard let source else { return nil }
        if source.type == .attribute, let name = source.name, !name.isEmpty { return "[\(name)]" }
        guard let expression = source.expression, !expression.isEmpty else { return nil }
        return expression
    }

    /// Entra's answer against the local result. parseExpression knows nothing of the mapping's
    /// default value, so a local null (defaulted or not) and IgnoreFlowIfNullOrEmpty's drop both
    /// expect an empty result; a failure on both sides is agreement.
    public static func verdict(_ item: Item, local: ComputedAttribute, reply: Reply) -> Verdict {
        let result: ParseExpressionResult
        switch reply {
        case .notAsked(let reason): return .notAsked(reason)
        case .failed(let message): return .unanswered(message)
        case .answered(let answered): result = answered
        }
        let localFailed = local.failureMessage != nil
        guard result.parsingSucceeded else {
            return item.parsesLocally ? .entraCouldNotParse(result.error ?? "no reason given") : .agrees
        }
        guard result.evaluationSucceeded else {
            return localFailed ? .agrees : .entraFailedToEvaluate(result.error ?? "no reason given")
        }
        if localFailed { return .differs(entra: result.evaluationResult) }
        return result.evaluationResult == expected(local) ? .agrees : .differs(entra: result.evaluationResult)
    }

    /// The values parseExpression should answer for the local outcome.
    static func expected(_ local: ComputedAttribute) -> [String] {
        if case .value(let value) = local.outcome { return value.all }
        return []
    }

    /// The reply an item gets without a call.
    public static func unasked(_ item: Item) -> Reply? {
        item.request == nil ? .notAsked(item.notAskedReason ?? "not asked") : nil
    }
}

extension CompiledAttributeMapping.Source {
    /// The mapping's source parsed (a constant needs no parsing).
    var parses: Bool {
        if case .invalid = self { return false }
        return true
    }
}

extension ExpressionCheck {
    /// The verdicts counted, for a one-line summary ("11 agree, 1 differs, 2 not asked").
    public struct Tally: Sendable, Equatable {
        public var agree = 0, differ = 0, notAsked = 0, unanswered = 0

        public init(_ verdicts: [Verdict]) {
            for verdict in verdicts {
                switch verdict {
                case .agrees: agree += 1
                case .differs, .entraCouldNotParse, .entraFailedToEvaluate: differ += 1
                case .notAsked: notAsked += 1
                case .unanswered: unanswered += 1
                }
            }
        }

        public var text: String {
            var parts = ["\(agree) agree\(agree == 1 ? "s" : "")", "\(differ) differ\(differ == 1 ? "s" : "")"]
            if notAsked > 0 { parts.append("\(notAsked) not asked") }
            if unanswered > 0 { parts.append("\(unanswered) unanswered") }
            return parts.joined(separator: ", ")
        }
    }
}
