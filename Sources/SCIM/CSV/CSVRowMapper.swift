/// One data row → value slots, with the row's findings. Resolved once against the header and then
/// read-only, so the sequential loop and every parallel chunk share the very same per-row code.
struct CSVRowMapper: Sendable {
    let plan: CSVPlan
    let header: [String]
    /// A mapping file was given (the hints differ when columns name attributes themselves).
    let mapped: Bool
    let bytes: [UInt8]
    let delimiter: UInt8

    /// Fills `slots` (cleared first) from `row`, record `index`, appending its findings to `diagnostics`.
    /// Positions count from `row.line`, so a chunk parsed with provisional lines shifts them afterwards.
    func map(_ row: CSVRow, index: Int, into slots: inout [JSONValue?], diagnostics: inout [Diagnostic]) {
        if row.fields.count != header.count {
            diagnostics.append(Diagnostic(.warning, rule: "csv.row.columns", source: "RFC 4180", record: index, document: 0,
                                          position: SourcePosition(line: row.line, column: 1),
                                          message: "this row has \(row.fields.count) fields, the header \(header.count)",
                                          hint: "a field holding the delimiter or a line break must be in double quotes"))
        }
        for i in slots.indices { slots[i] = nil }
        plan.fill(&slots, from: row.fields) { step, field in
            let type = step.type?.rawValue ?? "value"
            diagnostics.append(Diagnostic(.warning, rule: "csv.value.\(type)", source: "scimterm mapping", record: index, document: 0,
                                          position: position(ofField: field, in: row),
                                          message: "\"\(row.fields[field])\" in column \(header[field]) is not a valid \(type) for \(step.path); left out",
                                          hint: step.type == .boolean ? "write true/false, yes/no or 1/0, or map the column with a rule"
                                                                      : "write a plain number"))
        }
        if slots.allSatisfy({ $0 == nil }) {
            diagnostics.append(CSVColumnFindings.emptyRecord(record: index, line: row.line, mapped: mapped))
        }
    }

    private func position(ofField index: Int, in row: CSVRow) -> SourcePosition {
        let offset = CSVParser.fieldOffset(index, rowOffset: row.offset, in: bytes, delimiter: delimiter)
        return CSVParser.position(of: offset, rowOffset: row.offset, rowLine: row.line, in: bytes)
    }
}
