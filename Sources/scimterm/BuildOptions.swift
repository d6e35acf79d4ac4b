import ArgumentParser
import SCIM

/// How records become BulkRequest documents, shared by convert, preview and (later) send.
struct BuildOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Operations per document, 1 to 50 (Entra's limit).", valueName: "N"))
    var batchSize: Int = BulkRequestBuilder.maxOperations

    @Option(help: ArgumentHelp("Where bulkIds come from: externalId, uuid, or original (keep the input's, repeats included).", valueName: "SOURCE"))
    var bulkId: BulkRequestBuilder.BulkIdStrategy = .externalId

    func validate() throws {
        guard (1...BulkRequestBuilder.maxOperations).contains(batchSize) else {
            throw ValidationError("--batch-size must be between 1 and \(BulkRequestBuilder.maxOperations) (Entra accepts at most 50 operations a request)")
        }
    }

    var builder: BulkRequestBuilder { BulkRequestBuilder(batchSize: batchSize, bulkIds: bulkId) }
}

extension BulkRequestBuilder.BulkIdStrategy: ExpressibleByArgument {}
