/// One BulkRequest ready to send, and which records it carries.
public struct BulkDocument: Sendable, Equatable {
    /// The whole BulkRequest JSON.
    public var value: JSONValue
    /// Indices (into the record set it was built from) of the records, in operation order.
    public var recordIndices: [Int]
    /// The bulkId given to each operation, in operation order.
    public var bulkIds: [String]

    public init(value: JSONValue, recordIndices: [Int], bulkIds: [String]) {
        self.value = value
        self.recordIndices = recordIndices
        self.bulkIds = bulkIds
    }

    public var operationCount: Int { recordIndices.count }

    /// The exact bytes that go on the wire (compact; what `--pretty` shows is the same value indented).
    public func bytes(style: JSONWriter.Style = .compact) -> [UInt8] {
        JSONWriter(style: style).bytes(value)
    }

    /// Operation index of a record within this document, for "jump to the operation of this user".
    public func operationIndex(ofRecord record: Int) -> Int? {
        recordIndices.firstIndex(of: record)
    }
}
