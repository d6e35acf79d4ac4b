/// Reads user records from every JSON shape users bring.
///
/// One BulkRequest, several concatenated or as JSON Lines (CSV2SCIM prints one per 50 users), a JSON
/// array of BulkRequests, a bare SCIM User, or an array of Users. What each value is gets decided by
/// its content, not the file name, because customers' files are named anything.
public enum PayloadReader {
    /// Whether the bytes look like JSON (first meaningful byte `{` or `[`); otherwise they are CSV.
    public static func looksLikeJSON(_ bytes: [UInt8]) -> Bool {
        var i = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
        return i < bytes.count && (bytes[i] == UInt8(ascii: "{") || bytes[i] == UInt8(ascii: "["))
    }

    /// `concurrent: false` reads on the calling thread alone (a stream's batches are already read
    /// several at once).
    public static func read(json bytes: [UInt8], concurrent: Bool = true) throws(InputError) -> InputReadResult {
        let values: [(value: JSONValue, range: Range<Int>)]
        do {
            values = try concurrent ? JSONParser.parseSequenceConcurrently(bytes) : JSONParser.parseSequence(bytes)
        } catch {
            throw InputError(error)
        }
        guard !values.isEmpty else { throw InputError(message: "the file is empty") }
        // Documents are independent: sorted out on every core, then joined in order.
        var parts = concurrentChunks(of: values.count, minimumPerChunk: concurrent ? 64 : .max) { range in
            var part = InputReadResult(format: .json)
            for docIndex in range {
                let item = values[docIndex]
                let kind = classify(item.value)
                part.documents.append(SourceDocument(kind: kind, value: item.value, range: item.range))
                collect(item.value, kind: kind, document: docIndex, base: item.range.lowerBound, into: &part)
            }
            return part
        }
        let format: InputReadResult.Format = values.count > 1 ? .jsonSequence : .json
        if parts.count == 1 {
            // Taken as it is: joining a copy held a million users' records twice at once.
            var result = parts.removeLast()
            result.format = format
            result.deferredRelease = DeferredRelease.forResult(result)
            return result
        }
        var result = InputReadResult(format: format)
        result.documents.reserveCapacity(values.count)
        result.records.reserveCapacity(parts.reduce(0) { $0 + $1.records.count })
        for part in parts {
            result.documents += part.documents
            result.records += part.records
            result.diagnostics += part.diagnostics
        }
        result.deferredRelease = DeferredRelease.forResult(result)
        return result
    }

    static func classify(_ value: JSONValue) -> SourceDocument.Kind {
        switch value {
        case .object(let o):
            if isBulkRequest(o) { return .bulkRequest }
            return isUser(o) ? .user : .unknown
        case .array(let items):
            if items.isEmpty { return .userArray }
            if items.allSatisfy({ $0.objectValue.map(isBulkRequest) ?? false }) { return .bulkRequestArray }
            // A stray number or string among users is reported on its own, not allowed to sink the rest.
            return items.contains(where: { $0.objectValue != nil }) ? .userArray : .unknown
        default:
            return .unknown
        }
    }

    static func isBulkRequest(_ o: JSONObject) -> Bool {
        if o.index(ofAttribute: "Operations") != nil { return true }
        let schemas = o.attribute("schemas")?.arrayValue?.compactMap(\.stringValue) ?? []
        return schemas.contains { $0.caseInsensitiveEquals(SCIMSchema.bulkRequest) }
    }

    static func isUser(_ o: JSONObject) -> Bool {
        let schemas = o.attribute("schemas")?.arrayValue?.compactMap(\.stringValue) ?? []
        return schemas.contains { $0.caseInsensitiveEquals(SCIMSchema.user) }
            || o.index(ofAttribute: "userName") != nil || o.index(ofAttribute: "externalId") != nil
    }

    private static func collect(_ value: JSONValue, kind: SourceDocument.Kind, document: Int, base: Int,
                                into result: inout InputReadResult) {
        switch (kind, value) {
        case (.bulkRequest, .object(let o)):
            collectOperations(o, prefix: .root, document: document, base: base, into: &result)
        case (.bulkRequestArray, .array(let items)):
            for (i, item) in items.enumerated() {
                if let o = item.objectValue {
                    collectOperations(o, prefix: JSONPath.root.appending(index: i), document: document, base: base, into: &result)
                }
            }
        case (.user, .object(let o)):
            result.records.append(UserRecord(data: o, origin: RecordOrigin(document: document, index: 0, offset: base, dataPath: .root)))
        case (.userArray, .array(let items)):
            collectUsers(items, document: document, base: base, into: &result)
        default:
            result.diagnostics.append(Diagnostic(
                .error, rule: "input.unrecognised", source: "scimterm input", document: document, path: .root,
                offset: base, message: "this JSON value is neither a BulkRequest nor a SCIM User (nor an array of them)",
                hint: "a BulkRequest has \"schemas\": [\"\(SCIMSchema.bulkRequest)\"] and \"Operations\""))
        }
    }

    /// The users of an array; what is not an object is reported, the first `itemProblemLimit` one
    /// by one and the rest as a count (a file of `[1,1,1,…]` must not become millions of lines).
    private static func collectUsers(_ items: [JSONValue], document: Int, base: Int, into result: inout InputReadResult) {
        var strays = 0
        for (i, item) in items.enumerated() {
            guard let o = item.objectValue else {
                strays += 1
                if strays <= itemProblemLimit {
                    result.diagnostics.append(Diagnostic(
                        .error, rule: "input.item.type", source: "scimterm input", document: document,
                        path: JSONPath.root.appending(index: i),
                        message: "item \(i + 1) of the array is \(item.arrayValue == nil ? "a" : "an") \(item.typeName), not a SCIM User; it was not read"))
                }
                continue
            }
            let origin = RecordOrigin(document: document, index: i, offset: base, dataPath: JSONPath.root.appending(index: i))
            result.records.append(UserRecord(data: o, origin: origin))
        }
        if strays > itemProblemLimit {
            var summary = Diagnostic(.error, rule: "input.item.type", source: "scimterm input", document: document,
                                     message: "… and \(DiagnosticCap.grouped(strays - itemProblemLimit)) more items that are not SCIM Users")
            summary.summarised = strays - itemProblemLimit
            result.diagnostics.append(summary)
        }
    }

    static let itemProblemLimit = DiagnosticLimits.commandLine.perRule

    private static func collectOperations(_ request: JSONObject, prefix: JSONPath, document: Int, base: Int,
                                          into result: inout InputReadResult) {
        guard let key = request.key(forAttribute: "Operations"), let ops = request[key]?.arrayValue else { return }
        for (i, op) in ops.enumerated() {
            guard var envelope = op.objectValue, let dataKey = envelope.key(forAttribute: "data"),
                let data = envelope[dataKey]?.objectValue
            else { continue }  // the validator reports operations without an object `data`
            envelope.set(dataKey, nil)
            let path = prefix.appending(key).appending(index: i).appending(dataKey)
            let origin = RecordOrigin(document: document, index: i, offset: base, dataPath: path)
            result.records.append(UserRecord(data: data, envelope: envelope, origin: origin))
        }
    }
}
