import ArgumentParser
import Provisioning

/// `scimterm job [status|start|pause|restart]`: the job's state in plain words, and control.
struct JobCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "job", abstract: "Show or change the provisioning job's state.")

    enum Action: String, ExpressibleByArgument, CaseIterable { case status, start, pause, restart }

    @Argument(help: "status, start, pause or restart.") var action: Action = .status
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let client = try connection.client(recorder: ExchangeRecorder())
        defer { Task { await client.transport.shutdown() } }
        do {
            if let change = JobAction(rawValue: action.rawValue) { try await client.jobAction(change) }
            let status = try await client.jobStatus()
            await client.transport.shutdown()
            print("job \(client.settings.endpoint.jobId): \(status.code)")
            if let last = status.lastExecution { print("last execution: \(last)") }
            if let reason = status.quarantineReason { print("quarantine: \(reason) \(status.quarantineMessage ?? "")") }
            print(status.advice)
        } catch {
            await client.transport.shutdown()
            StandardError.write("scimterm: \(error)")
            throw ExitCode(1)
        }
    }
}
