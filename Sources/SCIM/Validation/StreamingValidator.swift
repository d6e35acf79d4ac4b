import Foundation

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
        self.init(validator: validator, fastPath: true)
    }

    /// `fastPath: false` reads every batch into JSON trees (tests compare the two ways).
    init(validator: Validator, fastPath: Bool) {
        var validator = validator
        validator.minimumRecordsPerChunk = 256
        validator.cleanScanTable = fastPath ? CatalogTable(validator.catalog) : nil
        self.validator = validator
        cap = DiagnosticCap(validator.limits)
        set = StreamingSetRules(limits: validator.limits)
    }

    /// Reads and checks one batch; throws what `PayloadReader` throws for it (the caller then
    /// reads the file whole, for the exact error).
    public mutating func add(batch bytes: [UInt8]) throws(InputError) {
        commit(try Self.prepare(batch: bytes, validator: validator))
    }

    /// What can be worked out of a batch on its own, on any thread: its documents read and checked,
    /// its lines counted and its set keys hashed. `commit` then adds it in order.
    ///
    /// A batch that `CleanBatchScan` proves free of document and record findings builds no JSON
    /// trees at all: only its set keys' hashes come out of it.
    ///
    /// The batch's JSON trees are freed here, on the worker: kept for `commit`, several batches'
    /// trees waited at once and were freed one after another on the thread that keeps the order.
    /// The rare batch with a set finding is read again there, to place it.
    public static func prepare(batch bytes: [UInt8], validator: Validator) throws(InputError) -> PreparedBatch {
        let lines = newlines(in: bytes)
        guard bytes.contains(where: { !isSpace($0) }) else { return PreparedBatch(bytes: bytes.count, lines: lines) }
        if let table = validator.cleanScanTable, let clean = CleanBatchScan.scan(bytes, table: table) {
            return PreparedBatch(bytes: bytes.count, lines: lines, text: bytes, found: DiagnosticCap(validator.limits),
                                 hashes: clean.hashes, records: clean.records, documents: clean.documents)
        }
        // A batch is one of several checked at once: splitting it further costs more than it
        // saves, unless it is one huge document read whole.
        let alone = bytes.count > 8 << 20
        let input = try PayloadReader.read(json: bytes, concurrent: alone)
        var validator = validator
        // A small document of very many users (`[{},{},…]`) still deserves every core.
        if !alone && input.records.count < 20_000 { validator.minimumRecordsPerChunk = .max }
        let found = validator.validateCapped(input, bytes: bytes, setRules: false)
        return PreparedBatch(bytes: bytes.count, lines: lines, text: bytes, input: alone ? input : nil, found: found,
                             hashes: SetKeyHashes.of(input.records), records: input.records.count,
                             documents: input.documents.count)
    }

    /// Adds a prepared batch, the batches in the order of the input.
    public mutating func commit(_ batch: PreparedBatch) {
        defer {
            bytesRead += batch.bytes
            lines += batch.lines
        }
        guard var found = batch.found else { return }
        found.replaceKept(found.kept.map(shifted))
        cap.merge(found)
        if records == 0, let expectedBytes, batch.records > 0 {
            set.reserve(records: Int(Double(batch.records) * Double(expectedBytes) / Double(batch.bytes) * 1.05))
        }
        addSetFindings(batch)
        records += batch.records
        documents += batch.documents
    }

    /// Every finding, the set's last ones and the counts of what the limits left out included.
    public func finish() -> [Diagnostic] {
        var all = cap
        set.finish(into: &all)
        return all.all
    }

    private mutating func addSetFindings(_ batch: PreparedBatch) {
        let reread = Reread(batch)
        let (found, unresolved) = set.check(hashes: batch.hashes, count: batch.records, base: records) { reread.input.records }
        guard !found.isEmpty else { return }
        let input = reread.input
        let placed = found.map { validator.place($0, record: $0.record ?? 0, origin: input.records[$0.record ?? 0].origin) }
        let located = DiagnosticLocator.locate(placed, documents: input.documents, records: input.records, in: batch.text).map(shifted)
        var isManagerNote = [Bool](repeating: false, count: located.count)
        for (slot, manager) in unresolved {
            isManagerNote[slot] = true
            set.hold(located[slot], manager: manager)
        }
        for (slot, d) in located.enumerated() where !isManagerNote[slot] { cap.add(d) }
    }

    /// A batch's documents, read again the first time a set finding needs them.
    private final class Reread {
        private let batch: PreparedBatch
        private var read: InputReadResult?

        init(_ batch: PreparedBatch) {
            self.batch = batch
            read = batch.input
        }

        var input: InputReadResult {
            if let read { return read }
            // The batch was read once already without an error, so this cannot fail.
            let again = (try? PayloadReader.read(json: batch.text, concurrent: false)) ?? InputReadResult(format: .json)
            read = again
            return again
        }
    }

    static func newlines(in bytes: [UInt8]) -> Int {
        bytes.withUnsafeBytes { b in
            guard var p = b.baseAddress else { return 0 }
            let end = p + b.count
            var count = 0
            while p < end, let hit = memchr(p, 0x0A, end - p) {
                count += 1
                p = UnsafeRawPointer(hit) + 1
            }
            return count
        }
    }

    /// A batch's finding as the whole input numbers it.
    private func shifted(_ d: Diagnostic) -> Diagnostic {
        d.shifted(records: records, documents: documents, offset: bytesRead, lines: lines)
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

    /// A batch as `prepare` left it for `commit`.
    public struct PreparedBatch: Sendable {
        let bytes: Int
        let lines: Int
        var text: [UInt8] = []
        /// Kept only for a batch too large to read twice.
        var input: InputReadResult?
        var found: DiagnosticCap?
        var hashes: [SetKeyHashes] = []
        var records = 0
        var documents = 0
    }
}
