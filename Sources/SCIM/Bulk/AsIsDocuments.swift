/// The input's own BulkRequest documents, byte for byte, for replaying what a customer sent.
///
/// A support engineer reproduces a failure only by sending the same bytes: re-chunking, bulkId
/// rewriting or schema normalisation would fix the very thing being investigated.
public struct AsIsDocument: Sendable, Equatable {
    /// Index of the document in the input.
    public var document: Int
    /// The document's original bytes, from its first to its last byte (no surrounding whitespace).
    public var bytes: [UInt8]
    /// The externalIds of the records read from it, in order.
    public var externalIds: [String]
}

public enum AsIsDocuments {
    public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// Every document's bytes, or why the input cannot be sent as-is (only BulkRequests can).
    public static func split(_ input: InputReadResult, bytes: [UInt8]) throws(Refusal) -> [AsIsDocument] {
        guard input.format != .csv else {
            throw Refusal(description: "a CSV cannot be sent as-is: only JSON BulkRequest documents can (drop --as-is to build them)")
        }
        if let i = input.documents.firstIndex(where: { $0.kind != .bulkRequest }) {
            throw Refusal(description: "document \(i + 1) is \(describe(input.documents[i].kind)), not a BulkRequest: "
                + "only BulkRequest documents can be sent as-is (drop --as-is to build them)")
        }
        var ids = Array(repeating: [String](), count: input.documents.count)
        for record in input.records {
            guard let doc = record.origin?.document, ids.indices.contains(doc) else { continue }
            ids[doc].append(record.externalId ?? "")
        }
        return input.documents.enumerated().map { i, doc in
            AsIsDocument(document: i, bytes: Array(bytes[doc.range.clamped(to: bytes.indices)]), externalIds: ids[i])
        }
    }

    private static func describe(_ kind: SourceDocument.Kind) -> String {
        kind == .unknown ? "not a SCIM payload" : "a bare \(kind.rawValue)"
    }
}
