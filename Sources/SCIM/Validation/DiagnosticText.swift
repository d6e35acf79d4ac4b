/// Renders diagnostics as compilers do, so editors and CI annotate them without extra tooling.
public enum DiagnosticText {
    /// `FILE:LINE:COL: severity: [JSON path: ]message [rule]`, with the hint on an indented line. The
    /// path leads the message so that editors' `FILE:LINE:COL: severity:` matchers still read the line.
    public static func line(_ d: Diagnostic, file: String, hints: Bool = true) -> String {
        var place = file
        if let p = d.position { place += ":\(p.line):\(p.column)" }
        let at = d.jsonPath.flatMap { $0.components.isEmpty ? nil : "\($0.description.visibleControlCharacters): " } ?? ""
        var text = "\(place): \(d.severity.rawValue): \(at)\(d.message.visibleControlCharacters) [\(d.rule)]"
        if hints, let hint = d.hint { text += "\n    hint: \(hint.visibleControlCharacters)" }
        return text
    }

    /// Orders diagnostics by where they are in the file, then by severity.
    public static func sorted(_ ds: [Diagnostic]) -> [Diagnostic] {
        ds.enumerated().sorted { a, b in
            let pa = a.element.position ?? SourcePosition(line: Int.max, column: 0)
            let pb = b.element.position ?? SourcePosition(line: Int.max, column: 0)
            if pa != pb { return pa < pb }
            if a.element.severity != b.element.severity { return a.element.severity < b.element.severity }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// As JSON, for scripts: one object per diagnostic.
    public static func json(_ ds: [Diagnostic], file: String) -> JSONValue {
        .array(ds.map { d in
            var o = JSONObject()
            o.append("file", .string(file))
            o.append("line", d.position.map { .number(JSONNumber($0.line)) } ?? .null)
            o.append("column", d.position.map { .number(JSONNumber($0.column)) } ?? .null)
            o.append("severity", .string(d.severity.rawValue))
            o.append("rule", .string(d.rule))
            o.append("source", .string(d.source))
            o.append("record", d.record.map { .number(JSONNumber($0)) } ?? .null)
            o.append("document", d.document.map { .number(JSONNumber($0)) } ?? .null)
            o.append("path", d.path.map { .string($0.description) } ?? .null)
            o.append("jsonPath", d.jsonPath.map { .string($0.description) } ?? .null)
            o.append("message", .string(d.message))
            o.append("hint", d.hint.map { .string($0) } ?? .null)
            return .object(o)
        })
    }
}

extension String {
    /// Control characters and bidi overrides made visible (`\u{1B}` → `\e`), so data quoted in a
    /// message can never drive the terminal it is printed on.
    public var visibleControlCharacters: String {
        guard unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value)
            || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) })
        else { return self }
        var out = ""
        for s in unicodeScalars {
            switch s.value {
            case 0x0A: out += "\\n"
            case 0x09: out += "\\t"
            case 0x0D: out += "\\r"
            case 0x1B: out += "\\e"
            case 0..<0x20, 0x7F, 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069:
                out += "\\u{" + String(s.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(s)
            }
        }
        return out
    }
}
