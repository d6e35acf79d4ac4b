import Foundation

/// Lets the last release of a large input's JSON trees happen on a background thread.
///
/// Freeing 100,000 users' trees visits every array and object once more: a fifth of a second on
/// the thread that drops the result (for `scimterm validate`, between the report and exiting).
/// Stored last in `InputReadResult`, so destroyed after its documents and records, this keeps a
/// second reference to them; its `deinit` then hands those to a background queue to release.
final class DeferredRelease: Sendable {
    /// Below this many records, freeing is quick and is left where it happens.
    static let minimumRecords = 10_000

    private let documents: [SourceDocument]
    private let records: [UserRecord]

    private init(documents: [SourceDocument], records: [UserRecord]) {
        self.documents = documents
        self.records = records
    }

    /// One for a result worth it, nil for a small one.
    static func forResult(_ result: InputReadResult) -> DeferredRelease? {
        result.records.count >= minimumRecords ? DeferredRelease(documents: result.documents, records: result.records) : nil
    }

    deinit {
        let trees = (documents, records)
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(trees) {} }
    }
}
