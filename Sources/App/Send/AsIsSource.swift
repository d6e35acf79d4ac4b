import Crypto
import Foundation
import SCIM
import Settings

/// The opened file's own BulkRequest documents, remembered as byte ranges so the send dialog can
/// offer "as the file is, byte for byte" without holding a second copy of the file.
///
/// The bytes are read again at send time and checked against the digest taken when the file was
/// opened: a payload changed on disk since is refused rather than sent as something else.
public struct AsIsSource: Equatable, Sendable {
    public struct Part: Equatable, Sendable {
        public var range: Range<Int>
        /// Workspace ids of the users read from this document (the store numbers a load 1…n).
        public var recordIDs: [Int]
        public var externalIds: [String]
    }

    public var path: String
    public var byteCount: Int
    public var digest: [UInt8]
    public var parts: [Part]
    /// "document 1: expect 400: 51 operations in one request", one line per document Entra will refuse.
    public var expectedRejections: [String]
    /// Errors on the users inside, which Entra reports in the provisioning logs rather than at upload.
    public var recordErrors: Int
    /// The workspace's change generation right after the load: later edits are not in the file.
    public var generation = 0

    public var name: String { path.split(separator: "/").last.map(String.init) ?? path }

    /// nil when the file cannot be sent as-is (a CSV, bare Users): the dialog then does not offer it.
    public static func make(_ loaded: LoadedInput, diagnostics: [Diagnostic]) -> AsIsSource? {
        guard loaded.result.format != .csv, !loaded.result.documents.isEmpty,
              loaded.result.documents.allSatisfy({ $0.kind == .bulkRequest }) else { return nil }
        var parts = loaded.result.documents.map { Part(range: $0.range.clamped(to: loaded.bytes.indices), recordIDs: [], externalIds: []) }
        for (i, record) in loaded.records.enumerated() {
            guard let doc = record.origin?.document, parts.indices.contains(doc) else { continue }
            parts[doc].recordIDs.append(i + 1)
            parts[doc].externalIds.append(record.externalId ?? "")
        }
        return AsIsSource(path: loaded.path, byteCount: loaded.bytes.count, digest: Array(SHA256.hash(data: loaded.bytes)), parts: parts,
                          expectedRejections: SendFindings.expectedRejections(diagnostics),
                          recordErrors: diagnostics.count { $0.severity == .error && !SendFindings.isEnvelope($0) })
    }

    /// The documents to send, cut from the file's current bytes; throws when the file changed since it was opened.
    public func documents(from bytes: [UInt8]) throws(Changed) -> [SendDocument] {
        guard bytes.count == byteCount, Array(SHA256.hash(data: bytes)) == digest else { throw Changed(path: path) }
        return parts.map { SendDocument(bytes: Array(bytes[$0.range]), recordIDs: $0.recordIDs, externalIds: $0.externalIds) }
    }

    public struct Changed: Error, Equatable, Sendable, CustomStringConvertible {
        public var path: String
        public init(path: String) { self.path = path }
        public var description: String { "\(path) changed on disk since it was opened; open it again to send it as-is" }
    }
}
