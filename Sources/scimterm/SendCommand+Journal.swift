import ArgumentParser
import Foundation
import Provisioning
import SCIM

/// The documents of a new send, built one at a time as the journal takes them, so their bytes are
/// never all in memory at once.
struct PreparedDocuments {
    var count: Int
    /// Document `i`'s bytes and the externalIds of its records, built when asked for.
    var document: (Int) -> (body: [UInt8], externalIds: [String])

    init(count: Int, document: @escaping (Int) -> (body: [UInt8], externalIds: [String])) {
        self.count = count
        self.document = document
    }

    init(_ built: [BulkDocument], records: [UserRecord]) {
        self.init(count: built.count) { i in
            (built[i].bytes(), built[i].recordIndices.map { records[$0].externalId ?? "" })
        }
    }

    init(asIs documents: [AsIsDocument]) {
        self.init(count: documents.count) { i in (documents[i].bytes, documents[i].externalIds) }
    }
}

extension SendCommand {
    /// Journals every document before the first request goes (see `SendJournal.beginStreaming`);
    /// the send's id. A journal that cannot take them stops the send with nothing sent.
    func journalDocuments(_ prepared: PreparedDocuments, journal: SendJournal, endpoint: String) throws -> String {
        do {
            return try journal.beginStreaming(endpoint: endpoint, documents: (0..<prepared.count).lazy.map(prepared.document))
        } catch {
            StandardError.write("scimterm: \(StopReason.journal(reason: "\(journal.path): \(error)")): nothing sent")
            throw ExitCode(1)
        }
    }
}
