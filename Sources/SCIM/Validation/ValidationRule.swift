/// One rule a `Diagnostic` can name: its stable id, how severe its findings are, where the rule
/// comes from and what it checks, so a reader of `scimterm rules` (or a script suppressing one)
/// does not have to read the validator to know what a rule id means.
public struct ValidationRule: Sendable, Hashable {
    /// The id diagnostics carry in `Diagnostic.rule`, e.g. `entra.externalId.missing`.
    public var id: String
    /// The severities its findings can have, most severe first: a few rules weigh a finding by
    /// context (an unmapped CSV column is an error when no column maps at all, a warning otherwise).
    public var severities: [Diagnostic.Severity]
    /// An RFC section (`RFC 7643 §4.1`) or the Entra behaviour it guards (`Entra: source anchor`).
    public var source: String
    /// What it finds, in one line.
    public var summary: String

    public init(_ id: String, _ severities: [Diagnostic.Severity], _ source: String, _ summary: String) {
        self.id = id
        self.severities = severities
        self.source = source
        self.summary = summary
    }

    /// The most severe of `severities`: what the rule is listed under.
    public var severity: Diagnostic.Severity { severities.min() ?? .note }
}
