import SCIM

/// What the last import found that the workspace's own validation cannot find again: the file's
/// findings (envelope, CSV columns, rejected parts) and where in the file each user came from.
///
/// The workspace forgets file positions (a record may be edited, moved or added), so the Problems
/// list takes line:column from here: the import's own position for the same rule and path when it
/// had one, else the line where the user's record starts.
public struct ImportFindings: Sendable, Equatable {
    /// The file's findings (`record == nil`), in the order `DiagnosticText.sorted` gives.
    public private(set) var file: [Diagnostic] = []
    public private(set) var errors = 0
    public private(set) var warnings = 0
    public private(set) var notes = 0
    /// Record index at import → where that record's finding of (rule, record-relative path) was.
    private var positions: [Key: SourcePosition] = [:]
    /// Record index at import → the line:column where its user begins in the file.
    private var starts: [SourcePosition?] = []

    struct Key: Hashable, Sendable {
        var record: Int
        var rule: String
        var path: String
    }

    public init() {}

    /// Sorts the import's diagnostics into the file's own and the records' positions.
    /// `starts[i]` is where record `i` begins (nil when unknown).
    public init(_ diagnostics: [Diagnostic], records: [UserRecord], starts: [SourcePosition?]) {
        self.starts = starts
        var fileOnes: [Diagnostic] = []
        for d in diagnostics {
            guard let index = d.record else {
                fileOnes.append(d)
                continue
            }
            guard let position = d.position, index < records.count else { continue }
            let key = Key(record: index, rule: d.rule, path: Self.relative(d.path, under: records[index].origin?.dataPath))
            if positions[key] == nil { positions[key] = position }
        }
        file = DiagnosticText.sorted(fileOnes)
        errors = file.errorCount
        warnings = file.warningCount
        notes = file.noteCount
    }

    public var isEmpty: Bool { file.isEmpty }

    /// The job's mapping's notes about the whole file (`schema.source.absent`), from the latest
    /// validation: they replace the previous ones and sit with the file's own findings, so the file
    /// row, its counts and the Problems list show them like any file finding.
    public mutating func setMappingNotes(_ found: [Diagnostic]) {
        let own = file.filter { !$0.rule.hasPrefix(Self.mappingRulePrefix) }
        guard own.count + found.count != file.count || !found.allSatisfy(file.contains) else { return }
        file = own + found
        errors = file.errorCount
        warnings = file.warningCount
        notes = file.noteCount
    }

    static let mappingRulePrefix = "schema."

    /// Where a workspace diagnostic of the record imported at `index` points in the file.
    func position(of d: Diagnostic, importIndex index: Int) -> SourcePosition? {
        if let exact = positions[Key(record: index, rule: d.rule, path: Self.relative(d.path, under: nil))] { return exact }
        return index < starts.count ? starts[index] : nil
    }

    /// A record's diagnostic path without the document's prefix (`Operations[3].data.`), as the
    /// workspace's validation, which sees the bare record, writes it.
    static func relative(_ path: JSONPath?, under prefix: JSONPath?) -> String {
        guard let path else { return "" }
        guard let prefix, path.components.starts(with: prefix.components) else { return path.description }
        return JSONPath(Array(path.components.dropFirst(prefix.components.count))).description
    }

    /// Where each record begins: its CSV line, or its first byte's line:column in the JSON.
    public static func starts(of records: [UserRecord], in bytes: [UInt8]) -> [SourcePosition?] {
        var offsets: [Int] = []
        var slots: [Int?] = []
        slots.reserveCapacity(records.count)
        for record in records {
            guard let origin = record.origin, origin.csvLine == nil, origin.offset >= 0, origin.offset <= bytes.count else {
                slots.append(nil)
                continue
            }
            slots.append(offsets.count)
            offsets.append(origin.offset)
        }
        let found = offsets.isEmpty ? [] : SourcePosition.positions(of: offsets, in: bytes)
        return zip(records, slots).map { record, slot in
            if let line = record.origin?.csvLine { return SourcePosition(line: line, column: 1) }
            return slot.map { found[$0] }
        }
    }
}
