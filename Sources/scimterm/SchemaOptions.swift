import ArgumentParser
import Foundation
import Mapping

/// `--schema FILE`: the job's schema to work from offline. `scimterm schema pull` and the portal's
/// "download schema" write the same shape. Commands that check payloads against the mapping take
/// this option group; a file that cannot be read or is not a schema is a usage error (exit 2).
struct SchemaOptions: ParsableArguments {
    @Option(name: .customLong("schema"),
            help: ArgumentHelp("The job's schema: JSON from `scimterm schema pull` or the portal's \"download schema\".",
                               valueName: "FILE"))
    var schemaFile: String?

    /// The schema of `--schema`, or nil when the option was not given.
    func load() throws -> SynchronizationSchema? {
        guard let schemaFile else { return nil }
        do {
            return try SynchronizationSchema.load(path: schemaFile)
        } catch {
            throw ValidationError("--schema \(error.description)")
        }
    }
}
