import ArgumentParser
import Foundation
import Provisioning
import SCIM

/// `scimterm logs`: what Entra did with each user, from the provisioning logs.
struct LogsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logs", abstract: "Read the job's provisioning logs (what Entra did with each user).",
        discussion: """
            Entries appear 5 to 10 minutes after an upload. --follow polls until every user of the last \
            send (from the journal) has an entry newer than the acceptance of its document (an older entry \
            is an earlier send's, and is not shown), or --timeout passes. While the job is paused or \
            quarantined it says the upload is queued; past --not-processed-after it says the upload was \
            not processed. Exit status 1 when an entry is a failure or a followed user has no entry. \
            --summary reconciles the last send instead: per upload, its users created, updated, disabled, \
            skipped, failed and not yet seen, each failure with its reason (exit 1 when any failed).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @OptionGroup var connection: ConnectionOptions
    @Option(help: "Only this user (its externalId).") var externalId: String?
    @Option(help: ArgumentHelp("Only entries newer than this (30m, 2h, 1d).", valueName: "AGE")) var since: String?
    @Flag(help: "Only failures.") var failures = false
    @Flag(help: "Poll until every user of the last send has an entry.") var follow = false
    @Flag(help: "Per upload of the last send: users created, updated, disabled, skipped, failed, not yet seen; exit 1 when any failed.")
    var summary = false
    @Option(help: "Seconds between polls with --follow.") var interval: Double = 20
    @Option(help: "Give up following after this many seconds.") var timeout: Double = 900
    @Option(help: ArgumentHelp("With --follow: seconds after its acceptance when a user without an entry is reported as not processed.",
                               valueName: "SECONDS")) var notProcessedAfter: Double = 2400
    @Option(help: "table or json.") var format: Format = .table
    @Option(help: ArgumentHelp("The send journal (SQLite).", valueName: "FILE")) var journal: String?
    @Option(name: .customLong("import"), help: ArgumentHelp("Read a provisioning-log download (the portal's JSON or three CSV files, or logs --format json) instead of Graph; no connection options needed.",
                                                           valueName: "FILE")) var importPath: String?

    func run() async throws {
        if let importPath { return try runImport(importPath) }
        let client = try connection.client(recorder: ExchangeRecorder())
        var query = LogQuery(externalId: externalId, since: try since.map(Self.age).map { Date().addingTimeInterval(-$0) }, failuresOnly: failures)
        var upload: FollowedUpload?
        let last = follow || summary ? try? SendJournal(path: journal ?? SendJournal.defaultPath).latest(endpoint: client.settings.endpoint.bulkUploadURL) : nil
        if follow, let last {
            upload = FollowedUpload(last)
            if let upload { query.since = query.since ?? upload.readFrom }
        }
        let reconciled: SendJournal.StoredSend?
        do { reconciled = try summary ? summarised(last) : nil } catch {
            await client.transport.shutdown()
            throw error
        }
        if let reconciled { query.since = query.since ?? FollowedUpload(reconciled)?.readFrom ?? reconciled.created.addingTimeInterval(-60) }
        var shown: [ProvisioningLog] = []
        var job: (status: JobStatus, at: Date)?
        do {
            shown = try await poll(client, query: query, upload: upload, job: &job)
        } catch let error as ProvisioningError {
            await client.transport.shutdown()
            StandardError.write("scimterm: \(error)")
            throw ExitCode(1)
        }
        await client.transport.shutdown()
        if let reconciled { return try printSummary(UploadReconciliation(send: reconciled, entries: shown)) }
        if format == .json { print(JSONWriter.pretty.string(.array(shown.map(\.raw)))) }
        var failed = shown.contains(where: \.isFailure)
        if let upload {
            let missing = upload.missing(shown)
            if let oldest = upload.oldest(of: missing) {
                StandardError.write("scimterm: " + FollowText.missing(missing, oldest: oldest, job: job?.status, jobReadAt: job?.at,
                                                                     limit: notProcessedAfter, now: Date()))
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }

    /// Reads (and with --follow, polls) the logs, printing each new entry once; the job is read when
    /// the follow starts and after each round that brought nothing, so a stopped job is named.
    private func poll(_ client: GraphClient, query: LogQuery, upload: FollowedUpload?,
                      job: inout (status: JobStatus, at: Date)?) async throws -> [ProvisioningLog] {
        let deadline = Date().addingTimeInterval(timeout)
        var seen = Set<String>(), shown: [ProvisioningLog] = []
        var readJob = upload != nil
        while true {
            if readJob, let status = try? await client.jobStatus() { job = (status, Date()) }
            var fresh = 0
            for entry in try await client.provisioningLogs(query).reversed() where seen.insert(entry.id).inserted {
                guard upload?.mayShow(entry) ?? true else { continue }
                shown.append(entry)
                fresh += 1
                if format == .table && !summary { print(Self.row(entry)) }
            }
            guard follow else { return shown }
            let missing = upload?.missing(shown) ?? []
            let now = Date()
            if let upload {
                guard let oldest = upload.oldest(of: missing), now < deadline,
                    now.timeIntervalSince(upload.last) < notProcessedAfter
                else { return shown }
                let line = job.flatMap { $0.status.processesUploads ? nil : FollowText.queued($0.status, readAt: $0.at, now: now) }
                StandardError.write("scimterm: " + (line ?? FollowText.waiting(missing: missing.count, of: upload.count, since: oldest, now: now, interval: interval)))
            } else {
                guard now < deadline else { return shown }
                StandardError.write("scimterm: waiting for entries (next poll in \(Int(interval)) s)")
            }
            readJob = upload != nil && fresh == 0
            try await Task.sleep(nanoseconds: UInt64(interval * 1e9))
        }
    }

    /// One entry as table lines; every value from the service is made safe for the terminal.
    static func row(_ e: ProvisioningLog) -> String {
        func safe(_ s: String) -> String { s.visibleControlCharacters }
        var line = "\(safe(e.activityDateTime))  \(safe(e.action).padding(toLength: 8, withPad: " ", startingAt: 0)) "
            + "\(safe(e.status).padding(toLength: 8, withPad: " ", startingAt: 0)) \(safe(e.externalId))  \(safe(e.displayName))"
        if let reason = e.reason { line += "\n    \(safe(e.errorCode ?? "")): \(safe(reason))" }
        if let fix = e.recommendedAction { line += "\n    fix: \(safe(fix))" }
        return line
    }

    static func age(_ text: String) throws -> Double {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86400]
        guard let unit = text.last, let factor = units[unit], let n = Double(text.dropLast()) else {
            throw ValidationError("--since takes an age like 30m, 2h or 1d")
        }
        return n * factor
    }
}

/// The connection options are decoded only without `--import`, so that reading a download needs
/// none (the property wrappers' storage is private to this file, hence the decoder is here).
extension LogsCommand {
    enum CodingKeys: String, CodingKey {
        case connection, externalId, since, failures, follow, summary, interval, timeout, notProcessedAfter, format, journal, importPath
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        _importPath = try c.decode(Option<String?>.self, forKey: .importPath)
        _externalId = try c.decode(Option<String?>.self, forKey: .externalId)
        _since = try c.decode(Option<String?>.self, forKey: .since)
        _failures = try c.decode(Flag<Bool>.self, forKey: .failures)
        _follow = try c.decode(Flag<Bool>.self, forKey: .follow)
        _summary = try c.decode(Flag<Bool>.self, forKey: .summary)
        _interval = try c.decode(Option<Double>.self, forKey: .interval)
        _timeout = try c.decode(Option<Double>.self, forKey: .timeout)
        _notProcessedAfter = try c.decode(Option<Double>.self, forKey: .notProcessedAfter)
        _format = try c.decode(Option<Format>.self, forKey: .format)
        _journal = try c.decode(Option<String?>.self, forKey: .journal)
        if importPath == nil { _connection = try c.decode(OptionGroup<ConnectionOptions>.self, forKey: .connection) }
    }
}
