import ArgumentParser
import Foundation
import Mapping
import SCIM
import Settings

/// The attribute names `schema extend --from FILE` reads: a JSON payload streamed in batches (only
/// the names are kept, never the users), or a CSV's header resolved through `--mapping` and
/// `--extension-urn` to the SCIM paths `convert` would write.
enum SchemaExtendInput {
    static let batchBytes = 2 << 20

    static func attributes(path: String, input: InputOptions, urn: String) throws -> InputAttributes {
        if let streamed = streamJSON(path: path) { return streamed }
        let bytes = try input.read(path)
        if PayloadReader.looksLikeJSON(bytes) {
            var found = InputAttributes()
            for record in try input.load(path, bytes: bytes).result.records { found.add(record: record.data) }
            return found
        }
        return try csv(path: path, bytes: bytes, input: input, urn: urn)
    }

    /// nil when the file is not a regular JSON file that parses batch by batch (stdin, CSV, a syntax
    /// error): the caller then reads it whole, whose errors say what is wrong.
    private static func streamJSON(path: String) -> InputAttributes? {
        struct NotStreamable: Error {}
        guard path != "-" else { return nil }
        var found = InputAttributes()
        var users = 0
        do {
            let outcome = try DocumentBatches.read(path: path, size: batchBytes) { (batch: [UInt8]) throws(NotStreamable) in
                if users == 0 && !PayloadReader.looksLikeJSON(batch) { throw NotStreamable() }
                guard let read = try? PayloadReader.read(json: batch, concurrent: false) else { throw NotStreamable() }
                for record in read.records { found.add(record: record.data) }
                users += read.records.count
            }
            return outcome == .done && users > 0 ? found : nil
        } catch {
            return nil
        }
    }

    /// The columns' SCIM paths; columns no assignment reads land under `--extension-urn`, else `--urn`.
    private static func csv(path: String, bytes: [UInt8], input: InputOptions, urn: String) throws -> InputAttributes {
        let header: [String]
        do { header = try CSVReader().rows(bytes).header } catch {
            StandardError.write("scimterm: \(path): \(error)")
            throw ExitCode(2)
        }
        var mapping: CSVMapping?
        if let file = input.mapping {
            do { mapping = try MappingFile.load(path: file) } catch {
                StandardError.write("scimterm: \(error.description)")
                throw ExitCode(2)
            }
        }
        // --extension-urn overrides the mapping's own, as it does for `convert`.
        if let override = input.extensionUrn { mapping?.remainingExtension = override }
        var found = InputAttributes()
        found.add(csvHeader: header, mapping: mapping, remainingURN: input.extensionUrn ?? urn)
        return found
    }
}
