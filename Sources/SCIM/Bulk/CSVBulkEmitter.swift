import Foundation

/// CSV straight to BulkRequest JSON Lines, from the file's bytes to the output's: windows of rows
/// are parsed as byte ranges, mapped into `SlotValue`s and written as operations on every core
/// (`CSVOperationWindow`), with no `String` per field and no JSON tree; the ordered loop settles the
/// bulkIds and frames the documents (`DocumentFramer`). This is `scimterm convert`'s path for CSV;
/// its bytes equal those of `CSVConverter` + `BulkRequestBuilder` + `JSONWriter` (tests hold them
/// together), it is only faster and smaller: memory is the file plus the windows in flight.
public struct CSVBulkEmitter: Sendable {
    public var converter = CSVConverter()
    public var builder: BulkRequestBuilder

    public init(builder: BulkRequestBuilder) { self.builder = builder }

    public struct Summary: Sendable {
        public var records = 0
        public var documents = 0
        public var diagnostics: [Diagnostic] = []
    }

    /// Rows are parsed, mapped and written in windows of this many bytes on every core. Small
    /// windows start the ordered loop early and end the run soon after the last row; the loop's
    /// own work per window is the same whatever its size.
    var chunkBytes = 1 << 18
    var workers = ProcessInfo.processInfo.activeProcessorCount
    /// `write` gets whole documents, in pieces of about this many bytes.
    var writeBytes = 4 << 20

    /// Writes one document per line through `write`, in order. Windows of rows become operations on
    /// every core (`CSVOperationWindow`); this thread takes them in order, settles each bulkId and
    /// frames the documents. On an error, the documents before it are written and it is thrown.
    public func emit(_ bytes: [UInt8], mapping: CSVMapping?, extensionURN: String? = nil,
                     write: ([UInt8]) -> Void) throws(CSVError) -> Summary {
        // The encoding is checked while the first windows are parsed, not before: it is one pass
        // over the whole file on the one thread every window waits for. Nothing is written before it.
        let (stream, mapper, headerDiagnostics) = try converter.prepare(bytes, mapping: mapping, extensionURN: extensionURN,
                                                                       checkingEncoding: false)
        let writer = CSVOperationWindow.Writer(mapper: mapper, reader: converter.reader, delimiter: stream.delimiter,
                                               proposeExternalIds: builder.bulkIds != .uuid)
        var framer = DocumentFramer(builder: builder, flushBytes: writeBytes, expectedRecords: bytes.count / 128)
        let buffers = ByteBufferPool(limit: workers * 2 + 2)
        var summary = Summary()
        summary.diagnostics = headerDiagnostics
        do {
            try CSVConverter.inOrder(bytes, from: stream.parser.position, line: stream.parser.line, chunkBytes: chunkBytes, workers: workers,
                                     parse: { start, bound, line in CSVOperationWindow(bytes, from: start, to: bound, line: line, writer: writer, buffer: buffers.take()) },
                                     rows: { $0.rows.count }, end: { ($0.end, $0.lines, $0.error) },
                                     meanwhile: { () throws(CSVError) in try CSVReader.checkEncoding(bytes) }) { window, base throws(CSVError) in
                framer.add(window, write)
                buffers.give(window.bytes)
                if let error = window.error { throw error }
                summary.diagnostics += window.diagnostics.map { CSVConverter.shifted($0, lines: base.line, records: base.index) }
            }
        } catch {
            framer.flush(write)
            throw error
        }
        framer.finish(write)
        summary.records = framer.records
        summary.documents = framer.documents
        return summary
    }

    static let head = Array(#"{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":["#.utf8)
    static let tail = Array(#"],"failOnErrors":null}"#.utf8)
}
