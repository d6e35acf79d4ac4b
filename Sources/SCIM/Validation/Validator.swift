/// Validates what was read: each document's BulkRequest envelope, each record, and the set.
///
/// Diagnostics come back with full document paths and, when `locate` is given the file's bytes,
/// with the line and column of the value they point at.
public struct Validator: Sendable {
    public var catalog: AttributeCatalog

    public init(catalog: AttributeCatalog = .standard) { self.catalog = catalog }

    public func validate(_ input: InputReadResult, bytes: [UInt8]? = nil) -> [Diagnostic] {
        var all = input.diagnostics
        for (d, doc) in input.documents.enumerated() {
            all += documentDiagnostics(doc, index: d)
        }
        all += recordDiagnostics(input.records)
        if let bytes { all = DiagnosticLocator.locate(all, documents: input.documents, records: input.records, in: bytes) }
        return all
    }

    /// Record-level and set-level diagnostics for records however they were obtained (a CSV, the form).
    public func recordDiagnostics(_ records: [UserRecord]) -> [Diagnostic] {
        var all: [Diagnostic] = []
        for (i, record) in records.enumerated() {
            var rules = RecordRules(catalog: catalog)
            rules.check(record)
            all += rules.found.map { place($0, record: i, origin: record.origin) }
        }
        var set = RecordSetRules()
        set.check(records)
        all += set.found.map { place($0, record: $0.record ?? 0, origin: records[$0.record ?? 0].origin) }
        return all
    }

    private func place(_ d: Diagnostic, record: Int, origin: RecordOrigin?) -> Diagnostic {
        var d = d
        d.record = record
        if let origin {
            d.document = origin.document
            if let prefix = origin.dataPath { d.path = prefix.appending(d.path ?? .root) }
            if let line = origin.csvLine, d.position == nil { d.position = SourcePosition(line: line, column: 1) }
        }
        return d
    }

    private func documentDiagnostics(_ doc: SourceDocument, index: Int) -> [Diagnostic] {
        switch (doc.kind, doc.value) {
        case (.bulkRequest, .object(let o)):
            var rules = BulkRequestRules(document: index, prefix: .root)
            rules.check(o)
            return rules.found
        case (.bulkRequestArray, .array(let items)):
            var found: [Diagnostic] = []
            for (i, item) in items.enumerated() {
                guard let o = item.objectValue else { continue }
                var rules = BulkRequestRules(document: index, prefix: JSONPath.root.appending(index: i))
                rules.check(o)
                found += rules.found
            }
            return found
        default:
            return []
        }
    }
}
