/// Validates what was read: each document's BulkRequest envelope, each record, and the set.
///
/// Diagnostics come back with full document paths and, when `locate` is given the file's bytes,
/// with the line and column of the value they point at.
public struct Validator: Sendable {
    public var catalog: AttributeCatalog

    public init(catalog: AttributeCatalog = .standard) { self.catalog = catalog }

    public func validate(_ input: InputReadResult, bytes: [UInt8]? = nil) -> [Diagnostic] {
        var all = input.diagnostics
        all += documentDiagnostics(input.documents)
        all += recordDiagnostics(input.records)
        if let bytes { all = DiagnosticLocator.locate(all, documents: input.documents, records: input.records, in: bytes) }
        return all
    }

    /// Record-level and set-level diagnostics for records however they were obtained (a CSV, the form).
    ///
    /// Records are independent, so their own rules run on every core for large sets; the same pass
    /// reads what the set rules need of each record, leaving only the cross-record lookups serial.
    public func recordDiagnostics(_ records: [UserRecord]) -> [Diagnostic] {
        let chunks = concurrentChunks(of: records.count, minimumPerChunk: 2048) { range in
            var rules = RecordRules(catalog: catalog.copyForWorker())
            var found: [Diagnostic] = []
            var keys: [RecordSetRules.Keys] = []
            keys.reserveCapacity(range.count)
            for i in range {
                rules.found.removeAll(keepingCapacity: true)
                rules.check(records[i].data)
                for d in rules.found { found.append(place(d, record: i, origin: records[i].origin)) }
                keys.append(RecordSetRules.Keys(records[i].data))
            }
            return (found: found, keys: keys)
        }
        var all = chunks.flatMap(\.found)
        var set = RecordSetRules()
        set.check(records, keys: chunks.flatMap(\.keys))
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

    /// Each BulkRequest envelope's rules, on every core for large inputs (documents are independent).
    private func documentDiagnostics(_ documents: [SourceDocument]) -> [Diagnostic] {
        concurrentChunks(of: documents.count, minimumPerChunk: 32) { range in
            range.flatMap { documentDiagnostics(documents[$0], index: $0) }
        }.flatMap { $0 }
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
