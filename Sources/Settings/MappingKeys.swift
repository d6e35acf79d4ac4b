import SCIM
import TOMLKit

/// How a mapping file's nested TOML keys become attribute paths, and on which line each was written.
///
/// TOMLKit returns tables with sorted keys and no source positions, but a mapping's order is the
/// order of the record's JSON and its errors should name a line, so the file's text is scanned for
/// keys alongside the real parse.
enum MappingKeys {
    /// Joins key segments into an attribute path: a segment starting with `urn:` names an extension
    /// object, so what follows it is that schema's attribute (`:`); anything else nests with `.`.
    ///
    /// `[columns."urn:…:enterprise:2.0:User"]` + `department` → `urn:…:enterprise:2.0:User:department`,
    /// `name.givenName` (a dotted key) → `name.givenName`.
    static func join(_ segments: [String]) -> String {
        var path = ""
        var afterSchema = false
        for segment in segments {
            if path.isEmpty {
                path = segment
            } else {
                path += (afterSchema ? ":" : ".") + segment
            }
            afterSchema = path == segment && namesSchema(segment)
        }
        return path
    }

    /// `urn:contoso:employee` names a schema; `urn:…:enterprise:2.0:User:manager` (a known schema plus
    /// an attribute) does not. A custom URN is taken as a schema: a table keyed by it holds its attributes.
    private static func namesSchema(_ segment: String) -> Bool {
        guard segment.lowercased().hasPrefix("urn:") else { return false }
        guard let colon = segment.lastIndex(of: ":") else { return true }
        return AttributeCatalog.standard.schema(String(segment[..<colon])) == nil
    }

    /// A section's entries with nested tables flattened to paths, as (path, value, key segments).
    static func flatten(_ table: TOMLTable, prefix: [String] = []) -> [(path: String, value: TOMLValueConvertible, segments: [String])] {
        var out: [(String, TOMLValueConvertible, [String])] = []
        for key in table.keys {
            guard let value = table[key] else { continue }
            let segments = prefix + [key]
            if let inner = value.table {
                out += flatten(inner, prefix: segments)
            } else {
                out.append((join(segments), value, segments))
            }
        }
        return out
    }

    /// 1-based line where each key path (top-level section first) is first written.
    static func lines(in text: String) -> [[String]: Int] {
        var lines: [[String]: Int] = [:]
        var table: [String] = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = Substring(raw).drop { $0 == " " || $0 == "\t" }
            guard let first = rest.first, first != "#" else { continue }
            if first == "[" {
                rest = rest.dropFirst()
                if rest.first == "[" { continue }  // arrays of tables have no place in a mapping
                table = segments(&rest)
                if lines[table] == nil { lines[table] = n + 1 }
                continue
            }
            let key = segments(&rest)
            guard !key.isEmpty, rest.drop(while: { $0 == " " || $0 == "\t" }).first == "=" else { continue }
            if lines[table + key] == nil { lines[table + key] = n + 1 }
        }
        return lines
    }

    /// The line of a key, or of its closest enclosing key or table when it was written inline.
    static func line(of segments: [String], in lines: [[String]: Int]) -> Int? {
        var s = segments
        while !s.isEmpty {
            if let line = lines[s] { return line }
            s.removeLast()
        }
        return nil
    }

    /// Reads a dotted key (`a."b.c".'d'`) from the front of `text`, leaving what follows it.
    private static func segments(_ text: inout Substring) -> [String] {
        var result: [String] = []
        while true {
            text = text.drop { $0 == " " || $0 == "\t" }
            guard let c = text.first else { return result }
            if c == "\"" || c == "'" {
                var value = ""
                var i = text.index(after: text.startIndex)
                while i < text.endIndex, text[i] != c {
                    if c == "\"", text[i] == "\\", text.index(after: i) < text.endIndex { i = text.index(after: i) }
                    value.append(text[i])
                    i = text.index(after: i)
                }
                guard i < text.endIndex else { return [] }
                result.append(value)
                text = text[text.index(after: i)...]
            } else {
                let bare = text.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
                guard !bare.isEmpty else { return result }
                result.append(String(bare))
                text = text.dropFirst(bare.count)
            }
            text = text.drop { $0 == " " || $0 == "\t" }
            guard text.first == "." else { return result }
            text = text.dropFirst()
        }
    }
}
