/// Validates what was read: each document's BulkRequest envelope, each record, and the set.
///
/// Diagnostics come back with full document paths and, when `locate` is given the file's bytes,
/// with the line and column of the value they point at.
public struct Validator: Sendable {
    public var catalog: AttributeCatalog

    public init(catalog: AttributeCatalog = .standard) { self.catalog = catalog }

    public func validate(_ input: InputReadResult, bytes: [UInt8]? = nil) -> [Diagnostic] {
        let (perRecord, keys) = perRecordDiagnostics(input.records)
        // The envelopes' rules keep the other cores busy while one runs the (serial) set rules.
        let set = ConcurrentSlots<[Diagnostic]>(count: 1)
        let documents = concurrentChunks(of: input.documents.count, minimumPerChunk: 32, alongside: {
            set[0] = setDiagnostics(input.records, keys: keys)
        }) { range in
            range.flatMap { documentDiagnostics(input.documents[$0], index: $0) }
        }
        var all = input.diagnostics + documents.flatMap { $0 } + perRecord + (set[0] ?? [])
        if let bytes { all = DiagnosticLocator.locate(all, documents: input.documents, records: input.records, in: bytes) }
        return all
    }

    /// Record-level and set-level diagnostics for records however they were obtained (a CSV, the form).
    public func recordDiagnostics(_ records: [UserRecord]) -> [Diagnostic] {
        let (perRecord, keys) = perRecordDiagnostics(records)
        return perRecord + setDiagnostics(records, keys: keys)
    }

    /// Each record's own rules, on every core for large sets (records are independent); the same
    /// pass reads what the set rules need of each record.
    private func perRecordDiagnostics(_ records: [UserRecord]) -> (found: [Diagnostic], keys: [RecordSetRules.Keys]) {
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
        return (chunks.flatMap(\.found), chunks.flatMap(\.keys))
    }

    private func setDiagnostics(_ records: [UserRecord], keys: [RecordSetRules.Keys]) -> [Diagnostic] {
        var set = RecordSetRules()
        set.check(records, keys: keys)
        return set.found.map { place($0, record: $0.record ?? 0, origin: records[$0.record ?? 0].origin) }
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
