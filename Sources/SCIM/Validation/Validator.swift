import Foundation

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
        var all = perRecordDiagnostics(records)
        var set = RecordSetRules()
        set.check(records)
        all += set.found.map { place($0, record: $0.record ?? 0, origin: records[$0.record ?? 0].origin) }
        return all
    }

    /// Each record's own rules, on every core for large sets (records are independent).
    private func perRecordDiagnostics(_ records: [UserRecord]) -> [Diagnostic] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let chunks = records.count > 4096 ? min(cores, 8) : 1
        let results = ConcurrentSlots<[Diagnostic]>(count: chunks)
        let work: @Sendable (Int) -> Void = { chunk in
            var found: [Diagnostic] = []
            let lower = records.count * chunk / chunks, upper = records.count * (chunk + 1) / chunks
            var rules = RecordRules(catalog: catalog)
            for i in lower..<upper {
                rules.found.removeAll(keepingCapacity: true)
                rules.check(records[i].data)
                for d in rules.found { found.append(place(d, record: i, origin: records[i].origin)) }
            }
            results[chunk] = found
        }
        if chunks == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: chunks, execute: work) }
        return (0..<chunks).flatMap { results[$0] ?? [] }
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
