/// CSV bytes + a mapping → user records and the diagnostics of the conversion.
///
/// The mapping is resolved to column indices once, so each row costs array lookups only: 100,000
/// rows must convert in a fraction of a second.
public struct CSVConverter: Sendable {
    public var catalog: AttributeCatalog
    public var reader = CSVReader()

    public init(catalog: AttributeCatalog = .standard) { self.catalog = catalog }

    public func convert(_ bytes: [UInt8], mapping: CSVMapping?, extensionURN: String? = nil) throws(CSVError) -> InputReadResult {
        let table = try reader.read(bytes)
        var result = InputReadResult(format: .csv)
        var diagnostics: [Diagnostic] = []
        var effective: CSVMapping
        if let mapping {
            effective = mapping
        } else {
            let (selfMapping, ignored) = CSVMapping.selfNaming(header: table.header, catalog: catalog)
            effective = selfMapping
            if extensionURN == nil, !ignored.isEmpty {
                diagnostics.append(note("csv.column.unmapped", "columns not named like SCIM attributes are ignored: \(ignored.prefix(8).joined(separator: ", "))\(ignored.count > 8 ? ", …" : "")",
                                        hint: "give a mapping (--mapping FILE), or --extension-urn URN to keep them in an extension"))
            }
        }
        if let extensionURN { effective.remainingExtension = extensionURN }
        let plan = resolve(effective, header: table.header, diagnostics: &diagnostics)
        result.records.reserveCapacity(table.rows.count)
        for (i, row) in table.rows.enumerated() {
            if row.fields.count != table.header.count {
                diagnostics.append(Diagnostic(.warning, rule: "csv.row.columns", source: "RFC 4180", record: i, document: 0,
                                              position: SourcePosition(line: row.line, column: 1),
                                              message: "this row has \(row.fields.count) fields, the header \(table.header.count)",
                                              hint: "a field with a comma or a line break must be quoted"))
            }
            result.records.append(record(row, index: i, plan: plan, diagnostics: &diagnostics))
        }
        result.diagnostics = diagnostics
        return result
    }

    struct Plan {
        var steps: [(path: AttributePath, source: ResolvedSource)]
        var remaining: (urn: String, columns: [(index: Int, name: String)])?
        var columnIndex: [String: Int]
    }

    enum ResolvedSource {
        case column(Int)
        case constant(JSONValue)
        case rule(BooleanRule)
    }

    private func resolve(_ mapping: CSVMapping, header: [String], diagnostics: inout [Diagnostic]) -> Plan {
        var index: [String: Int] = [:]
        for (i, name) in header.enumerated() where index[name] == nil { index[name] = i }
        let lowered = Dictionary(header.enumerated().map { ($0.element.lowercased(), $0.offset) }, uniquingKeysWith: { a, _ in a })
        func find(_ column: String) -> Int? { index[column] ?? lowered[column.trimmingSpaces.lowercased()] }
        var steps: [(AttributePath, ResolvedSource)] = []
        var used = Set<Int>()
        for a in mapping.assignments {
            switch a.source {
            case .column(let c):
                guard let i = find(c) else {
                    diagnostics.append(Diagnostic(.error, rule: "mapping.column.missing", source: "scimterm mapping", position: SourcePosition(line: 1, column: 1),
                                                  message: "the mapping reads column \"\(c)\" for \(a.path), but the CSV has no such column",
                                                  hint: Self.closest(c, in: header).map { "did you mean \"\($0)\"?" }))
                    continue
                }
                used.insert(i)
                steps.append((a.path, .column(i)))
            case .constant(let v):
                steps.append((a.path, .constant(v)))
            case .rule(let r):
                for c in r.columns {
                    if let i = find(c) { used.insert(i) } else {
                        diagnostics.append(Diagnostic(.error, rule: "mapping.column.missing", source: "scimterm mapping", position: SourcePosition(line: 1, column: 1),
                                                      message: "the rule for \(a.path) reads column \"\(c)\", but the CSV has no such column",
                                                      hint: Self.closest(c, in: header).map { "did you mean \"\($0)\"?" }))
                    }
                }
                steps.append((a.path, .rule(r)))
            }
        }
        let remaining = mapping.remainingExtension.map { urn in
            (urn, header.enumerated().filter { !used.contains($0.offset) }.map { (index: $0.offset, name: $0.element) })
        }
        var resolvedIndex = index
        for (k, v) in lowered where resolvedIndex[k] == nil { resolvedIndex[k] = v }
        return Plan(steps: steps, remaining: remaining, columnIndex: resolvedIndex)
    }

    private func record(_ row: CSVRow, index: Int, plan: Plan, diagnostics: inout [Diagnostic]) -> UserRecord {
        var record = UserRecord(origin: RecordOrigin(document: 0, index: index, offset: row.offset, csvLine: row.line))
        let fields = row.fields
        for (path, source) in plan.steps {
            switch source {
            case .column(let i):
                guard i < fields.count, !fields[i].isEmpty else { continue }
                guard let value = path.coerce(fields[i], catalog: catalog) else {
                    diagnostics.append(Diagnostic(.error, rule: "csv.value.type", source: "scimterm mapping", record: index, document: 0,
                                                  position: SourcePosition(line: row.line, column: 1),
                                                  message: "\"\(fields[i])\" is not a valid \(path.definition(in: catalog)?.type.rawValue ?? "value") for \(path)",
                                                  hint: "booleans are true/false, yes/no or 1/0"))
                    continue
                }
                path.apply(value, to: &record, catalog: catalog)
            case .constant(let v):
                path.apply(v, to: &record, catalog: catalog)
            case .rule(let r):
                let result = r.evaluate { name in
                    (plan.columnIndex[name] ?? plan.columnIndex[name.lowercased()]).flatMap { $0 < fields.count ? fields[$0] : nil }
                }
                path.apply(.bool(result), to: &record, catalog: catalog)
            }
        }
        if let (urn, columns) = plan.remaining {
            var ext = JSONObject()
            for c in columns where c.index < fields.count && !fields[c.index].isEmpty { ext.append(c.name, .string(fields[c.index])) }
            if !ext.isEmpty { record.data.setAttribute(urn, .object(ext)) }
        }
        record.data.insert("schemas", .array(record.expectedSchemas.map { .string($0) }), at: 0)
        return record
    }

    private func note(_ rule: String, _ message: String, hint: String?) -> Diagnostic {
        Diagnostic(.note, rule: rule, source: "scimterm mapping", document: 0, position: SourcePosition(line: 1, column: 1), message: message, hint: hint)
    }

    /// The header most like `name` (edit distance), to suggest a fix for a typo.
    static func closest(_ name: String, in header: [String]) -> String? {
        let target = Array(name.lowercased())
        let scored = header.map { h -> (String, Int) in (h, editDistance(target, Array(h.lowercased()))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, target.count / 3) else { return nil }
        return best.0
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, cb) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
