import Foundation

/// Turns user records into the BulkRequest documents Entra's bulkUpload accepts.
///
/// Entra takes at most 50 operations a request (ENTRA.md §3), so records are chunked; every
/// operation is `POST /Users` with a bulkId unique across the whole set, and `data.schemas` lists
/// exactly the URNs whose objects are present, plus core and enterprise (an extension object whose
/// URN is not listed is ignored by SCIM servers).
public struct BulkRequestBuilder: Sendable {
    public static let maxOperations = 50

    public enum BulkIdStrategy: String, Sendable, CaseIterable {
        /// The record's externalId (as Microsoft's samples do), or a UUID when it is empty or repeated.
        case externalId
        /// A fresh UUID per operation (as CSV2SCIM does).
        case uuid
        /// The bulkId the record arrived with, repeated ones included (to reproduce a payload; the
        /// validator warns about a repeat); without one, as `externalId`.
        case original
    }

    public var batchSize: Int
    public var bulkIds: BulkIdStrategy
    /// Produces UUID strings; tests pass a deterministic one.
    public var makeUUID: @Sendable () -> String

    public init(batchSize: Int = maxOperations, bulkIds: BulkIdStrategy = .externalId,
                makeUUID: @escaping @Sendable () -> String = { UUID().uuidString.lowercased() }) {
        self.batchSize = min(max(1, batchSize), Self.maxOperations)
        self.bulkIds = bulkIds
        self.makeUUID = makeUUID
    }

    public func documents(for records: [UserRecord]) -> [BulkDocument] {
        var used = Set<String>()
        used.reserveCapacity(records.count)
        var documents: [BulkDocument] = []
        documents.reserveCapacity(records.count / batchSize + 1)
        var start = 0
        while start < records.count {
            let end = min(start + batchSize, records.count)
            var operations: [JSONValue] = []
            operations.reserveCapacity(end - start)
            var ids: [String] = []
            for index in start..<end {
                let id = bulkId(for: records[index], used: &used)
                ids.append(id)
                operations.append(.object(Self.operation(bulkId: id, data: records[index].normalizedData())))
            }
            let document: JSONValue = .object(JSONObject([
                (key: "schemas", value: .array([.string(SCIMSchema.bulkRequest)])),
                (key: "Operations", value: .array(operations)),
                (key: "failOnErrors", value: .null),
            ]))
            documents.append(BulkDocument(value: document, recordIndices: Array(start..<end), bulkIds: ids))
            start = end
        }
        return documents
    }

    static func operation(bulkId: String, data: JSONObject) -> JSONObject {
        JSONObject([
            (key: "method", value: .string("POST")),
            (key: "bulkId", value: .string(bulkId)),
            (key: "path", value: .string("/Users")),
            (key: "data", value: .object(data)),
        ])
    }

    /// The same choice for a record known only by its externalId (CSV rows have no original bulkId).
    func nextBulkId(externalId: String?, used: inout Set<String>) -> String {
        if bulkIds != .uuid, let id = externalId, !id.isBlank, used.insert(id).inserted { return id }
        while true {
            let id = makeUUID()
            if used.insert(id).inserted { return id }
        }
    }

    private func bulkId(for record: UserRecord, used: inout Set<String>) -> String {
        var candidate: String?
        switch bulkIds {
        case .uuid: candidate = nil
        case .externalId: candidate = record.externalId
        case .original:
            if let kept = record.envelope?.attribute("bulkId")?.stringValue, !kept.isBlank {
                used.insert(kept)
                return kept
            }
            candidate = record.externalId
        }
        if let c = candidate, !c.isBlank, used.insert(c).inserted {
            return c
        }
        while true {
            let id = makeUUID()
            if used.insert(id).inserted { return id }
        }
    }
}

extension UserRecord {
    /// The record's data with `schemas` set to exactly what Entra expects, keeping its position.
    public func normalizedData() -> JSONObject {
        let urns = expectedSchemas
        // Already right (every CSV record is): no copy at all.
        if let current = data.attribute("schemas")?.arrayValue, current.count == urns.count,
            zip(current, urns).allSatisfy({ $0.stringValue == $1 }) {
            return data
        }
        var copy = data
        let expected = JSONValue.array(urns.map { .string($0) })
        if copy.index(ofAttribute: "schemas") != nil {
            copy.setAttribute("schemas", expected)
        } else {
            copy.insert("schemas", expected, at: 0)
        }
        return copy
    }
}
