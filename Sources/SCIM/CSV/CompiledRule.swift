/// A `BooleanRule` with its column names resolved to field indices and its values case-folded once,
/// so evaluating it on a row costs no dictionary lookups and, for ASCII cells, no allocation.
indirect enum CompiledRule: Sendable {
    case literal(Bool)
    /// A nil index is a column the CSV lacks (already reported): its cell reads as empty.
    case equals(Int?, folded: String)
    case oneOf(Int?, folded: [String])
    case not(CompiledRule)
    case and(CompiledRule, CompiledRule)
    case or(CompiledRule, CompiledRule)

    init(_ rule: BooleanRule, index: (String) -> Int?) {
        switch rule {
        case .literal(let b): self = .literal(b)
        case .equals(let c, let v): self = .equals(index(c), folded: Self.fold(v))
        case .notEquals(let c, let v): self = .not(.equals(index(c), folded: Self.fold(v)))
        case .oneOf(let c, let vs): self = .oneOf(index(c), folded: vs.map(Self.fold))
        case .not(let r): self = .not(CompiledRule(r, index: index))
        case .and(let a, let b): self = .and(CompiledRule(a, index: index), CompiledRule(b, index: index))
        case .or(let a, let b): self = .or(CompiledRule(a, index: index), CompiledRule(b, index: index))
        }
    }

    func evaluate(_ fields: [String]) -> Bool {
        func cell(_ i: Int?) -> String { i.map { $0 < fields.count ? fields[$0] : "" } ?? "" }
        switch self {
        case .literal(let b): return b
        case .equals(let i, let v): return Self.matches(cell(i), folded: v)
        case .oneOf(let i, let vs):
            let c = cell(i)
            return vs.contains { Self.matches(c, folded: $0) }
        case .not(let r): return !r.evaluate(fields)
        case .and(let a, let b): return a.evaluate(fields) && b.evaluate(fields)
        case .or(let a, let b): return a.evaluate(fields) || b.evaluate(fields)
        }
    }

    /// Trimmed and lower-cased: how both sides of a comparison are read (PowerShell's `-eq` ignores
    /// case; trimming forgives the stray spaces HR exports leave around values).
    static func fold(_ s: String) -> String { s.trimmingSpaces.lowercased() }

    /// `fold(cell) == folded`, without allocating when the cell is ASCII.
    static func matches(_ cell: String, folded: String) -> Bool {
        var c = cell
        return c.withUTF8 { asciiMatch($0, folded: folded) } ?? (fold(cell) == folded)
    }

    /// `fold(cell) == folded` for the cell's UTF-8 bytes, or nil when non-ASCII text needs real
    /// case folding (lower-casing may change a non-ASCII length).
    static func asciiMatch(_ a: UnsafeBufferPointer<UInt8>, folded: String) -> Bool? {
        var f = folded
        return f.withUTF8 { b -> Bool? in
            var lo = 0, hi = a.count
            while lo < hi, a[lo] == 0x20 || a[lo] == 0x09 { lo += 1 }
            while hi > lo, a[hi - 1] == 0x20 || a[hi - 1] == 0x09 { hi -= 1 }
            guard hi - lo == b.count else {
                return a[lo..<hi].contains { $0 >= 0x80 } ? nil : false
            }
            for k in 0..<b.count {
                let x = a[lo + k], y = b[k]
                if x >= 0x80 || y >= 0x80 { return nil }
                if (x >= 0x41 && x <= 0x5A ? x | 0x20 : x) != y { return false }
            }
            return true
        }
    }
}
