import App
import ArgumentParser
import Foundation
import Provisioning
import SCIM
import Settings

/// `scimterm send INPUT`: validate, then upload to bulkUpload with pacing, retries and a journal.
struct SendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Send users to a provisioning job's bulkUpload endpoint.",
        discussion: """
            Validates first (errors stop the send unless --force), then sends documents of at most 50 \
            operations, paced under 40 calls per 5 seconds, retrying 429, bucket-full 500, 502/503/504 and \
            dropped connections. Every document's fate is journaled: --resume sends only what was not \
            accepted, and never an older send over users a later send carried (that needs --resume SEND_ID \
            --overwrite-newer). Exit status: 0 all accepted, 1 some failed, 2 usage or input errors.
            """)

    @Argument(help: ArgumentHelp("CSV or JSON input; with --resume, the id (or its first characters) of the journaled send to resume.",
                                valueName: "INPUT")) var inputPath: String?
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var input: InputOptions
    @OptionGroup var build: BuildOptions
    @OptionGroup var mapping: MappingOptions
    @Flag(help: "Validate and show what would be sent; send nothing.") var dryRun = false
    @Flag(help: "Send only what the last interrupted send to this endpoint did not get accepted, unless a later send superseded it.")
    var resume = false
    @Flag(help: "With --resume SEND_ID: resend a superseded send, putting its older data over the newer data a later send carried.")
    var overwriteNewer = false
    @Option(help: ArgumentHelp("Disables allowed without --allow-disable (default: 10 or 5 % of the users, whichever is smaller, at least 1).",
                               valueName: "N")) var maxDisable: Int?
    @Flag(help: "Send even when it disables more users than --max-disable allows.") var allowDisable = false
    @Flag(help: "Send even when validation finds errors (to reproduce a customer's payload).") var force = false
    @Flag(help: "Send each input BulkRequest's original bytes unchanged (no re-chunking, bulkId or schema changes); implies --force.")
    var asIs = false
    @Option(help: ArgumentHelp("Write every request and response (redacted) as HAR 1.2.", valueName: "FILE")) var har: String?
    @Option(help: ArgumentHelp("The send journal (SQLite).", valueName: "FILE")) var journal: String?
    @Option(help: "Before sending, drop the journaled payloads of sends finished more than this many days ago.") var keepDays: Int = 30
    @Option(help: "bulkUpload calls allowed per window (Entra: 40 per 5 s; 0: unpaced).") var rateLimit: Int = 40
    @Option(help: "Window of --rate-limit, in seconds.") var rateWindow: Double = 5
    @Option(help: "Seconds to keep retrying one document through transient failures (5xx, dropped connections, short 429s).")
    var retryFor: Double = 600
    @Option(help: "The tenant's bulkUpload calls per 24 h: 2000 on P1/P2, 6000 with ID Governance (0: do not plan).")
    var dailyQuota: Int = 2000

    func validate() throws {
        if inputPath == nil && !resume { throw ValidationError("give an INPUT file, or --resume") }
        if asIs && resume { throw ValidationError("--as-is sends an INPUT file; --resume sends what the journal kept: pick one") }
        if let maxDisable, maxDisable < 0 { throw ValidationError("--max-disable takes a count of users, 0 or more") }
        if overwriteNewer && (!resume || inputPath == nil) { throw ValidationError("--overwrite-newer goes with --resume SEND_ID, naming the send to resend") }
    }

    func run() async throws {
        let settings = try connection.settings()
        let uploadRefused = dryRun ? await dryRunPreflight() : false
        let journal = try openJournal()
        let lock = dryRun ? nil : try takeLock(settings.endpoint.bulkUploadURL, journal: journal)
        defer { withExtendedLifetime(lock) {} }
        if !dryRun { prune(journal) }
        var prepared: PreparedDocuments?
        var streamed: StreamedInput?
        var resumeFrom: SendJournal.StoredSend?
        if resume {
            guard let stored = try resumeTarget(journal, endpoint: settings.endpoint.bulkUploadURL) else { return }
            resumeFrom = stored
            let inFlight = stored.documents.filter { $0.state == .sending }.count
            StandardError.write("scimterm: resuming send \(stored.id) of \(Self.stamp(stored.created)): "
                + "\(stored.documents.count { $0.state == .accepted }) of \(stored.documents.count) documents were accepted"
                + (inFlight > 0 ? "; \(inFlight) may have been accepted (in flight when the send stopped, no answer journaled) "
                    + "and go again (Entra matches on externalId, so a repeat is harmless)" : ""))
        } else if let inputPath {
            if asIs {
                prepared = try prepareAsIs(inputPath, journal: journal, endpoint: settings.endpoint.bulkUploadURL)
            } else if let checked = try prepareStreamed(inputPath) {
                streamed = checked
                try guardDisables(impact(of: checked, journal: journal, endpoint: settings.endpoint.bulkUploadURL))
            } else {
                prepared = try prepare(inputPath, journal: journal, endpoint: settings.endpoint.bulkUploadURL)
            }
        }
        let newDocuments = streamed?.documents ?? prepared?.count ?? 0
        let needed = resumeFrom?.documents.count { $0.needsSending } ?? newDocuments
        if dryRun {
            let plan = DailyQuotaPlan(needed: needed, recent: (try? journal.calls(tenant: settings.tenant, now: Date())) ?? [],
                                      quota: dailyQuota, now: Date())
            StandardError.write("scimterm: dry run: \(needed) documents would go to \(settings.endpoint.bulkUploadURL)")
            StandardError.write("scimterm: daily quota: \(plan.summary(clock: Self.clock))")
            if uploadRefused { throw ExitCode(1) }
            return
        }
        let recorder = try makeRecorder()
        let client = try connection.client(recorder: recorder)
        let progress = ProgressLine(total: resumeFrom?.documents.count ?? newDocuments)
        let pacer = rateLimit > 0 ? RatePacer(limit: rateLimit, window: rateWindow) : .unlimited
        var uploader = BulkUploader(client: client, policy: RetryPolicy(budget: retryFor), pacer: pacer, journal: journal)
        let plan = uploader.planDailyQuota(dailyQuota, needed: needed, now: Date())
        if !plan.fits { StandardError.write("scimterm: daily quota: \(plan.summary(clock: Self.clock))") }
        let sendId = try streamed.map { try journalStreamed($0, journal: journal, endpoint: settings.endpoint.bulkUploadURL) }
            ?? prepared.map { try journalDocuments($0, journal: journal, endpoint: settings.endpoint.bulkUploadURL) }
        prepared = nil  // journaled: the input and the built documents can go before anything is sent
        let task = Task { [uploader] in
            if let resumeFrom { return await uploader.resume(journaled: resumeFrom, events: progress.handle) }
            return await uploader.send(journaled: sendId ?? "", events: progress.handle)
        }
        let interrupt = InterruptWatcher { task.cancel() }
        let summary = await task.value
        interrupt.stop()
        progress.finish()
        await client.transport.shutdown()
        try await writeHAR(recorder)
        report(summary, journal: journal)
        if !resume { noteSuperseded(by: summary.sendId, journal: journal, endpoint: settings.endpoint.bulkUploadURL) }
        if let stopped = summary.stopped { reportStop(stopped, plan: plan) }
        if summary.cancelled || summary.stopped != nil || !summary.failures.isEmpty { throw ExitCode(1) }
    }

    private func openJournal() throws -> SendJournal {
        do {
            return try SendJournal(path: journal ?? SendJournal.defaultPath)
        } catch {
            StandardError.write("scimterm: cannot open the send journal: \(error)")
            throw ExitCode(2)
        }
    }

    /// Retention before the send; a failure is said but does not stop a send the journal can still record.
    private func prune(_ journal: SendJournal) {
        do { try journal.prune(keepDays: max(0, keepDays), now: Date()) } catch {
            StandardError.write("scimterm: warning: could not prune old payloads from the journal: \(error)")
        }
    }

    /// One sender per journal and endpoint: a second would resend what the first has not journaled yet.
    private func takeLock(_ endpoint: String, journal: SendJournal) throws -> SendLock {
        do {
            let lock = try SendLock(journalPath: journal.path, endpoint: endpoint)
            if let dead = lock.tookOverFrom {
                StandardError.write("scimterm: took over the send lock of \(dead), which is no longer running")
            }
            return lock
        } catch {
            StandardError.write("scimterm: \(error)")
            throw ExitCode(2)
        }
    }

    private func prepare(_ path: String, journal: SendJournal, endpoint: String) throws -> PreparedDocuments {
        var loaded = try input.load(path)
        let found = loaded.validate(with: Validator(limits: .commandLine)) + (try mappingFindings(path, loaded: loaded))
        // Validated: the file's bytes are no longer needed, and go before the documents are built.
        loaded.bytes = []
        let built = build.builder.documents(for: loaded.records)
        // What is sent is the rebuilt documents: the input envelope's faults they repair are notes.
        let diagnostics = SendFindings.afterRebuild(found, documentCount: built.count, keepsBulkIds: build.bulkId == .original)
        notePartialUpdates(loaded.records, path: path, journal: journal, endpoint: endpoint)
        noteRebuild(diagnostics, path: path)
        try refuseOnErrors(diagnostics, path: path)
        try guardDisables(impact(of: loaded.records, journal: journal, endpoint: endpoint))
        return PreparedDocuments(built, records: loaded.records)
    }

    /// Errors stop the send with nothing sent, unless --force.
    func refuseOnErrors(_ diagnostics: [Diagnostic], path: String) throws {
        if diagnostics.hasErrors {
            for d in DiagnosticText.sorted(diagnostics).filter({ $0.severity == .error }).prefix(20) {
                StandardError.write(DiagnosticText.line(d, file: path, hints: false))
            }
            guard force else {
                StandardError.write("scimterm: \(diagnostics.errorCount) errors: nothing sent (fix them, or --force to send anyway)")
                throw ExitCode(2)
            }
            StandardError.write("scimterm: sending despite \(diagnostics.errorCount) errors (--force)")
        }
    }

    /// The send stopped by itself; the journal holds the rest for `--resume`.
    private func reportStop(_ stopped: StopReason, plan: DailyQuotaPlan) {
        StandardError.write("scimterm: \(stopped)")
        guard stopped.isQuota else { return }
        var after = plan.restAfter
        if case .dailyQuota(let resumeAfter?, _) = stopped { after = resumeAfter }
        StandardError.write("scimterm: the journal keeps the rest: resume after \(after.map(Self.clock) ?? "the quota window rolls") "
            + "with `scimterm send --resume` and the same connection options")
    }

    /// Attributes an earlier send set and these records leave out stay as they were in Entra.
    private func notePartialUpdates(_ records: [UserRecord], path: String, journal: SendJournal, endpoint: String) {
        let ids = Set(records.compactMap(\.externalId))
        guard let previous = try? journal.lastAccepted(endpoint: endpoint, externalIds: ids), !previous.isEmpty else { return }
        let notes = PartialUpdateNotes.diagnostics(records, previous: previous, clock: Self.clock)
        for d in notes.prefix(10) { StandardError.write(DiagnosticText.line(d, file: path, hints: false)) }
        if notes.count > 10 { StandardError.write("scimterm: … and \(notes.count - 10) more [\(PartialUpdateNotes.rule)]") }
    }

    /// Keeps no exchange in memory: with --har each one is written to the file as it happens.
    private func makeRecorder() throws -> ExchangeRecorder {
        guard let har else { return ExchangeRecorder(retention: .nothing) }
        do {
            return try ExchangeRecorder(retention: .nothing, harPath: har)
        } catch {
            // Nothing has gone yet: better to say so now than after a send the operator wanted recorded.
            StandardError.write("scimterm: \(error): nothing sent")
            throw ExitCode(2)
        }
    }

    private func writeHAR(_ recorder: ExchangeRecorder) async throws {
        do {
            try await recorder.finishHAR()
        } catch {
            StandardError.write("scimterm: \(error)")
        }
    }

    private func report(_ s: BulkUploader.Summary, journal: SendJournal) {
        let records = s.outcomes.reduce(0) { $0 + $1.externalIds.count }
        StandardError.write("scimterm: accepted \(s.acceptedDocuments) of \(s.outcomes.count) documents "
            + "(\(s.acceptedRecords) of \(records) records)" + (s.cancelled ? "; cancelled, resume with --resume" : ""))
        for f in s.failures {
            StandardError.write("  document \(f.document + 1) failed after \(f.attempts) attempt(s): \((f.reason ?? "").visibleControlCharacters)"
                + " — records \(f.externalIds.prefix(5).joined(separator: ", "))\(f.externalIds.count > 5 ? ", …" : "")")
        }
        for o in s.outcomes.prefix(20) where o.accepted {
            StandardError.write("  document \(o.document + 1): 202 Accepted, request-id \(o.requestId ?? "?")")
        }
        if s.outcomes.count > 20 { StandardError.write("  … request ids of every document are in the journal (send \(s.sendId), \(journal.path))") }
    }

    /// "2026-12-05 14:05 (local)" for a time the operator acts on.
    static func clock(_ date: Date) -> String { TimeText.minute(date, timeZone: .current) + " (local)" }

    static func stamp(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        return f.string(from: date)
    }
}
