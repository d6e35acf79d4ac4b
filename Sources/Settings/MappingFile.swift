import Foundation
import SCIM
import TOMLKit

/// Reads a CSV mapping from TOML, each section keyed by the SCIM attribute path it fills:
///
/// ```toml
/// [columns]                       # SCIM path = "CSV column"
/// externalId = "WorkerID"
/// name.givenName = "FirstName"    # dotted keys nest, like the SCIM path
/// 'addresses[type eq "work"].locality' = "City"
///
/// [columns."urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]
/// department = "Department"       # a table keyed by a URN holds that extension's attributes
/// manager.value = "ManagerID"
///
/// [constants]                     # SCIM path = value (string, number or true/false)
/// userType = "Employee"
///
/// [rules]                         # SCIM path = condition on the row, gives true or false
/// active = 'WorkerStatus == "Active"'
///
/// [remaining]                     # every column not used above, as strings keyed by column name
/// extension = "urn:contoso:employee"
/// ```
///
/// Entries apply in the order written, which is the order of the attributes in the JSON.
public enum MappingFile {
    /// Why a mapping file was refused: `FILE:LINE: [section] key: message`, as much of it as is known.
    public struct LoadError: Error, Sendable, CustomStringConvertible {
        public var path: String?
        public var line: Int?
        public var column: Int?
        /// The message without the file and line, e.g. `[columns] colour: not an attribute of …`.
        public var message: String

        public init(path: String? = nil, line: Int? = nil, column: Int? = nil, message: String) {
            self.path = path
            self.line = line
            self.column = column
            self.message = message
        }

        public var description: String {
            let place = [path, line.map(String.init), column.map(String.init)].compactMap { $0 }.joined(separator: ":")
            return place.isEmpty ? message : "\(place): \(message)"
        }
    }

    static let sections = ["columns", "constants", "rules", "remaining"]

    public static func load(path: String, catalog: AttributeCatalog = .standard) throws(LoadError) -> CSVMapping {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LoadError(path: path, message: "cannot read the mapping file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LoadError(path: path, message: "the mapping file is not UTF-8 text")
        }
        do {
            return try parse(text, catalog: catalog)
        } catch {
            var located = error
            located.path = path
            throw located
        }
    }

    public static func parse(_ text: String, catalog: AttributeCatalog = .standard) throws(LoadError) -> CSVMapping {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw LoadError(line: error.source.begin.line, column: error.source.begin.column, message: error.description)
        } catch {
            throw LoadError(message: "\(error)")
        }
        let lines = MappingKeys.lines(in: text)
        for key in table.keys where !sections.contains(key) {
            let hint = sections.min { distance($0, key) < distance($1, key) }.map { " (did you mean [\($0)]?)" } ?? ""
            throw LoadError(line: lines[[key]], message: "unknown section or key '\(key)'\(hint); a mapping has [columns], [constants], [rules] and [remaining]")
        }
        let reader = MappingSectionReader(table: table, lines: lines, catalog: catalog)
        let entries = try reader.columns() + reader.constants() + reader.rules()
        // Stable sort by line: TOMLKit hands keys back sorted by name.
        let ordered = entries.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
        return CSVMapping(assignments: ordered.map(\.element.assignment), remainingExtension: try reader.remaining())
    }

    private static func distance(_ a: String, _ b: String) -> Int {
        NameSuggestion.editDistance(Array(a.lowercased()), Array(b.lowercased()))
    }
}
