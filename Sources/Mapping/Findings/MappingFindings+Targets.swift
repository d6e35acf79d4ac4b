import SCIM

/// The findings about computed targets: the matching attribute, targets that compute nothing, and
/// hire or leave dates without a time.
extension MappingFindings {
    /// Entra date-time targets that a date alone may fail to reach (MicrosoftDocs/entra-docs #89).
    static let dateTimeTargets: Set<String> = ["employeehiredate", "employeeleavedatetime"]

    func targets(_ computed: ComputedUser, record: JSONObject, into found: inout [Diagnostic]) {
        let matching = compiled.matching
        for (i, attribute) in computed.attributes.enumerated() {
            let mapping = compiled.mappings[i]
            if let matching, mapping.targetAttributeName == matching.targetAttributeName {
                matchingEmpty(attribute, mapping, into: &found)
            } else if attribute.failureMessage != nil || (attribute.kind == .function && attribute.yieldsNothing
                        && attribute.outcome != .ignored) {
                found.append(nothing(attribute, mapping, record: record))
            }
            if Self.dateTimeTargets.contains(attribute.targetAttributeName.lowercased()),
               let text = attribute.flowingValue?.text, !text.isEmpty, !text.contains(":") {
                found.append(Diagnostic(
                    .warning, rule: "schema.hireDate.time", source: "Entra: Lifecycle Workflows dates (ENTRA.md §4)",
                    path: mapping.attributesRead.first.flatMap(PayloadAttributes.path(ofSource:)),
                    message: "\(attribute.targetAttributeName) would be \"\(text)\", a date without a time: it may not flow",
                    hint: "send an ISO 8601 date-time, e.g. \(text)T00:00:00Z"))
            }
        }
    }

    /// The direct `externalId` mapping's absence is `entra.externalId.*` already: not said twice.
    private func matchingEmpty(_ attribute: ComputedAttribute, _ mapping: CompiledAttributeMapping, into found: inout [Diagnostic]) {
        guard attribute.yieldsNothing else { return }
        if mapping.kind == .attribute, mapping.attributesRead.map({ $0.lowercased() }) == ["externalid"] { return }
        found.append(Diagnostic(
            .error, rule: "schema.matching.empty", source: Self.source,
            path: mapping.attributesRead.first.flatMap(PayloadAttributes.path(ofSource:)),
            message: "the matching attribute \(attribute.targetAttributeName) (from \(attribute.sourceText)) is missing or empty "
                + "for this user: Entra cannot match it",
            hint: "every user needs a value for the attribute the job matches on (matchingPriority \(mapping.matchingPriority))"))
    }

    private func nothing(_ attribute: ComputedAttribute, _ mapping: CompiledAttributeMapping, record: JSONObject) -> Diagnostic {
        let what = attribute.failureMessage.map { "fails for this user: \($0)" } ?? "computes nothing for this user"
        return Diagnostic(
            .warning, rule: "schema.target.nothing", source: Self.source,
            message: "\(attribute.targetAttributeName): the expression \(what); expression \(attribute.sourceText); inputs: \(inputs(mapping, record))",
            hint: "the target is left as it is in Entra; check the inputs or the expression (`scimterm evaluate`)")
    }

    /// `name = "value"` for each attribute the mapping reads, `(absent)` when the user lacks it.
    func inputs(_ mapping: CompiledAttributeMapping, _ record: JSONObject) -> String {
        let names = mapping.attributesRead
        guard !names.isEmpty else { return "none" }
        let attributes = AttributeInputs(record: record)
        return names.map { name in
            switch attributes.value(of: AttributeReference(name)) {
            case .null: return "\(name) (absent)"
            case .string(let s): return "\(name) = \"\(s)\""
            case .multi(let values): return "\(name) = [" + values.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
            }
        }.joined(separator: ", ")
    }
}
