import ArgumentParser
import Foundation
import Provisioning

/// `scimterm job [status|start|pause|restart]`: the job's state in plain words, and control.
struct JobCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "job", abstract: "Show or change the provisioning job's state.",
        discussion: """
            restart purges every upload Entra accepted but has not processed yet. Before restarting, scimterm \
            reads the provisioning logs, says how many journaled documents that discards, and asks (or needs \
            --yes); after it, those documents are marked "purged by restart" and `send --resume` sends them again.
            """)

    enum Action: String, ExpressibleByArgument, CaseIterable { case status, start, pause, restart }

    @Argument(help: "status, start, pause or restart.") var action: Action = .status
    @OptionGroup var connection: ConnectionOptions
    @Flag(help: "Restart without asking, even when accepted uploads would be discarded.") var yes = false
    @Option(help: ArgumentHelp("The send journal (SQLite).", valueName: "FILE")) var journal: String?

    func run() async throws {
        let client = try connection.client(recorder: ExchangeRecorder())
        do {
            // Before any Graph call, so a missing permission is named before a call fails with 403.
            let report = try await client.permissionReport(PlannedCall.everything)
            printPermissions(report, now: Date())
            var purge: (SendJournal, RestartImpact)?
            if action == .restart { purge = try await confirmRestart(client) }
            if let change = JobAction(rawValue: action.rawValue) { try await client.jobAction(change) }
            if let (journal, impact) = purge { try reportPurge(journal, impact, endpoint: client.settings.endpoint.bulkUploadURL) }
            let status = try await client.jobStatus()
            await client.transport.shutdown()
            print("job \(client.settings.endpoint.jobId): \(status.code)")
            if let last = status.lastExecution { print("last execution: \(last)") }
            print(status.advice)
            printHealth(JobHealth(status, jobId: client.settings.endpoint.jobId, now: Date()))
        } catch let error as ExitCode {
            await client.transport.shutdown()
            throw error
        } catch {
            await client.transport.shutdown()
            StandardError.write("scimterm: \(error)")
            throw ExitCode(1)
        }
    }

    /// The "Permissions" block: each planned call, ok or the permission it lacks.
    private func printPermissions(_ report: PermissionReport, now: Date) {
        print("Permissions" + (report.tokenLine(now: now).map { " (\($0))" } ?? "") + ":")
        for line in report.outcome.lines { print("  " + line) }
    }

    private func printHealth(_ health: JobHealth) {
        print("Health:")
        for line in health.lines { print("  " + line.rendered) }
    }

    /// Says what the restart discards and asks; throws ExitCode(1) when the operator does not confirm.
    private func confirmRestart(_ client: GraphClient) async throws -> (SendJournal, RestartImpact) {
        let store: SendJournal
        do { store = try SendJournal(path: journal ?? SendJournal.defaultPath) } catch {
            StandardError.write("scimterm: cannot open the send journal: \(error); not restarting (it would lose track of purged uploads)")
            throw ExitCode(1)
        }
        let impact = await RestartImpact.read(journal: store, client: client, now: Date())
        StandardError.write("scimterm: \(impact.warning)")
        guard !impact.pending.isEmpty, !yes else { return (store, impact) }
        try Confirmation.ask("Restart the job anyway?",
                             notAsked: "not restarting: pass --yes to restart and resend them with `send --resume`",
                             declined: "not restarted")
        return (store, impact)
    }

    private func reportPurge(_ store: SendJournal, _ impact: RestartImpact, endpoint: String) throws {
        guard let sendId = try store.purge(impact.pending, endpoint: endpoint, restartedAt: Date()) else { return }
        StandardError.write("scimterm: \(impact.pending.count) document(s) (\(impact.users) users) marked purged by restart; "
            + "`scimterm send --resume` with the same connection options sends them again (send \(sendId))")
    }
}
