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
            send (from the journal) has an entry, or --timeout passes.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @OptionGroup var connection: ConnectionOptions
    @Option(help: "Only this user (its externalId).") var externalId: String?
    @Option(help: ArgumentHelp("Only entries newer than this (30m, 2h, 1d).", valueName: "AGE")) var since: String?
    @Flag(help: "Only failures.") var failures = false
    @Flag(help: "Poll until every user of the last send has an entry.") var follow = false
    @Option(help: "Seconds between polls with --follow.") var interval: Double = 20
    @Option(help: "Give up following after this many seconds.") var timeout: Double = 900
    @Option(help: "table or json.") var format: Format = .table
    @Option(help: ArgumentHelp("The send journal (SQLite).", valueName: "FILE")) var journal: String?

    func run() async throws {
        let client = try connection.client(recorder: ExchangeRecorder())
        var query = LogQuery(externalId: externalId, since: try since.map(Self.age).map { Date().addingTimeInterval(-$0) }, failuresOnly: failures)
        var expected: Set<String> = []
        if follow, let last = try? SendJournal(path: journal ?? SendJournal.defaultPath).latest(endpoint: client.settings.endpoint.bulkUploadURL) {
            expected = Set(last.documents.filter { $0.state == .accepted }.flatMap(\.externalIds))
            query.since = query.since ?? last.created.addingTimeInterval(-60)
        }
        let deadline = Date().addingTimeInterval(timeout)
        var shown = Set<String>(), all: [ProvisioningLog] = []
        do {
            while true {
                let entries = try await client.provisioningLogs(query)
                for entry in entries.reversed() where shown.insert(entry.id).inserted {
                    all.append(entry)
                    if format == .table { print(Self.row(entry)) }
                }
                let missing = expected.subtracting(all.map(\.externalId))
                guard follow, !missing.isEmpty || expected.isEmpty, Date() < deadline else { break }
                StandardError.write("scimterm: waiting for \(expected.isEmpty ? "entries" : "\(missing.count) of \(expected.count) users"); "
                    + "Entra writes provisioning logs 5 to 10 minutes after an upload (next poll in \(Int(interval)) s)")
                try await Task.sleep(nanoseconds: UInt64(interval * 1e9))
            }
        } catch let error as ProvisioningError {
            await client.transport.shutdown()
            StandardError.write("scimterm: \(error)")
            throw ExitCode(1)
        }
        await client.transport.shutdown()
        if format == .json { print(JSONWriter.pretty.string(.array(all.map(\.raw)))) }
        if follow, !expected.isEmpty {
            let missing = expected.subtracting(all.map(\.externalId))
            if !missing.isEmpty { StandardError.write("scimterm: no log entry yet for \(missing.count) users (e.g. \(missing.sorted().prefix(3).joined(separator: ", ")))") }
        }
        if all.contains(where: { $0.status == "failure" }) { throw ExitCode(1) }
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
