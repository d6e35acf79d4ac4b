import Foundation
import SCIM
import TOMLKit

/// Reads a CSV mapping from TOML:
///
/// ```toml
/// [columns]                       # SCIM path = "CSV column"
/// externalId = "WorkerID"
/// 'addresses[type eq "work"].locality' = "City"
/// [constants]                     # SCIM path = value
/// userType = "Employee"
/// [rules]                         # SCIM path = condition on the row
/// active = 'WorkerStatus == "Active"'
/// [remaining]                     # every column not used above, as strings
/// extension = "urn:contoso:employee"
/// ```
public enum MappingFile {
    public struct LoadError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    static let sections: Set<String> = ["columns", "constants", "rules", "remaining"]

    public static func load(path: String, catalog: AttributeCatalog = .standard) throws(LoadError) -> CSVMapping {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw LoadError(description: "\(path): cannot read the mapping file")
        }
        do {
            return try parse(text, catalog: catalog)
        } catch {
            throw LoadError(description: "\(path):\(error.description)")
        }
    }

    /// Errors are `LINE:COL: message` for TOML syntax, ` [section] key: message` otherwise.
    public static func parse(_ text: String, catalog: AttributeCatalog = .standard) throws(LoadError) -> CSVMapping {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw LoadError(description: "\(error.source.begin.line):\(error.source.begin.column): \(error.description)")
        } catch {
            throw LoadError(description: " \(error)")
        }
        if let unknown = table.keys.first(where: { !sections.contains($0) }) {
            throw LoadError(description: " unknown section or key '\(unknown)' (expected [columns], [constants], [rules], [remaining])")
        }
        var mapping = CSVMapping()
        let order = keyOrder(text)
        func entries(_ name: String) throws(LoadError) -> [(String, TOMLValueConvertible)] {
            try MappingFile.entries(table, name).sorted { (order[name]?[$0.0] ?? Int.max) < (order[name]?[$1.0] ?? Int.max) }
        }
        for (key, value) in try entries("columns") {
            guard let column = value.string else { throw LoadError(description: " [columns] \(key): the value must be a column name in quotes") }
            mapping.assignments.append(.init(try path(key, "columns", catalog), .column(column)))
        }
        for (key, value) in try entries("constants") {
            mapping.assignments.append(.init(try path(key, "constants", catalog), .constant(try constant(value, key))))
        }
        for (key, value) in try entries("rules") {
            guard let source = value.string else { throw LoadError(description: " [rules] \(key): the rule must be a string") }
            do {
                mapping.assignments.append(.init(try path(key, "rules", catalog), .rule(try BooleanRule(parsing: source))))
            } catch let e as BooleanRule.ParseError {
                throw LoadError(description: " [rules] \(key): \(e.description)")
            } catch let e as LoadError {
                throw e
            } catch {
                throw LoadError(description: " [rules] \(key): \(error)")
            }
        }
        if let remaining = table["remaining"]?.table {
            guard let urn = remaining["extension"]?.string, SCIMSchema.isExtensionKey(urn) else {
                throw LoadError(description: " [remaining] extension: give an extension URN such as \"urn:contoso:employee\"")
            }
            mapping.remainingExtension = urn
        }
        return mapping
    }

    /// Where each key of each section first appears: TOMLKit sorts keys, but the order of a mapping
    /// is the order attributes appear in the JSON, and people expect what they wrote.
    static func keyOrder(_ text: String) -> [String: [String: Int]] {
        var order: [String: [String: Int]] = [:]
        var section = ""
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") {
                section = line.trimmingCharacters(in: CharacterSet(charactersIn: "[] \t"))
                continue
            }
            guard !line.hasPrefix("#"), let key = leadingKey(line) else { continue }
            if order[section]?[key] == nil { order[section, default: [:]][key] = n }
        }
        return order
    }

    /// The key of a `key = value` line, unquoted.
    static func leadingKey(_ line: String) -> String? {
        guard let first = line.first else { return nil }
        if first == "\"" || first == "'" {
            let rest = line.dropFirst()
            guard let end = rest.firstIndex(of: first) else { return nil }
            return String(rest[..<end])
        }
        guard let eq = line.firstIndex(of: "=") else { return nil }
        return line[..<eq].trimmingCharacters(in: .whitespaces)
    }

    /// Entries of a section (in TOMLKit's sorted order; `parse` restores the file's order).
    private static func entries(_ table: TOMLTable, _ name: String) throws(LoadError) -> [(String, TOMLValueConvertible)] {
        guard let value = table[name] else { return [] }
        guard let section = value.table else { throw LoadError(description: " [\(name)] must be a table") }
        return section.keys.compactMap { key in section[key].map { (key, $0) } }
    }

    private static func path(_ key: String, _ section: String, _ catalog: AttributeCatalog) throws(LoadError) -> AttributePath {
        do {
            let p = try AttributePath(parsing: key)
            guard p.isKnown(in: catalog) else {
                throw LoadError(description: " [\(section)] \(key): not an attribute of the core User or Enterprise schema")
            }
            return p
        } catch let e as AttributePath.ParseError {
            throw LoadError(description: " [\(section)] \(key): \(e.description)")
        } catch let e as LoadError {
            throw e
        } catch {
            throw LoadError(description: " [\(section)] \(key): \(error)")
        }
    }

    private static func constant(_ value: TOMLValueConvertible, _ key: String) throws(LoadError) -> JSONValue {
        if let b = value.bool { return .bool(b) }
        if let i = value.int { return .number(JSONNumber(i)) }
        if let s = value.string { return .string(s) }
        if let d = value.double, let n = JSONNumber(d) { return .number(n) }
        throw LoadError(description: " [constants] \(key): use a string, a number or true/false")
    }
}
