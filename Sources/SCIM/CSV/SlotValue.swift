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
    /// `fill(_:from:invalid:)` over a row's byte ranges: the same steps, the same overwrites and the
    /// same refusals, with no `String` made except for a typed cell.
    func fill(_ slots: inout [SlotValue], typed: inout [UInt8], from fields: [CSVScanner.Span], in row: CSVScanner,
              invalid: (Step, Int) -> Void) {
        for (index, step) in steps.enumerated() {
            switch step.source {
            case .column(let i):
                guard i < fields.count, !row.withBytes(fields[i], Self.isBlank) else { continue }
                switch step.type {
                case .boolean?, .integer?, .decimal?:
                    guard let value = AttributePath.coerce(row.text(fields[i]), to: step.type) else {
                        invalid(step, i)
                        continue
                    }
                    let start = typed.count
                    JSONWriter.compact.write(value, into: &typed)
                    slots[step.slot] = .json(start..<typed.count)
                default:
                    slots[step.slot] = .field(fields[i])
                }
            case .constant:
                slots[step.slot] = .constant(step: index)
            case .rule(let rule):
                slots[step.slot] = .bool(rule.evaluate(fields, in: row))
            }
        }
    }

    /// `isBlank` on bytes: empty, or spaces and tabs only.
    static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 }
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
