import SCIM

/// A send's users as they stood when the operator confirmed, for their BulkRequests to be
/// serialised off the UI loop: at 100,000 users that is tens of megabytes of JSON, which would
/// freeze the screen. Small sends are built on the loop, where they take a few milliseconds.
public struct SendBuild: Sendable, Equatable {
    public var title: String
    var records: [UserRecord]
    var recordIDs: [Int]
    var batchSize: Int

    /// Sends of more users than this are built by the runner (`.buildSend`, answered by `.sendBuilt`).
    static let offLoopThreshold = 5_000

    init(_ planning: SendPlanning, scope: SendScope) {
        let ids = planning.recordIDs(for: scope)
        let found = ids.compactMap { id in planning.state.store.entry(id: id).map { (id, $0.record) } }
        title = planning.scopeTitle(scope)
        recordIDs = found.map(\.0)
        records = found.map(\.1)
        batchSize = planning.state.batchSize
    }

    var isLarge: Bool { records.count > Self.offLoopThreshold }

    /// The BulkRequests, built exactly as the preview builds them.
    public func documents() -> [SendDocument] {
        BulkRequestBuilder(batchSize: batchSize).documents(for: records).map { document in
            SendDocument(bytes: document.bytes(), recordIDs: document.recordIndices.map { recordIDs[$0] },
                         externalIds: document.recordIndices.map { records[$0].externalId ?? "" })
        }
    }
}
