import SCIM
import TOMLKit

/// Turns each section of a parsed mapping file into assignments, with errors that name the line,
/// the section and the key.
struct MappingSectionReader {
    typealias Entry = (assignment: CSVMapping.Assignment, line: Int)

    let table: TOMLTable
    let lines: [[String]: Int]
    let catalog: AttributeCatalog

    func columns() throws(MappingFile.LoadError) -> [Entry] {
        try entries("columns") { (key, value) throws(MappingFile.LoadError) -> CSVMapping.Source in
            guard let column = value.string else {
                throw failure("the value must be a CSV column name in quotes, e.g. \(key) = \"WorkerID\"")
            }
            return .column(column)
        }
    }

    func constants() throws(MappingFile.LoadError) -> [Entry] {
        try entries("constants") { (_, value) throws(MappingFile.LoadError) -> CSVMapping.Source in
            if let b = value.bool { return .constant(.bool(b)) }
            if let i = value.int { return .constant(.number(JSONNumber(i))) }
            if let s = value.string { return .constant(.string(s)) }
            if let d = value.double, let n = JSONNumber(d) { return .constant(.number(n)) }
            throw failure("use a string, a number or true/false")
        }
    }

    func rules() throws(MappingFile.LoadError) -> [Entry] {
        try entries("rules") { (key, value) throws(MappingFile.LoadError) -> CSVMapping.Source in
            guard let source = value.string else {
                throw failure("a rule is a condition in quotes, e.g. \(key) = 'WorkerStatus == \"Active\"'")
            }
            do throws(BooleanRule.ParseError) {
                return .rule(try BooleanRule(parsing: source))
            } catch {
                throw failure(error.description)
            }
        }
    }

    func remaining() throws(MappingFile.LoadError) -> String? {
        guard let value = table["remaining"] else { return nil }
        let line = lines[["remaining"]]
        guard let section = value.table else {
            throw MappingFile.LoadError(line: line, message: "[remaining] must be a table with extension = \"urn:…\"")
        }
        for key in section.keys where key != "extension" {
            throw MappingFile.LoadError(line: lines[["remaining", key]] ?? line, message: "[remaining] \(key): unknown key; the only key is extension")
        }
        guard let urn = section["extension"]?.string, SCIMSchema.isExtensionKey(urn) else {
            throw MappingFile.LoadError(line: lines[["remaining", "extension"]] ?? line,
                                        message: "[remaining] extension: give an extension URN such as \"urn:contoso:employee\"")
        }
        return urn
    }

    /// A section's keys as attribute paths, each with what feeds it; `source` throws `failure`s
    /// that this fills in with the line, section and key.
    private func entries(_ name: String, _ source: (String, TOMLValueConvertible) throws(MappingFile.LoadError) -> CSVMapping.Source)
        throws(MappingFile.LoadError) -> [Entry] {
        guard let value = table[name] else { return [] }
        guard let section = value.table else {
            throw MappingFile.LoadError(line: lines[[name]], message: "[\(name)] must be a table of \"SCIM path\" = value lines")
        }
        var out: [Entry] = []
        for (key, value, segments) in MappingKeys.flatten(section) {
            let line = MappingKeys.line(of: [name] + segments, in: lines)
            func located(_ error: MappingFile.LoadError) -> MappingFile.LoadError {
                MappingFile.LoadError(line: line, message: "[\(name)] \(key): \(error.message)")
            }
            do throws(MappingFile.LoadError) {
                let path = try attributePath(key, isRule: name == "rules", value: value)
                out.append((CSVMapping.Assignment(path, try source(key, value)), line ?? Int.max))
            } catch {
                throw located(error)
            }
        }
        return out
    }

    private func attributePath(_ key: String, isRule: Bool, value: TOMLValueConvertible) throws(MappingFile.LoadError) -> AttributePath {
        let path: AttributePath
        do throws(AttributePath.ParseError) {
            path = try AttributePath(parsing: key)
        } catch {
            throw failure(error.description + reversedHint(value))
        }
        guard path.isKnown(in: catalog) else {
            throw failure("not an attribute of the core User or Enterprise schema" + reversedHint(value)
                          + " (custom attributes go in an extension: \"urn:contoso:employee:\(path.attribute)\")")
        }
        if isRule, let type = path.definition(in: catalog)?.type, type != .boolean {
            throw failure("a rule gives true or false, but \(path) is a \(type.rawValue) attribute")
        }
        return path
    }

    /// Catches the mapping written the other way round (`WorkerID = "externalId"`).
    private func reversedHint(_ value: TOMLValueConvertible) -> String {
        guard let text = value.string, let path = try? AttributePath(parsing: text), path.isKnown(in: catalog),
              path.definition(in: catalog) != nil else { return "" }
        return "; the key is the SCIM path and the value the CSV column: write \(text) = \"…\""
    }

    private func failure(_ message: String) -> MappingFile.LoadError {
        MappingFile.LoadError(message: message)
    }
}
