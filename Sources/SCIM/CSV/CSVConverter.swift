/// CSV bytes + a mapping → user records and the diagnostics of the conversion.
///
/// The mapping is resolved once against the header (column indices, catalog types, the shape of the
/// record: see `CSVPlan`), then each row costs array lookups only, and rows are converted as they are
/// read, so the parsed table never sits in memory beside the records.
public struct CSVConverter: Sendable {
    public var catalog: AttributeCatalog
    public var reader = CSVReader()

    public init(catalog: AttributeCatalog = .standard) { self.catalog = catalog }

    /// Converts every row. `extensionURN` (the CLI's `--extension-urn`) overrides the mapping's
    /// "remaining columns" extension. Throws only when the bytes are not a readable CSV; everything
    /// about the mapping or single rows is a diagnostic.
    public func convert(_ bytes: [UInt8], mapping: CSVMapping?, extensionURN: String? = nil) throws(CSVError) -> InputReadResult {
        var result = InputReadResult(format: .csv)
        var records: [UserRecord] = []
        records.reserveCapacity(bytes.count / 200)
        result.diagnostics = try forEachRecord(bytes, mapping: mapping, extensionURN: extensionURN) { records.append($0) }
        result.records = records
        return result
    }

    /// Converts row by row, handing each record to `sink` as soon as it is built, so a caller that
    /// writes as it goes (`scimterm convert`) never holds every record at once. Returns the diagnostics.
    public func forEachRecord(_ bytes: [UInt8], mapping: CSVMapping?, extensionURN: String? = nil,
                              _ sink: (UserRecord) -> Void) throws(CSVError) -> [Diagnostic] {
        try forEachRow(bytes, mapping: mapping, extensionURN: extensionURN) { slots, plan, row, index in
            sink(UserRecord(data: plan.layout.buildRecord(slots),
                            origin: RecordOrigin(document: 0, index: index, offset: row.offset, csvLine: row.line)))
        }
    }

    /// The row loop: each row's value slots, filled through the plan, before any JSON is built.
    func forEachRow(_ bytes: [UInt8], mapping: CSVMapping?, extensionURN: String?,
                    _ sink: ([JSONValue?], CSVPlan, CSVRow, Int) -> Void) throws(CSVError) -> [Diagnostic] {
        var (stream, mapper, diagnostics) = try prepare(bytes, mapping: mapping, extensionURN: extensionURN)
        var slots = [JSONValue?](repeating: nil, count: mapper.plan.layout.slotCount)
        var index = 0
        while let row = try stream.next() {
            mapper.map(row, index: index, into: &slots, diagnostics: &diagnostics)
            sink(slots, mapper.plan, row, index)
            index += 1
        }
        return diagnostics
    }

    /// Reads the header and resolves the mapping against it: the stream is left at the first data row.
    /// Without `checkingEncoding` the caller checks it (`CSVReader.rows`); an encoding error still
    /// comes before any error of the header.
    func prepare(_ bytes: [UInt8], mapping: CSVMapping?, extensionURN: String?, checkingEncoding: Bool = true)
        throws(CSVError) -> (CSVRowStream, CSVRowMapper, [Diagnostic]) {
        let stream: CSVRowStream
        do {
            stream = try reader.rows(bytes, checkingEncoding: checkingEncoding)
        } catch {
            if !checkingEncoding { try CSVReader.checkEncoding(bytes) }
            throw error
        }
        let header = stream.header
        var diagnostics: [Diagnostic] = Self.duplicateHeaders(header, line: stream.headerLine)
        var effective = mapping ?? CSVMapping.selfNaming(header: header, catalog: catalog).mapping
        if let extensionURN { effective.remainingExtension = extensionURN }
        let plan = CSVPlan(effective, header: header, headerLine: stream.headerLine, catalog: catalog, diagnostics: &diagnostics)
        if let finding = CSVColumnFindings.columns(plan, mapped: mapping != nil, headerLine: stream.headerLine) { diagnostics.append(finding) }
        let mapper = CSVRowMapper(plan: plan, header: header, mapped: mapping != nil, bytes: bytes, delimiter: stream.delimiter)
        return (stream, mapper, diagnostics)
    }

    /// A repeated column name is ambiguous: the mapping reads the first one.
    static func duplicateHeaders(_ header: [String], line: Int) -> [Diagnostic] {
        var seen = Set<String>()
        var reported = Set<String>()
        var diagnostics: [Diagnostic] = []
        for name in header where !name.isEmpty {
            let key = name.lowercased()
            if !seen.insert(key).inserted, reported.insert(key).inserted {
                diagnostics.append(Diagnostic(.warning, rule: "csv.header.duplicate", source: "scimterm mapping", document: 0,
                                              position: SourcePosition(line: line, column: 1),
                                              message: "column \"\(name)\" appears more than once in the header; the first one is used",
                                              hint: "rename one of the columns"))
            }
        }
        return diagnostics
    }
}
