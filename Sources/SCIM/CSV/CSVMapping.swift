/// Which CSV column (or constant, or rule) feeds which SCIM attribute, in the spirit of CSV2SCIM's
/// AttributeMapping.psd1. Read from TOML by `Settings.MappingFile`; built in code by tests.
///
/// Assignments apply in order, so the record's keys follow the mapping; when two assignments target
/// the same attribute the later non-empty value wins. Rules (`BooleanRule`) compare ignoring case and
/// surrounding spaces, like PowerShell's `-eq` that CSV2SCIM mappings are written with.
public struct CSVMapping: Sendable, Equatable {
    public enum Source: Sendable, Equatable {
        case column(String)
        case constant(JSONValue)
        case rule(BooleanRule)
    }

    public struct Assignment: Sendable, Equatable {
        public var path: AttributePath
        public var source: Source

        public init(_ path: AttributePath, _ source: Source) {
            self.path = path
            self.source = source
        }
    }

    public var assignments: [Assignment]
    /// Columns no assignment or rule reads go into this extension object, as strings.
    public var remainingExtension: String?

    public init(assignments: [Assignment] = [], remainingExtension: String? = nil) {
        self.assignments = assignments
        self.remainingExtension = remainingExtension
    }

    /// Columns the mapping reads.
    public var columns: [String] {
        assignments.flatMap { a -> [String] in
            switch a.source {
            case .column(let c): return [c]
            case .rule(let r): return r.columns
            case .constant: return []
            }
        }
    }

    /// With no mapping file, columns named like SCIM paths map themselves; the rest are returned.
    public static func selfNaming(header: [String], catalog: AttributeCatalog) -> (mapping: CSVMapping, ignored: [String]) {
        var mapping = CSVMapping()
        var ignored: [String] = []
        for column in header {
            if let path = try? AttributePath(parsing: column), path.isKnown(in: catalog) {
                mapping.assignments.append(Assignment(path, .column(column)))
            } else {
                ignored.append(column)
            }
        }
        return (mapping, ignored)
    }
}
