import Foundation
import Mapping
import SCIM

/// A job's User mapping as the emulator's processing applies it: the schema compiled once by the
/// same `CompiledMapping` the client's preview uses, so the emulator, the CLI and the TUI compute
/// the same target values by construction.
///
/// Only mapped attributes reach the directory: a payload attribute no mapping reads is accepted and
/// ignored (ENTRA.md §4), and it leaves no modified property.
struct JobMapping: Sendable {
    let compiled: CompiledMapping
    /// The target attribute users are matched on (matchingPriority 1 by default: employeeId).
    let matchingTarget: String?
    /// Whether the mapping writes `manager`: only then is the record's manager linked.
    let mapsManager: Bool
    /// The target attributes the mapping writes (manager apart), in the order of modifiedProperties.
    let targets: [String]
    /// Per mapping, in order: whether it writes `manager`; and the matching mapping's position.
    /// Worked out once, since comparing names without case per user dominated processing.
    let writesManager: [Bool]
    let matchingIndex: Int?
    /// Per mapping, in order: whether the logs hide its values (a custom security attribute).
    let hiddenInLogs: [Bool]
    /// The mappings whose whole expression is SelectUniqueValue: evaluated again per user against
    /// the directory (`Directory.selectingUniqueValues`).
    let uniqueValues: [UniqueValueMapping]

    init(schema: SynchronizationSchema) {
        compiled = CompiledMapping(schema: schema)
        matchingTarget = compiled.matching?.targetAttributeName
        let names = compiled.mappings.map(\.targetAttributeName)
        writesManager = names.map(Self.isManager)
        mapsManager = writesManager.contains(true)
        matchingIndex = matchingTarget.flatMap { target in names.firstIndex { $0 == target } }
        targets = Array(Set(names.filter { !Self.isManager($0) })).sorted()
        hiddenInLogs = compiled.mappings.map(CustomSecurityAttributes.isHidden)
        // Microsoft: SelectUniqueValue "cannot be applied to attributes that have a matching precedence".
        uniqueValues = compiled.mappings.enumerated().compactMap(UniqueValueMapping.init).filter { [matchingIndex] in $0.index != matchingIndex }
    }

    static func isManager(_ target: String) -> Bool { target.caseInsensitiveCompare("manager") == .orderedSame }

    /// What the mapping computes for each record of a batch, in order, with one evaluator.
    func evaluate(_ records: [JSONObject], in context: EvaluationContext) -> [ComputedUser] {
        compiled.evaluate(records: records, in: context)
    }
}

/// What one computed target value does to the directory user.
enum MappedValue: Equatable, Sendable {
    /// The value to write.
    case value(String)
    /// Nothing flows: the target keeps its value, or is cleared with flow null values.
    case null
    /// IgnoreFlowIfNullOrEmpty: the target is left alone whatever the option.
    case keep
}

/// One user's computed mapping, read for the directory: the values per target, the first failure, and the targets
/// whose values the logs hide (Redact, custom security attributes).
struct MappedUser: Sendable {
    var values: [(target: String, value: MappedValue)] = []
    var failure: (target: String, message: String)?
    var redacted: Set<String> = []

    /// `isNew`: a "default value if null" flows only when the user is created (on an update it is
    /// a null, as in Entra). A multi-valued result writes its first value (single-valued targets).
    init(_ computed: ComputedUser, mapping: JobMapping, isNew: Bool) {
        values.reserveCapacity(computed.attributes.count)
        for (i, attribute) in computed.attributes.enumerated() where !mapping.writesManager[i] {
            let value: MappedValue
            switch attribute.outcome {
            case .value(let v): value = v.text.map { $0.isEmpty ? .null : .value($0) } ?? .null
            case .defaulted(let text): value = isNew ? .value(text) : .null
            case .null: value = .null
            case .ignored: value = .keep
            case .failed(let message):
                let shown = mapping.hiddenInLogs[i] ? CustomSecurityAttributes.hiddenFailure : message
                if failure == nil { failure = (attribute.targetAttributeName, shown) }
                continue
            }
            if attribute.isRedacted || mapping.hiddenInLogs[i] { redacted.insert(attribute.targetAttributeName) }
            values.append((attribute.targetAttributeName, value))
        }
    }

    /// The matching attribute's computed value, nil when it is empty or does not flow.
    static func matchingValue(_ computed: ComputedUser, _ mapping: JobMapping) -> String? {
        guard let i = mapping.matchingIndex, i < computed.attributes.count,
              let text = computed.attributes[i].flowingValue?.text,
              !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return text
    }

    /// The user's properties once the values are applied to `old` (empty for a new user).
    ///
    /// Partial by default (ENTRA.md §4): a target whose source is absent or null keeps its value;
    /// with flow null values it is cleared. A userPrincipalName is never cleared (Entra requires one).
    func apply(to old: [String: String], flowNullValues: Bool) -> [String: String] {
        var p = old
        for (target, value) in values {
            switch value {
            case .value(let v): p[target] = v
            case .null where flowNullValues && target != "userPrincipalName": p[target] = nil
            case .null, .keep: break
            }
        }
        return p
    }

    /// The targets whose value differs, old → new (nil when absent), in the mapping's target order;
    /// a redacted target's values (Redact, or a custom security attribute) show as "[Redact]".
    func changes(from old: [String: String], to new: [String: String], targets: [String]) -> [(name: String, old: String?, new: String?)] {
        targets.compactMap { name in
            let before = old[name], after = new[name]
            guard before != after else { return nil }
            guard redacted.contains(name) else { return (name, before, after) }
            let hidden = CustomSecurityAttributes.redacted
            return (name, before.map { _ in hidden }, after.map { _ in hidden })
        }
    }
}
