import SCIM
import TerminalUI

/// The Preview screen: the BulkRequest documents exactly as the builder makes them for sending,
/// one at a time, pretty-printed, with search.
///
/// Built from the workspace when the screen opens and dropped on any edit, so it never shows stale
/// bytes.
public struct PreviewState: Equatable, Sendable {
    public let documents: [BulkDocument]
    /// Record ids in the order the documents were built from (`recordIndices` point into this).
    public let recordIDs: [Int]
    public private(set) var index = 0
    public var pane: TextPaneState
    public private(set) var prettyBytes: [UInt8]
    public private(set) var wireByteCount: Int
    public var searchField: TextFieldState?
    /// The pane shows "What Entra will set" for the selected user instead of the JSON.
    public var showsComputed = false
    /// The first computed attribute shown (the pane scrolls with the movement keys).
    public var computedTop = 0

    public init(store: RecordStore, builder: BulkRequestBuilder = BulkRequestBuilder()) {
        documents = builder.documents(for: store.records)
        recordIDs = store.entries.map(\.id)
        prettyBytes = []
        wireByteCount = 0
        pane = TextPaneState(text: "")
        show(0)
    }

    public var totalOperations: Int { recordIDs.count }

    /// Shows document `n` (clamped), keeping the search query.
    mutating func show(_ n: Int) {
        guard !documents.isEmpty else {
            pane = TextPaneState(text: "No users: nothing would be sent.")
            prettyBytes = []
            wireByteCount = 0
            return
        }
        index = min(max(0, n), documents.count - 1)
        let document = documents[index]
        prettyBytes = document.bytes(style: .pretty())
        wireByteCount = document.bytes().count
        let query = pane.query
        pane = TextPaneState(text: String(decoding: prettyBytes, as: UTF8.self), lineNumbers: true)
        if !query.isEmpty { pane = pane.searching(query, viewport: 1) }
    }

    /// Moves to the document and operation carrying a user; nil when the user is not in the set.
    mutating func reveal(recordID: Int, viewport: Int) -> (document: Int, operation: Int, bulkId: String)? {
        guard let position = recordIDs.firstIndex(of: recordID),
            let n = documents.firstIndex(where: { $0.recordIndices.contains(position) }),
            let op = documents[n].operationIndex(ofRecord: position)
        else { return nil }
        if n != index { show(n) }
        // Operations are the objects at the second level of indentation ("    {").
        let starts = pane.lines.indices.filter { pane.lines[$0] == "    {" }
        if op < starts.count {
            pane.top = 0
            pane = pane.scrolled(lines: starts[op], viewport: viewport)
        }
        return (n, op, documents[n].bulkIds[op])
    }

    /// Every document, pretty, one after another: what "save as" writes (scimterm reads it back).
    public var allDocumentsPretty: [UInt8] {
        var out: [UInt8] = []
        for document in documents {
            out += document.bytes(style: .pretty())
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }
}
