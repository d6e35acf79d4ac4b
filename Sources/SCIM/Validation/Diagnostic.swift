/// One problem found in the input, worded for the person who has to fix it.
public struct Diagnostic: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
        /// Entra will reject the request (400) or the record will certainly fail to provision.
        case error
        /// It goes through, but probably not as intended.
        case warning
        /// Worth knowing; nothing is wrong.
        case note

        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    public var severity: Severity
    /// The rule's identifier, e.g. `entra.externalId.missing`; stable, for scripts and suppression.
    public var rule: String
    /// Where the rule comes from, e.g. `RFC 7643 §4.1` or `Entra: API-driven provisioning`.
    public var source: String
    /// Index of the record in the input set, when the problem belongs to one record.
    public var record: Int?
    /// Index of the document in the input, when the input holds several.
    public var document: Int?
    /// Path from the document root to the offending value.
    public var path: JSONPath?
    /// Byte offset in the file, when known; turned into `position` by the reader that owns the bytes.
    public var offset: Int?
    public var position: SourcePosition?
    public var message: String
    public var hint: String?
    /// Where the finding is in a JSON input, from its document's root (`Operations[3].data.userName`),
    /// set when its line and column are found from it: `path` alone is relative to the record for
    /// CSV input, and a line:column in a one-line payload (`1:1375`) says little to a reader.
    public var jsonPath: JSONPath?
    /// Set on the one line that stands for a rule's findings left out under `DiagnosticLimits`:
    /// how many it stands for, so the counts stay true.
    public var summarised: Int?

    public init(
        _ severity: Severity, rule: String, source: String, record: Int? = nil, document: Int? = nil,
        path: JSONPath? = nil, offset: Int? = nil, position: SourcePosition? = nil,
        message: String, hint: String? = nil, jsonPath: JSONPath? = nil
    ) {
        self.severity = severity
        self.rule = rule
        self.source = source
        self.record = record
        self.document = document
        self.path = path
        self.offset = offset
        self.position = position
        self.message = message
        self.hint = hint
        self.jsonPath = jsonPath
    }
}

extension Array where Element == Diagnostic {
    public var errorCount: Int { count(of: .error) }
    public var warningCount: Int { count(of: .warning) }
    public var noteCount: Int { count(of: .note) }

    /// Findings of a severity, counting those a summary line stands for.
    public func count(of severity: Diagnostic.Severity) -> Int {
        reduce(0) { $0 + ($1.severity == severity ? $1.summarised ?? 1 : 0) }
    }
    public var hasErrors: Bool { contains { $0.severity == .error } }
}

extension Diagnostic {
    /// The finding of a part (a batch, a window of rows) as the whole input numbers it: its record,
    /// document, byte offset and line moved on by what came before the part.
    func shifted(records: Int = 0, documents: Int = 0, offset: Int = 0, lines: Int = 0) -> Diagnostic {
        var d = self
        d.record = d.record.map { $0 + records }
        d.document = d.document.map { $0 + documents }
        d.offset = d.offset.map { $0 + offset }
        d.position?.line += lines
        return d
    }
}
