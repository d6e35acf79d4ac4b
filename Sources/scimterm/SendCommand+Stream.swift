import ArgumentParser
import Foundation
import Provisioning
import SCIM

/// A JSON input (JSON Lines, concatenated documents) sent without ever holding it: a first streamed
/// pass checks it as `validate` does, set rules included, so a bad file is refused before anything
/// is journaled; a second pass builds each document and journals it as it goes. Memory stays flat
/// however many users the file holds; only a single document larger than a batch is read whole.
struct StreamedInput {
    var path: String
    var records: Int
    var documents: Int
}

extension SendCommand {
    /// The checked input, or nil when it has to be read whole (stdin, CSV, a JSON syntax error:
    /// see `StreamedValidation`); exits 2 on errors unless --force, as the whole read does.
    func prepareStreamed(_ path: String) throws -> StreamedInput? {
        guard let checked = StreamedValidation.validate(path, validator: Validator(limits: .commandLine)) else { return nil }
        let size = build.builder.batchSize
        let documents = (checked.records + size - 1) / size
        let found = checked.diagnostics + (try mappingFindings(path, loaded: nil))
        let diagnostics = SendFindings.afterRebuild(found, documentCount: documents, keepsBulkIds: build.bulkId == .original)
        noteRebuild(diagnostics, path: path)
        try refuseOnErrors(diagnostics, path: path)
        return StreamedInput(path: path, records: checked.records, documents: documents)
    }

    /// Reads the input again, journaling each document as it is built, all in one transaction
    /// before the first request (see `SendJournal.beginStreaming`); the send's id.
    func journalStreamed(_ input: StreamedInput, journal: SendJournal, endpoint: String) throws -> String {
        var notes = PartialNotes()
        let builder = build.builder
        do {
            let id = try journal.beginStreaming(endpoint: endpoint) { appender in
                try Self.fill(&appender, from: input, builder: builder, notes: &notes)
            }
            notes.report(file: input.path)
            return id
        } catch {
            StandardError.write("scimterm: \(StopReason.journal(reason: "\(journal.path): \(error)")): nothing sent")
            throw ExitCode(1)
        }
    }

    private static func fill(_ appender: inout SendJournal.Appender, from input: StreamedInput, builder: BulkRequestBuilder,
                             notes: inout PartialNotes) throws {
        var stream = BulkDocumentStream(builder: builder, expectedRecords: input.records)
        var base = 0
        let outcome = try DocumentBatches.read(path: input.path) { (batch: [UInt8]) throws(any Error) in
            guard batch.contains(where: { !isSpace($0) }) else { return }
            let records = try PayloadReader.read(json: batch).records
            let previous = try appender.lastAccepted(externalIds: Set(records.compactMap(\.externalId)))
            notes.add(PartialUpdateNotes.diagnostics(records, previous: previous, clock: clock), base: base)
            base += records.count
            try stream.add(records) { (built) throws(any Error) in try appender.append(built) }
        }
        try stream.finish { (built) throws(any Error) in try appender.append(built) }
        guard outcome == .done, appender.count == input.documents else { throw InputChanged() }
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }
}

/// The file read differently the second time: nothing of it is journaled or sent.
private struct InputChanged: Error, CustomStringConvertible {
    var description: String { "the input file changed between its check and its send" }
}

/// The partial-update notes of a streamed input: the first few as lines, the rest counted.
private struct PartialNotes {
    private static let shown = 10
    private var first: [Diagnostic] = []
    private var count = 0

    mutating func add(_ notes: [Diagnostic], base: Int) {
        count += notes.count
        for var d in notes.prefix(Self.shown - first.count) {
            d.record = d.record.map { $0 + base }
            first.append(d)
        }
    }

    func report(file: String) {
        for d in first { StandardError.write(DiagnosticText.line(d, file: file, hints: false)) }
        if count > Self.shown { StandardError.write("scimterm: … and \(count - Self.shown) more [\(PartialUpdateNotes.rule)]") }
    }
}
