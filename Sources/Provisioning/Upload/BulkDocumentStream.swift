import SCIM

/// The documents `BulkRequestBuilder.documents(for:)` builds (same chunks, bulkIds and bytes), from
/// records that arrive a batch at a time, so a send of any size never holds its record set.
///
/// The bulkIds already given are kept as hashes: a million strings cost more memory than the rest
/// of the send. Two different ids with the same 64-bit hash (about one chance in 10^7 for a million
/// users) make the second one a fresh UUID, which is as unique as the id it replaces.
public struct BulkDocumentStream {
    /// One document, ready for the journal.
    public struct Built {
        public var body: [UInt8]
        /// Each record's externalId ("" when it has none), in operation order.
        public var externalIds: [String]
        /// What the journal keeps of each operation with an externalId.
        public var carried: [SentRecordFacts]
    }

    public let builder: BulkRequestBuilder
    private var used = Set<Int>()
    private var waiting: [UserRecord] = []
    public private(set) var documents = 0

    /// `expectedRecords` sizes the bulkId table once instead of growing it (each growth briefly holds two).
    public init(builder: BulkRequestBuilder, expectedRecords: Int = 0) {
        self.builder = builder
        used.reserveCapacity(expectedRecords)
    }

    /// Takes the next records in input order; `emit` hears every document they complete.
    public mutating func add<E: Error>(_ records: [UserRecord], _ emit: (Built) throws(E) -> Void) throws(E) {
        waiting.append(contentsOf: records)
        var start = 0
        while waiting.count - start >= builder.batchSize {
            try emit(build(waiting[start..<start + builder.batchSize]))
            start += builder.batchSize
        }
        waiting.removeFirst(start)
    }

    /// The last, shorter document, if records are left over.
    public mutating func finish<E: Error>(_ emit: (Built) throws(E) -> Void) throws(E) {
        guard !waiting.isEmpty else { return }
        let last = build(waiting[...])
        waiting = []
        try emit(last)
    }

    private mutating func build(_ records: ArraySlice<UserRecord>) -> Built {
        var operations: [JSONValue] = []
        operations.reserveCapacity(records.count)
        var carried: [SentRecordFacts] = []
        for record in records {
            let data = record.normalizedData()
            operations.append(.object(JSONObject([
                (key: "method", value: .string("POST")),
                (key: "bulkId", value: .string(bulkId(for: record))),
                (key: "path", value: .string("/Users")),
                (key: "data", value: .object(data)),
            ])))
            if let facts = SentRecordFacts(record, data: data) { carried.append(facts) }
        }
        let document: JSONValue = .object(JSONObject([
            (key: "schemas", value: .array([.string(SCIMSchema.bulkRequest)])),
            (key: "Operations", value: .array(operations)),
            (key: "failOnErrors", value: .null),
        ]))
        documents += 1
        return Built(body: JSONWriter.compact.bytes(document), externalIds: records.map { $0.externalId ?? "" }, carried: carried)
    }

    /// The builder's choice (see `BulkRequestBuilder.BulkIdStrategy`), against every id given so far.
    private mutating func bulkId(for record: UserRecord) -> String {
        var candidate: String?
        switch builder.bulkIds {
        case .uuid: candidate = nil
        case .externalId: candidate = record.externalId
        case .original:
            if let kept = record.envelope?.attribute("bulkId")?.stringValue, !Self.isBlank(kept) {
                used.insert(kept.hashValue)
                return kept
            }
            candidate = record.externalId
        }
        if let c = candidate, !Self.isBlank(c), used.insert(c.hashValue).inserted { return c }
        while true {
            let id = builder.makeUUID()
            if used.insert(id.hashValue).inserted { return id }
        }
    }

    /// As the builder reads blank: empty, or only spaces and tabs.
    private static func isBlank(_ s: String) -> Bool { s.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
}
