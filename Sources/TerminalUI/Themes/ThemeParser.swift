import TOMLKit

/// Turns a theme file's text into a `Theme`, or a `ThemeError` pointing at the offending line.
///
/// The file looks like:
/// ```toml
/// name = "solarized-dark"
/// [selection]
/// fg = "#002b36"
/// bg = 37
/// attrs = ["bold"]
/// ```
/// Unknown roles and keys are errors rather than silently ignored, since a typo would otherwise
/// leave a role looking unthemed with no hint why.
public enum ThemeParser {
    public static func parse(_ text: String, file: String, fallbackName: String) throws(ThemeError) -> Theme {
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch let error as TOMLParseError {
            throw ThemeError(file: file, line: error.source.begin.line, key: nil, message: error.description)
        } catch {
            throw ThemeError(file: file, line: nil, key: nil, message: "\(error)")
        }
        let lines = SourceLines(text)
        var theme = Theme(name: fallbackName, styles: [:])
        for key in table.keys {
            guard let value = table[key] else { continue }
            if key == "name" {
                guard let name = value.string else { throw lines.error(file, nil, key, "expected a string") }
                theme.name = name
                continue
            }
            guard let role = ThemeRole(fileKey: key) else {
                let known = ThemeRole.allCases.map(\.fileKey).joined(separator: ", ")
                throw lines.error(file, nil, key, "unknown role; known roles: \(known)")
            }
            guard let roleTable = value.table else { throw lines.error(file, nil, key, "expected a table like [\(key)]") }
            theme.styles[role] = try style(roleTable, role: key, file: file, lines: lines)
        }
        return theme
    }

    private static func style(_ table: TOMLTable, role: String, file: String, lines: SourceLines) throws(ThemeError) -> Style {
        var style = Style()
        for key in table.keys {
            guard let value = table[key] else { continue }
            switch key {
            case "fg", "bg":
                let color = try color(value, role: role, key: key, file: file, lines: lines)
                if key == "fg" { style.foreground = color } else { style.background = color }
            case "attrs":
                guard let array = value.array else { throw lines.error(file, role, key, "expected a list like [\"bold\"]") }
                for item in array {
                    guard let name = item.string, let attribute = Attributes.names.first(where: { $0.0 == name })?.1 else {
                        let known = Attributes.names.map(\.0).joined(separator: ", ")
                        throw lines.error(file, role, key, "unknown attribute \(item.debugDescription); expected one of \(known)")
                    }
                    style.attributes.insert(attribute)
                }
            default:
                throw lines.error(file, role, key, "unknown key; expected fg, bg or attrs")
            }
        }
        return style
    }

    private static func color(
        _ value: TOMLValueConvertible, role: String, key: String, file: String, lines: SourceLines
    ) throws(ThemeError) -> Color {
        if let n = value.int, let color = ColorSpec.parse(index: n) { return color }
        if let text = value.string, let color = ColorSpec.parse(text) { return color }
        throw lines.error(file, role, key, "invalid colour \(value.debugDescription); expected \(ColorSpec.expected)")
    }
}

/// Finds the line of a key in the file text, since the TOML parser reports positions only for syntax
/// errors.
struct SourceLines {
    private let lines: [Substring]
    init(_ text: String) { lines = text.split(separator: "\n", omittingEmptySubsequences: false) }

    /// The 1-based line of `key` inside `[section]` (or at top level when `section` is nil).
    func line(of key: String, in section: String?) -> Int? {
        var current: String?
        for (index, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: " \t\r")
            if line.hasPrefix("[") {
                current = String(line.dropFirst().prefix { $0 != "]" }).trimmingCharacters(in: " \t")
                if section == nil && current == key { return index + 1 }
                continue
            }
            guard current == section else { continue }
            let name = line.prefix { $0 != "=" }.trimmingCharacters(in: " \t\"")
            if name == key && line.contains("=") { return index + 1 }
        }
        return nil
    }

    func error(_ file: String, _ section: String?, _ key: String, _ message: String) -> ThemeError {
        let dotted = section.map { "\($0).\(key)" } ?? key
        return ThemeError(file: file, line: line(of: key, in: section), key: dotted, message: message)
    }
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let c = s.first, set.contains(c) { s.removeFirst() }
        while let c = s.last, set.contains(c) { s.removeLast() }
        return String(s)
    }
}
