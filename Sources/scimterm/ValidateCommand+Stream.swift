import Foundation
import SCIM
import Settings

/// What `validate` found in one file, however it was read.
struct ValidatedFile {
    var diagnostics: [Diagnostic]
    var records: Int
    var documents: Int
    var isCSV: Bool
    /// The input, when it was read whole (stdin, CSV): the mapping's checks read it again from here.
    var loaded: LoadedInput?
}

/// JSON files are validated a batch of documents at a time, so memory stays flat however many
/// users they hold; anything the stream cannot take (stdin, CSV, a syntax error, an empty file)
/// is read whole as before, which also gives its exact message.
enum StreamedValidation {
    private struct NotStreamable: Error {}

    /// Small batches: each worker holds one batch's JSON trees (several times its bytes), and a
    /// million users' set keys must fit beside them in 64 MiB; the hand-offs cost nothing measurable.
    static let batchBytes = 256 << 10

    /// nil when the file has to be read whole.
    static func validate(_ path: String, validator: Validator) -> ValidatedFile? {
        guard path != "-" else { return nil }
        var stream = StreamingValidator(validator: validator)
        stream.expectedBytes = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int
        // Two batches per core: a clean batch holds no trees, and while this thread reads the
        // next one and keeps the set, every core still has one to check.
        var pipeline = StreamingPipeline(stream, depth: 2 * ProcessInfo.processInfo.activeProcessorCount)
        var batches = 0
        do {
            let outcome = try DocumentBatches.read(path: path, size: batchBytes) { (batch: [UInt8]) throws(NotStreamable) in
                if batches == 0 && !PayloadReader.looksLikeJSON(batch) { throw NotStreamable() }
                batches += 1
                do { try pipeline.submit(batch) } catch { throw NotStreamable() }
            }
            guard outcome == .done else { return nil }
            stream = try pipeline.finish()
            guard stream.documents > 0 else { return nil }
        } catch {
            return nil
        }
        return ValidatedFile(diagnostics: stream.finish(), records: stream.records, documents: stream.documents, isCSV: false)
    }
}

