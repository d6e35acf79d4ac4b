/// One data row → value slots, with the row's findings. Resolved once against the header and then
/// read-only, so the sequential loop and every parallel chunk share the very same per-row code.
struct CSVRowMapper: Sendable {
    let plan: CSVPlan
    let header: [String]
    /// A mapping file was given (the hints differ when columns name attributes themselves).
    let mapped: Bool
    let bytes: [UInt8]
    let delimiter: UInt8
    /// The plan's steps as plain integers, for the byte-level `map`.
    let byteSteps: [CSVPlan.ByteStep]

    init(plan: CSVPlan, header: [String], mapped: Bool, bytes: [UInt8], delimiter: UInt8) {
        self.plan = plan
        self.header = header
        self.mapped = mapped
        self.bytes = bytes
        self.delimiter = delimiter
        byteSteps = plan.byteSteps
    }

    /// Fills `slots` (cleared first) from `row`, record `index`, appending its findings to `diagnostics`.
    /// Positions count from `row.line`, so a chunk parsed with provisional lines shifts them afterwards.
    func map(_ row: CSVRow, index: Int, into slots: inout [JSONValue?], diagnostics: inout [Diagnostic]) {
        if row.fields.count != header.count {
            diagnostics.append(widthWarning(row.fields.count, record: index, line: row.line))
        }
        for i in slots.indices { slots[i] = nil }
        plan.fill(&slots, from: row.fields) { step, field in
            diagnostics.append(invalidValue(step, field: field, text: row.fields[field], record: index, line: row.line, offset: row.offset))
        }
        if slots.allSatisfy({ $0 == nil }) {
            diagnostics.append(CSVColumnFindings.emptyRecord(record: index, line: row.line, mapped: mapped))
        }
    }

    /// The same for a row read as byte ranges (the converter's fast path): the same slots as
    /// `SlotValue`s and the same findings, in the same order.
    func map(_ fields: [CSVScanner.Span], in scanner: CSVScanner, line: Int, offset: Int, index: Int,
             into slots: inout [SlotValue], typed: inout [UInt8], diagnostics: inout [Diagnostic]) {
        if fields.count != header.count {
            diagnostics.append(widthWarning(fields.count, record: index, line: line))
        }
        for i in slots.indices { slots[i] = .none }
        // Refusals come back as indices rather than through a closure: a closure over `self` copied
        // the whole mapper, with a retain and a release per member, on every row.
        var refused: [CSVPlan.Refusal] = []
        plan.fill(&slots, typed: &typed, steps: byteSteps, from: fields, in: scanner, refused: &refused)
        for r in refused {
            diagnostics.append(invalidValue(plan.steps[r.step], field: r.column, text: scanner.text(fields[r.column]),
                                            record: index, line: line, offset: offset))
        }
        if slots.allSatisfy({ $0.isNone }) {
            diagnostics.append(CSVColumnFindings.emptyRecord(record: index, line: line, mapped: mapped))
        }
    }

    private func widthWarning(_ count: Int, record: Int, line: Int) -> Diagnostic {
        Diagnostic(.warning, rule: "csv.row.columns", source: "RFC 4180", record: record, document: 0,
                   position: SourcePosition(line: line, column: 1),
                   message: "this row has \(count) fields, the header \(header.count)",
                   hint: "a field holding the delimiter or a line break must be in double quotes")
    }

    private func invalidValue(_ step: CSVPlan.Step, field: Int, text: String, record: Int, line: Int, offset: Int) -> Diagnostic {
        let type = step.type?.rawValue ?? "value"
        return Diagnostic(.warning, rule: "csv.value.\(type)", source: "scimterm mapping", record: record, document: 0,
                          position: position(ofField: field, rowOffset: offset, rowLine: line),
                          message: "\"\(text)\" in column \(header[field]) is not a valid \(type) for \(step.path); left out",
                          hint: step.type == .boolean ? "write true/false, yes/no or 1/0, or map the column with a rule"
                                                      : "write a plain number")
    }

    private func position(ofField index: Int, rowOffset: Int, rowLine: Int) -> SourcePosition {
        let offset = CSVParser.fieldOffset(index, rowOffset: rowOffset, in: bytes, delimiter: delimiter)
        return CSVParser.position(of: offset, rowOffset: rowOffset, rowLine: rowLine, in: bytes)
    }
}
