/// What the header says about the conversion as a whole: columns that feed nothing, and rows that
/// end up as users with nothing but `schemas`.
///
/// Without a mapping, columns map themselves only when named like SCIM paths, so an HR export read
/// that way loses its data without a word: when no column maps that is an error (every user would be
/// empty), when some do it is a warning (data is dropped, probably not on purpose). With a mapping,
/// leaving columns out is the mapping's business, so the unused ones are only a note.
enum CSVColumnFindings {
    static let source = "scimterm mapping"
    static let unmappedHint = "pass --mapping or name the columns like SCIM paths"

    /// The file-level finding about columns no step reads, if any.
    static func columns(_ plan: CSVPlan, mapped: Bool, headerLine: Int) -> Diagnostic? {
        let unused = plan.unusedColumns
        let position = SourcePosition(line: headerLine, column: 1)
        if mapped {
            guard !unused.isEmpty else { return nil }
            return Diagnostic(.note, rule: "csv.column.unused", source: source, document: 0, position: position,
                              message: "\(count(unused)) \(unused.count == 1 ? "is" : "are") not used by the mapping: \(list(unused))",
                              hint: "map them in the mapping file, or keep them as strings with [remaining] extension = \"URN\" (or --extension-urn URN)")
        }
        if !plan.readsAnyColumn {
            let what = unused.isEmpty ? "no column maps to an attribute" : "\(count(unused)) \(unused.count == 1 ? "maps" : "map") to no attribute: \(list(unused))"
            return Diagnostic(.error, rule: "csv.column.unmapped", source: source, document: 0, position: position,
                              message: "\(what); \(unmappedHint)",
                              hint: "e.g. --mapping examples/csv2scim-mapping.toml, or a header like externalId,userName,name.givenName,active")
        }
        guard !unused.isEmpty else { return nil }
        return Diagnostic(.warning, rule: "csv.column.unmapped", source: source, document: 0, position: position,
                          message: "\(count(unused)) \(unused.count == 1 ? "maps" : "map") to no attribute and \(unused.count == 1 ? "is" : "are") left out: \(list(unused))",
                          hint: "\(unmappedHint), or --extension-urn URN to keep them as strings in an extension")
    }

    /// The finding for a row whose record would hold nothing but `schemas`.
    static func emptyRecord(record: Int, line: Int, mapped: Bool) -> Diagnostic {
        Diagnostic(.error, rule: "record.empty", source: source, record: record, document: 0,
                   position: SourcePosition(line: line, column: 1),
                   message: "this row gives a user with nothing but \"schemas\"",
                   hint: mapped ? "every cell the mapping reads is empty in this row" : "no column maps to an attribute: \(unmappedHint)")
    }

    /// At most eight names, then "…": a header of 200 columns must not become a 200-name line.
    static func list(_ names: [String]) -> String {
        let shown = names.prefix(8).map { $0.visibleControlCharacters }.joined(separator: ", ")
        return names.count > 8 ? shown + ", …" : shown
    }

    private static func count(_ names: [String]) -> String {
        names.count == 1 ? "1 column" : "\(names.count) columns"
    }
}
