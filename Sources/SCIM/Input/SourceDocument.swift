/// One top-level JSON value of an input file and what it turned out to be.
public struct SourceDocument: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        case bulkRequest = "BulkRequest"
        case user = "User"
        case userArray = "array of Users"
        case bulkRequestArray = "array of BulkRequests"
        case unknown
    }

    public var kind: Kind
    public var value: JSONValue
    /// Byte range of the value in the file, so diagnostics can be located in the original text.
    public var range: Range<Int>

    public init(kind: Kind, value: JSONValue, range: Range<Int>) {
        self.kind = kind
        self.value = value
        self.range = range
    }
}

/// Everything read from one input: the documents as they came, the records in them, and problems
/// found while reading (validation is separate: see `Validator`).
public struct InputReadResult: Sendable {
    public enum Format: String, Sendable, Equatable {
        case json = "JSON"
        case jsonSequence = "JSON sequence"
        case csv = "CSV"
    }

    public var format: Format
    public var documents: [SourceDocument]
    public var records: [UserRecord]
    public var diagnostics: [Diagnostic]
    /// Declared last: see `DeferredRelease`.
    var deferredRelease: DeferredRelease?

    public init(format: Format, documents: [SourceDocument] = [], records: [UserRecord] = [], diagnostics: [Diagnostic] = []) {
        self.format = format
        self.documents = documents
        self.records = records
        self.diagnostics = diagnostics
    }
}
