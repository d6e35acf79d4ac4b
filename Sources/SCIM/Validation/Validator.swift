/// Validates what was read: each document's BulkRequest envelope, each record, and the set.
///
/// Diagnostics come back with full document paths and, when `locate` is given the file's bytes,
/// with the line and column of the value they point at. `limits` caps them as they are produced
/// (the command line's output); a rule's dropped findings come back as one "… and N more".
public struct Validator: Sendable {
    public var catalog: AttributeCatalog
    public var limits: DiagnosticLimits
    /// Records per worker at least: a stream's batches are small, and still worth both cores.
    var minimumRecordsPerChunk = 2048
    /// The catalog as `CleanBatchScan` reads it, when a stream's batches may take the fast path.
    var cleanScanTable: CatalogTable?

    public init(catalog: AttributeCatalog = .standard, limits: DiagnosticLimits = .unlimited) {
        self.catalog = catalog
        self.limits = limits
    }

    public func validate(_ input: InputReadResult, bytes: [UInt8]? = nil) -> [Diagnostic] {
        let cap = validateCapped(input, bytes: bytes)
        return cap.all
    }

    /// The same, kept under `limits`, before the summaries are appended.
    /// `setRules: false` leaves the set's rules to the caller (`StreamingValidator`).
    func validateCapped(_ input: InputReadResult, bytes: [UInt8]?, setRules: Bool = true) -> DiagnosticCap {
        let perRecord = perRecordDiagnostics(input.records)
        // The envelopes' rules keep the other cores busy while one runs the (serial) set rules.
        let set = ConcurrentSlots<DiagnosticCap>(count: 1)
        let setPass: @Sendable () -> Void = { set[0] = setDiagnostics(input.records) }
        let documents = concurrentChunks(of: input.documents.count, minimumPerChunk: minimumRecordsPerChunk == .max ? .max : 32, alongside: setRules ? setPass : nil) { range in
            var cap = DiagnosticCap(limits)
            for i in range { cap.add(contentsOf: documentDiagnostics(input.documents[i], index: i)) }
            return cap
        }
        var all = DiagnosticCap(limits)
        all.add(contentsOf: input.diagnostics)
        for part in documents { all.merge(part) }
        all.merge(perRecord)
        if let found = set[0] { all.merge(found) }
        if let bytes {
            all.replaceKept(DiagnosticLocator.locate(all.kept, documents: input.documents, records: input.records, in: bytes))
        }
        return all
    }

    /// Record-level and set-level diagnostics for records however they were obtained (a CSV, the form),
    /// after `reading`, what the reader found, under the same limits.
    public func recordDiagnostics(_ records: [UserRecord], after reading: [Diagnostic] = []) -> [Diagnostic] {
        var all = DiagnosticCap(limits)
        all.add(contentsOf: reading)
        all.merge(perRecordDiagnostics(records))
        all.merge(setDiagnostics(records))
        return all.all
    }

    /// Each record's own rules, on every core for large sets (records are independent).
    private func perRecordDiagnostics(_ records: [UserRecord]) -> DiagnosticCap {
        let chunks = concurrentChunks(of: records.count, minimumPerChunk: minimumRecordsPerChunk) { range in
            var rules = RecordRules(catalog: catalog.copyForWorker())
            var found = DiagnosticCap(limits)
            for i in range {
                rules.found.removeAll(keepingCapacity: true)
                rules.check(records[i].data)
                for d in rules.found { found.add(place(d, record: i, origin: records[i].origin)) }
            }
            return found
        }
        var found = DiagnosticCap(limits)
        for chunk in chunks { found.merge(chunk) }
        return found
    }

    private func setDiagnostics(_ records: [UserRecord]) -> DiagnosticCap {
        var set = RecordSetRules(limits: limits)
        set.check(records)
        var placed = set.found
        placed.replaceKept(placed.kept.map { place($0, record: $0.record ?? 0, origin: records[$0.record ?? 0].origin) })
        return placed
    }

    func place(_ d: Diagnostic, record: Int, origin: RecordOrigin?) -> Diagnostic {
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
