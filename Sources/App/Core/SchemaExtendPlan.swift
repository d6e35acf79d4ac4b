import Foundation
import Mapping
import Provisioning
import SCIM

/// What "add to the job's schema" (`x` on an unread attribute) asks Entra to do: the workspace's
/// attributes, the URN custom ones go under, and the diff the operator saw and confirmed. The
/// runner re-diffs against the schema it pulls just before the PUT and writes only when the diff
/// is still this one: a schema changed meanwhile is shown again, never written over.
public struct SchemaExtendPlan: Sendable, Equatable {
    public var urn: String
    /// Every attribute the workspace's users carry (names and types only).
    public var input: [InputAttributes.Attribute]
    /// `SchemaExtension.diffLines`, as confirmed.
    public var diffLines: [String]
    /// Attributes left out, with why ("under urn:…, not urn:…").
    public var skipped: [String]
    /// What the restart would purge, once read (nil: still reading, or no journal).
    public var impact: RestartImpact?
    /// The restart check is still being read.
    public var readingImpact = false

    public init(urn: String, input: [InputAttributes.Attribute], change: SchemaExtension) {
        self.urn = urn
        self.input = input
        diffLines = change.diffLines
        skipped = change.skipped.map { "\($0.name): \($0.reason)" }
    }

    /// The plan for `records` against `schema`; nil when the schema has no API User object.
    static func make(schema: SynchronizationSchema, records: [UserRecord], urn: String) -> SchemaExtendPlan? {
        guard schema.apiDirectory?.object("User") != nil else { return nil }
        var found = InputAttributes()
        for record in records { found.add(record: record.data) }
        return SchemaExtendPlan(urn: urn, input: found.attributes,
                                change: SchemaExtension(schema: schema, input: found.attributes, urn: urn))
    }
}

/// How `.extendSchema` ended.
public enum SchemaExtendOutcome: Sendable {
    /// Written; `repulled` is the schema read back (the findings re-validate with it).
    case extended(added: Int, repulled: SchemaPull, purged: ResumableSend?)
    /// The job's schema changed since the diff was shown: the new diff, to confirm again.
    case changed(SchemaExtendPlan)
    /// The job's schema already declares everything now.
    case nothingToAdd
    case failed(String)
}
