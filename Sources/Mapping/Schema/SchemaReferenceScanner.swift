import Foundation

/// Finds the `[attribute]` references of an expression without parsing it: brackets outside string
/// literals, with nested brackets (`[emails[type eq "work"].value]`) and quotes inside them kept.
enum SchemaReferenceScanner {
    static func references(in expression: String) -> [String] {
        var found: [String] = []
        var current = ""
        var depth = 0
        var inString = false
        var escaped = false
        for ch in expression {
            if inString {
                if depth > 0 { current.append(ch) }
                if escaped { escaped = false } else if ch == "\\" { escaped = true } else if ch == "\"" { inString = false }
                continue
            }
            switch ch {
            case "\"":
                inString = true
                if depth > 0 { current.append(ch) }
            case "[":
                if depth > 0 { current.append(ch) }
                depth += 1
            case "]" where depth > 0:
                depth -= 1
                if depth == 0 {
                    let name = current.trimmingCharacters(in: .whitespaces)
                    if !name.isEmpty { found.append(name) }
                    current = ""
                } else {
                    current.append(ch)
                }
            default:
                if depth > 0 { current.append(ch) }
            }
        }
        return found
    }
}
