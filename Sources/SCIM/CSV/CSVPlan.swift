/// A mapping resolved against one CSV header: each assignment becomes a step that reads a field by
/// index (or a constant, or a compiled rule) and writes a slot of the record layout.
struct CSVPlan: Sendable {
    struct Step: Sendable {
        var slot: Int
        var source: Source
        /// The catalog type values are coerced to; nil or a string-like type keeps the text.
        var type: AttributeDefinition.DataType?
        var path: AttributePath
    }

    enum Source: Sendable {
        case column(Int)
        case constant(JSONValue)
        case rule(CompiledRule)
    }

    private(set) var steps: [Step] = []
    private(set) var layout = RecordLayout()
    /// Named columns no step reads: what the file holds that the records will not.
    private(set) var unusedColumns: [String] = []

    /// Whether any step reads the row (a column or a rule), rather than only writing constants.
    var readsAnyColumn: Bool {
        steps.contains { if case .constant = $0.source { false } else { true } }
    }

    init(_ mapping: CSVMapping, header: [String], headerLine: Int, catalog: AttributeCatalog, diagnostics: inout [Diagnostic]) {
        var exact: [String: Int] = [:]
        var folded: [String: Int] = [:]
        for (i, name) in header.enumerated() {
            if exact[name] == nil { exact[name] = i }
            if folded[name.lowercased()] == nil { folded[name.lowercased()] = i }
        }
        // Column names match exactly first, then ignoring case and spaces: "WorkerId " is WorkerID.
        func find(_ column: String) -> Int? { exact[column] ?? folded[column.trimmingSpaces.lowercased()] }
        func missing(_ column: String, _ what: String) {
            diagnostics.append(Diagnostic(.error, rule: "mapping.column.missing", source: "scimterm mapping", document: 0,
                                          position: SourcePosition(line: headerLine, column: 1),
                                          message: "the mapping reads column \"\(column)\" for \(what), but the CSV has no such column",
                                          hint: NameSuggestion.closest(column, in: header).map { "did you mean \"\($0)\"?" }
                                              ?? "the header has: \(header.prefix(12).joined(separator: ", "))"))
        }
        var used = Set<Int>()
        for assignment in mapping.assignments {
            let resolved = assignment.path.resolved(in: catalog)
            guard let slot = layout.slot(for: resolved) else {
                diagnostics.append(Diagnostic(.warning, rule: "mapping.path.conflict", source: "scimterm mapping", document: 0,
                                              message: "\(assignment.path) clashes with another mapped path (an attribute cannot be both a value and an object); ignored"))
                continue
            }
            let source: Source
            switch assignment.source {
            case .column(let name):
                guard let i = find(name) else {
                    missing(name, assignment.path.description)
                    continue
                }
                used.insert(i)
                source = .column(i)
            case .constant(let value):
                source = .constant(Self.typed(value, resolved.type))
            case .rule(let rule):
                for name in rule.columns {
                    if let i = find(name) { used.insert(i) } else { missing(name, "the rule of \(assignment.path)") }
                }
                source = .rule(CompiledRule(rule, index: find))
            }
            steps.append(Step(slot: slot, source: source, type: resolved.type, path: assignment.path))
        }
        guard let urn = mapping.remainingExtension else {
            // A repeated name is reported as a duplicate header already: named once, and not at all when read.
            var named = Set(used.map { header[$0].lowercased() })
            unusedColumns = header.filter { !$0.isEmpty && named.insert($0.lowercased()).inserted }
            return
        }
        let container = catalog.schema(urn)?.urn ?? urn
        for (i, name) in header.enumerated() where !used.contains(i) && !name.isEmpty {
            guard let slot = layout.slot(steps: [.object(container)], leaf: name) else { continue }
            let path = AttributePath(urn: container, attribute: name)
            steps.append(Step(slot: slot, source: .column(i), type: nil, path: path))
        }
    }

    /// Writes one row's values into `slots`; a later step overwrites an earlier one for the same
    /// attribute, but an empty (or blank) cell never does. `invalid` hears of cells the type refuses.
    func fill(_ slots: inout [JSONValue?], from fields: [String], invalid: (Step, Int) -> Void) {
        for step in steps {
            switch step.source {
            case .column(let i):
                guard i < fields.count, !Self.isBlank(fields[i]) else { continue }
                switch step.type {
                case .boolean?, .integer?, .decimal?:
                    if let value = AttributePath.coerce(fields[i], to: step.type) { slots[step.slot] = value } else { invalid(step, i) }
                default:
                    slots[step.slot] = .string(fields[i])
                }
            case .constant(let value):
                slots[step.slot] = value
            case .rule(let rule):
                slots[step.slot] = .bool(rule.evaluate(fields))
            }
        }
    }

    /// Empty, or spaces only: HR exports pad missing values, and " " is no name.
    static func isBlank(_ s: String) -> Bool {
        s.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// A TOML `"true"` for a boolean attribute means true: constants get the catalog's type when the text allows.
    static func typed(_ value: JSONValue, _ type: AttributeDefinition.DataType?) -> JSONValue {
        guard case .string(let text) = value, let type, type == .boolean || type == .integer || type == .decimal else { return value }
        return AttributePath.coerce(text, to: type) ?? value
    }
}
