import ArgumentParser
import Foundation
import Mapping
import SCIM
import Settings

/// `--schema FILE` and `--now` for the commands that say what the job's mapping makes of users
/// (`validate`, `preview`). The clock is read here, at the edge, only when `--now` is not given.
struct MappingOptions: ParsableArguments {
    @OptionGroup var schema: SchemaOptions

    @Option(help: ArgumentHelp("What Now() answers in the mapping's expressions (ISO 8601 with a zone); default: the clock.",
                               valueName: "DATE-TIME"))
    var now: String?

    /// The evaluation context of `--now`, or nil without `--schema`.
    func findings() throws -> MappingFindings? {
        guard let schema = try schema.load() else { return nil }
        return MappingFindings(schema: schema, context: EvaluationContext(now: try Self.instant(now)))
    }

    /// What `--now` gives, or the clock without it (`evaluate` reads its own `--now` the same way).
    static func instant(_ now: String?) throws -> Date {
        guard let now else { return Date() }
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: now) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: now) { return date }
        throw ValidationError("--now needs an ISO 8601 date-time with a zone, e.g. 2026-12-05T09:00:00Z; found \"\(now)\"")
    }
}

extension MappingFindings {
    /// Every user of one input file checked against the mapping: `loaded` when the file was read
    /// whole already, else streamed when it is a JSON file, else read whole by `load`. Findings are
    /// placed in the file; nil when it cannot be read.
    func findings(in file: String, loaded: LoadedInput?, load: () -> LoadedInput?) -> [Diagnostic]? {
        var findings = self
        var out = RecordFindings(limits: .commandLine)
        let streamed = loaded == nil
            && out.stream(path: file, batchBytes: StreamedValidation.batchBytes) { findings.check($0.data) }
        if !streamed {
            guard let input = loaded ?? load() else { return nil }
            out.add(input.result, bytes: input.bytes) { findings.check($0.data) }
        }
        for note in findings.fileNotes() { out.add(note) }
        return out.all
    }
}
