/// Validates a JSON input a batch of whole documents at a time, keeping between batches only the
/// set rules' keys and the (capped) diagnostics, so memory does not grow with the file.
///
/// Each batch must start at the beginning of a line (`DocumentBatches` cuts them so): its findings'
/// lines are then shifted by the lines before it and their columns stay as they are.
public struct StreamingValidator {
    public let validator: Validator
    public private(set) var records = 0
    public private(set) var documents = 0
    private var lines = 0
    private var bytesRead = 0
    private var cap: DiagnosticCap
    private var set: StreamingSetRules

    /// The size of the whole input, when known: the first batch's users per byte then tell about
    /// how many users the set rules will index.
    public var expectedBytes: Int?

    public init(validator: Validator) {
        var validator = validator
        validator.minimumRecordsPerChunk = 256
        self.validator = validator
        cap = DiagnosticCap(validator.limits)
        set = StreamingSetRules(limits: validator.limits)
    }

    /// Reads and checks one batch; throws what `PayloadReader` throws for it (the caller then
    /// reads the file whole, for the exact error).
    public mutating func add(batch bytes: [UInt8]) throws(InputError) {
        defer {
            bytesRead += bytes.count
            lines += bytes.count { $0 == 0x0A }
        }
        guard bytes.contains(where: { !Self.isSpace($0) }) else { return }
        let input = try PayloadReader.read(json: bytes)
        var found = validator.validateCapped(input, bytes: bytes, setRules: false)
        found.replaceKept(found.kept.map(shifted))
        cap.merge(found)
        if records == 0, let expectedBytes, !input.records.isEmpty {
            set.reserve(records: Int(Double(input.records.count) * Double(expectedBytes) / Double(bytes.count) * 1.05))
        }
        addSetFindings(input, bytes: bytes)
        records += input.records.count
        documents += input.documents.count
    }

    /// Every finding, the set's last ones and the counts of what the limits left out included.
    public func finish() -> [Diagnostic] {
        var all = cap
        set.finish(into: &all)
        return all.all
    }

    private mutating func addSetFindings(_ input: InputReadResult, bytes: [UInt8]) {
        let (found, unresolved) = set.check(input.records, base: records)
        guard !found.isEmpty else { return }
        let placed = found.map { validator.place($0, record: $0.record ?? 0, origin: input.records[$0.record ?? 0].origin) }
        let located = DiagnosticLocator.locate(placed, documents: input.documents, records: input.records, in: bytes).map(shifted)
        var isManagerNote = [Bool](repeating: false, count: located.count)
        for (slot, manager) in unresolved {
            isManagerNote[slot] = true
            set.hold(located[slot], manager: manager)
        }
        for (slot, d) in located.enumerated() where !isManagerNote[slot] { cap.add(d) }
    }

    /// A batch's finding as the whole input numbers it.
    private func shifted(_ d: Diagnostic) -> Diagnostic {
        var d = d
        d.record = d.record.map { $0 + records }
        d.document = d.document.map { $0 + documents }
        d.offset = d.offset.map { $0 + bytesRead }
        if let p = d.position { d.position = SourcePosition(line: p.line + lines, column: p.column) }
        return d
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }
}
