/// One row's value for a slot of the record layout, as a reference into the row rather than a
/// `JSONValue`: the converter's fast path fills an array of these per row (reused, never
/// reallocated) and writes JSON from it, so a row costs no `String` per field and no value tree.
enum SlotValue: Equatable {
    case none
    /// A cell, written as a JSON string.
    case field(CSVScanner.Span)
    /// A typed cell (boolean, integer, decimal) already written as JSON into the row's `typed` bytes.
    case json(Range<Int>)
    /// The constant of plan step `step`, written once when the mapping was compiled.
    case constant(step: Int)
    case bool(Bool)

    var isNone: Bool { if case .none = self { true } else { false } }
}

extension CSVPlan {
    /// A step reduced to plain integers, so the row loop copies no strings or rules (their
    /// reference counting was most of a row's cost); the step itself is read again only for a
    /// typed cell or a rule.
    struct ByteStep: Sendable {
        enum Kind: UInt8, Sendable { case text, typed, constant, rule }
        let kind: Kind
        let slot: Int
        let column: Int
        let step: Int
    }

    var byteSteps: [ByteStep] {
        steps.enumerated().map { index, step in
            switch step.source {
            case .column(let i):
                let typed = step.type == .boolean || step.type == .integer || step.type == .decimal
                return ByteStep(kind: typed ? .typed : .text, slot: step.slot, column: i, step: index)
            case .constant: return ByteStep(kind: .constant, slot: step.slot, column: 0, step: index)
            case .rule: return ByteStep(kind: .rule, slot: step.slot, column: 0, step: index)
            }
        }
    }

    /// A typed cell that did not convert: plan step `step`, read from `column`.
    struct Refusal { let step: Int, column: Int }

    /// `fill(_:from:invalid:)` over a row's byte ranges: the same steps, the same overwrites and the
    /// same refusals, with no `String` made except for a typed cell.
    func fill(_ slots: inout [SlotValue], typed: inout [UInt8], steps byteSteps: [ByteStep], from fields: [CSVScanner.Span],
              in row: CSVScanner, refused: inout [Refusal]) {
        for s in byteSteps {
            switch s.kind {
            case .text:
                guard s.column < fields.count, !row.isBlank(fields[s.column]) else { continue }
                slots[s.slot] = .field(fields[s.column])
            case .typed:
                guard s.column < fields.count, !row.isBlank(fields[s.column]) else { continue }
                let step = steps[s.step]
                guard let value = AttributePath.coerce(row.text(fields[s.column]), to: step.type) else {
                    refused.append(Refusal(step: s.step, column: s.column))
                    continue
                }
                let start = typed.count
                JSONWriter.compact.write(value, into: &typed)
                slots[s.slot] = .json(start..<typed.count)
            case .constant:
                slots[s.slot] = .constant(step: s.step)
            case .rule:
                guard case .rule(let rule) = steps[s.step].source else { continue }
                slots[s.slot] = .bool(rule.evaluate(fields, in: row))
            }
        }
    }
}

extension CSVScanner {
    /// Empty, or spaces and tabs only (`CSVPlan.isBlank` on the field's bytes).
    func isBlank(_ span: Span) -> Bool {
        guard span.count > 0 else { return true }
        let first = span.inScratch ? scratch[span.start] : bytes[span.start]
        guard first == 0x20 || first == 0x09 else { return false }
        return withBytes(span) { $0.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
    }
}

extension CompiledRule {
    /// `evaluate(_:)` over a row's byte ranges; a non-ASCII cell that needs case folding is the
    /// only one made into a `String`.
    func evaluate(_ fields: [CSVScanner.Span], in row: CSVScanner) -> Bool {
        func matches(_ i: Int?, _ folded: String) -> Bool {
            guard let i, i < fields.count else { return Self.matches("", folded: folded) }
            return row.withBytes(fields[i]) { Self.asciiMatch($0, folded: folded) } ?? (Self.fold(row.text(fields[i])) == folded)
        }
        switch self {
        case .literal(let b): return b
        case .equals(let i, let v): return matches(i, v)
        case .oneOf(let i, let vs): return vs.contains { matches(i, $0) }
        case .not(let r): return !r.evaluate(fields, in: row)
        case .and(let a, let b): return a.evaluate(fields, in: row) && b.evaluate(fields, in: row)
        case .or(let a, let b): return a.evaluate(fields, in: row) || b.evaluate(fields, in: row)
        }
    }
}
