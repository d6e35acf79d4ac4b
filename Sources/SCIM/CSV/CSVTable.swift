/// A parsed CSV file: the header and the rows, each row knowing where it started.
public struct CSVTable: Sendable {
    public var header: [String]
    public var rows: [CSVRow]
    public var delimiter: UInt8

    public init(header: [String], rows: [CSVRow], delimiter: UInt8) {
        self.header = header
        self.rows = rows
        self.delimiter = delimiter
    }
}

public struct CSVRow: Sendable {
    public var fields: [String]
    /// 1-based line where the row starts (a quoted field may span lines).
    public var line: Int
    /// Byte offset of the row's first byte.
    public var offset: Int
}

/// Why a CSV file could not be read, with where.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var position: SourcePosition?
    public var offset: Int?

    public var description: String { position.map { "\($0): \(message)" } ?? message }
}
