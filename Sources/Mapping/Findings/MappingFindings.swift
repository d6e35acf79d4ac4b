import Foundation
import SCIM

/// What the job's mapping says about each user of a payload, before it is sent (issue 12 §3):
/// attributes accepted and ignored, an empty matching attribute, targets that compute nothing,
/// custom security attributes and hire dates Entra will not take. Findings' paths are relative to
/// the record; the caller places them in the file. Feed it every user, then ask `fileNotes()`.
public struct MappingFindings: Sendable {
    public static let csaURN = "urn:ietf:params:scim:schemas:extension:microsoft:entra:csa"
    static let source = "Entra: the job's attribute mapping"

    public let compiled: CompiledMapping
    public let context: EvaluationContext
    /// Every source attribute the mapping reads, with the targets it feeds.
    let reads: [MappedSource]
    /// Indices into `reads` that some user carried (the once-per-file note is about the others).
    private(set) var carried = Set<Int>()
    /// What the API directory declares: an unread attribute it declares needs a mapping, not a
    /// schema extension, and the finding says which. nil: not known, the finding names both.
    let declared: DeclaredAttributes?

    public init(schema: SynchronizationSchema, context: EvaluationContext) {
        self.init(compiled: CompiledMapping(schema: schema), declared: DeclaredAttributes(schema), context: context)
    }

    public init(compiled: CompiledMapping, declared: DeclaredAttributes? = nil, context: EvaluationContext) {
        self.compiled = compiled
        self.declared = declared
        self.context = context
        var reads: [MappedSource] = []
        for mapping in compiled.mappings {
            for name in mapping.attributesRead {
                if let i = reads.firstIndex(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame }) {
                    if !reads[i].targets.contains(mapping.targetAttributeName) { reads[i].targets.append(mapping.targetAttributeName) }
                } else {
                    reads.append(MappedSource(name: name, target: mapping.targetAttributeName))
                }
            }
        }
        self.reads = reads
    }

    /// One user's findings, paths relative to the record.
    public mutating func check(_ record: JSONObject) -> [Diagnostic] {
        var found: [Diagnostic] = []
        unread(record, into: &found)
        customSecurityAttributes(record, into: &found)
        let computed = compiled.evaluate(record, in: context)
        targets(computed, record: record, into: &found)
        return found
    }

    /// The attributes the mapping reads that no user carried: one note each, for the whole file.
    public func fileNotes() -> [Diagnostic] {
        reads.indices.filter { !carried.contains($0) }.map { i in
            let read = reads[i]
            return Diagnostic(.note, rule: "schema.source.absent", source: Self.source,
                              message: "the job's mapping reads \(read.name) (for \(read.targets.joined(separator: ", "))), "
                                  + "but no user in this file carries it",
                              hint: "those targets are left as they are in Entra; leave it so if that is intended")
        }
    }

    /// Which mapped attributes this user carries, by value (a filter counts: a work phone is not a mobile one).
    private mutating func markCarried(_ record: JSONObject) {
        guard carried.count < reads.count else { return }
        let attributes = AttributeInputs(record: record)
        for i in reads.indices where !carried.contains(i) && attributes.value(of: reads[i].reference) != .null {
            carried.insert(i)
        }
    }

    private mutating func unread(_ record: JSONObject, into found: inout [Diagnostic]) {
        markCarried(record)
        for attribute in PayloadAttributes.of(record) {
            guard !reads.contains(where: { PayloadAttributes.covers($0.key, attribute.key) }) else { continue }
            found.append(declared?.covers(attribute.name) == true ? Diagnostic(
                .warning, rule: "schema.attribute.unread", source: Self.source, path: attribute.path,
                message: "accepted and ignored: \(attribute.name) is in the job's schema, but no mapping reads it yet",
                hint: "add a mapping for it (Entra admin center: the app's Provisioning > Attribute mapping); only then does it reach Entra")
            : Diagnostic(
                .warning, rule: "schema.attribute.unread", source: Self.source, path: attribute.path,
                message: "accepted and ignored: the job's mapping does not read \(attribute.name); add it to the schema and a mapping",
                hint: "Entra answers 202 and drops it; `scimterm schema extend` lists what the schema lacks"))
        }
    }

    private func customSecurityAttributes(_ record: JSONObject, into found: inout [Diagnostic]) {
        guard let key = record.keys.first(where: { $0.caseInsensitiveCompare(Self.csaURN) == .orderedSame }),
              case .object(let attributes)? = record.attribute(key) else { return }
        for member in attributes.members {
            if case .string = member.value { continue }
            found.append(Diagnostic(
                .error, rule: "schema.csa.value", source: "Entra: custom security attributes (ENTRA.md §4)",
                path: JSONPath.root.appending(key).appending(member.key),
                message: "custom security attribute \(member.key) is \(Self.kind(member.value)); Entra takes one String value",
                hint: "send it as a single string, e.g. \"\(member.key)\": \"value\""))
        }
    }

    /// A source attribute the mapping reads.
    struct MappedSource: Sendable {
        var name: String
        /// Without filters, as payload attributes are compared (`emails.value`).
        var key: String
        var reference: AttributeReference
        var targets: [String]

        init(name: String, target: String) {
            self.name = name
            key = PayloadAttributes.key(ofSource: name)
            reference = AttributeReference(name)
            targets = [target]
        }
    }

    static func kind(_ value: JSONValue) -> String {
        switch value {
        case .array: return "multi-valued (an array)"
        case .object: return "an object"
        case .number: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        case .string: return "a string"
        }
    }
}
