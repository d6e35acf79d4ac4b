/// Gives diagnostics a line and column by finding their paths in the source text.
enum DiagnosticLocator {
    static func locate(_ diagnostics: [Diagnostic], documents: [SourceDocument], records: [UserRecord],
                       in bytes: [UInt8]) -> [Diagnostic] {
        var result = diagnostics
        // Every finding in a document names its path in the file, located here or already placed.
        for i in result.indices where result[i].jsonPath == nil {
            guard let doc = result[i].document, documents.indices.contains(doc), let path = result[i].path else { continue }
            result[i].jsonPath = path
        }
        var wanted: [Int: [(slot: Int, path: JSONPath)]] = [:]
        for (i, d) in diagnostics.enumerated() where d.position == nil && d.offset == nil {
            guard let doc = d.document, documents.indices.contains(doc) else { continue }
            wanted[doc, default: []].append((i, d.path ?? .root))
        }
        // Each document's text is scanned on its own, so they are shared out among the cores.
        let byDocument = Array(wanted)
        let located = concurrentChunks(of: byDocument.count, minimumPerChunk: 8) { range in
            range.flatMap { k in
                let (doc, items) = byDocument[k]
                let text = documents[doc].range
                let offsets = JSONLocator.offsets(of: items.map(\.path), in: bytes[text])
                return zip(items, offsets).map { (slot: $0.slot, offset: text.lowerBound + $1) }
            }
        }
        for (slot, offset) in located.joined() { result[slot].offset = offset }
        let slots = result.indices.filter { result[$0].position == nil && result[$0].offset != nil }
        let positions = SourcePosition.positions(of: slots.map { result[$0].offset ?? 0 }, in: bytes)
        for (slot, position) in zip(slots, positions) { result[slot].position = position }
        return result
    }
}
