/// Findings about records that a check outside SCIM makes (the job's mapping, in Mapping), placed
/// and located in the file like the validator's own and kept under the same limits.
///
/// A JSON file is read a batch of documents at a time, as `validate` streams it, so memory stays
/// flat; the check sees each user once, in order. Paths in the check's findings are relative to
/// the record's `data`.
public struct RecordFindings {
    private var cap: DiagnosticCap
    private var keptByRule: [String: Int] = [:]
    private var kept = 0
    private var records = 0
    private var documents = 0
    private var lines = 0
    private var bytesRead = 0

    public init(limits: DiagnosticLimits) {
        cap = DiagnosticCap(limits)
    }

    /// Every finding, with a "… and N more" line per rule the limits cut.
    public var all: [Diagnostic] { cap.all }

    /// A finding about the whole file (no record, no position).
    public mutating func add(_ d: Diagnostic) { cap.add(d) }

    /// Reads `path` in batches and checks each user; false when the file cannot be streamed (stdin,
    /// CSV, not JSON, a syntax error): the caller then reads it whole and calls `add(_:bytes:check:)`.
    public mutating func stream(path: String, batchBytes: Int, check: (UserRecord) -> [Diagnostic]) -> Bool {
        struct NotStreamable: Error {}
        guard path != "-" else { return false }
        var start = self
        do {
            let outcome = try DocumentBatches.read(path: path, size: batchBytes) { (batch: [UInt8]) throws(NotStreamable) in
                if start.bytesRead == 0 && !PayloadReader.looksLikeJSON(batch) { throw NotStreamable() }
                guard let input = try? PayloadReader.read(json: batch, concurrent: false) else { throw NotStreamable() }
                start.add(input, bytes: batch, check: check)
                start.lines += StreamingValidator.newlines(in: batch)
                start.bytesRead += batch.count
            }
            guard outcome == .done, start.documents > 0 else { return false }
        } catch {
            return false
        }
        self = start
        return true
    }

    /// Checks the users of one read input (a whole file, or one batch of a stream); `bytes` locates
    /// the findings in a JSON input (a CSV row's line comes from the record).
    public mutating func add(_ input: InputReadResult, bytes: [UInt8]?, check: (UserRecord) -> [Diagnostic]) {
        let placer = Validator()
        var found: [Diagnostic] = []
        for (i, record) in input.records.enumerated() {
            for d in check(record) where admit(d) { found.append(placer.place(d, record: i, origin: record.origin)) }
        }
        if let bytes, input.format != .csv {
            found = DiagnosticLocator.locate(found, documents: input.documents, records: input.records, in: bytes)
        }
        for d in found { cap.add(shifted(d)) }
        records += input.records.count
        documents += input.documents.count
    }

    /// Whether the limits keep a finding: only kept ones are located (a file of 100,000 users with
    /// one unread attribute each would otherwise locate 100,000 paths to print 1,000).
    private mutating func admit(_ d: Diagnostic) -> Bool {
        let count = keptByRule[d.rule, default: 0]
        guard count < cap.limits.perRule && kept < cap.limits.total else {
            cap.countDropped(d.rule, severity: d.severity, count: 1)
            return false
        }
        keptByRule[d.rule] = count + 1
        kept += 1
        return true
    }

    private func shifted(_ d: Diagnostic) -> Diagnostic {
        d.shifted(records: records, documents: documents, offset: bytesRead, lines: lines)
    }
}
