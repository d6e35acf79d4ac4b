import ArgumentParser
import Foundation
import SCIM
import Settings

/// `scimterm-bench phases CSV MAPPING`: where the time of a conversion and a validation goes.
struct PhaseTimes: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "phases", abstract: "Time each phase of convert and validate.")

    @Argument var csv: String
    @Argument var mapping: String

    func run() throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: csv)))
        let mapping = try MappingFile.load(path: mapping)
        var t = Date()
        func lap(_ what: String) {
            print(String(format: "%-28@ %7.3f s", what, Date().timeIntervalSince(t)))
            t = Date()
        }
        let table = try CSVReader().read(bytes)
        lap("CSV parse (\(table.rows.count) rows)")
        let result = try CSVConverter().convert(bytes, mapping: mapping)
        lap("CSV parse + map")
        let documents = BulkRequestBuilder().documents(for: result.records)
        lap("build \(documents.count) documents")
        var out: [UInt8] = []
        for d in documents { JSONWriter.compact.write(d.value, into: &out); out.append(0x0A) }
        lap("write \(out.count >> 20) MiB")
        let parsed = try PayloadReader.read(json: out)
        lap("parse JSON Lines")
        let diagnostics = Validator().validate(parsed, bytes: out)
        lap("validate (\(diagnostics.count) diagnostics)")
        _ = Validator().recordDiagnostics(parsed.records)
        lap("  of which record + set rules")
    }
}
