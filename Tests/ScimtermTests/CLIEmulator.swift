import Emulator
import Foundation
import Provisioning

/// What the command-line tests share: an emulator in this process, a scratch folder, and the
/// connection options and secret that point the built binary at them.
final class CLIEmulator {
    static let secret = "cli-secret~0123456789.abcdefghijklmnopqrs"
    let secret: String
    let scratch: URL
    private(set) var emulator: RunningEmulator!

    init(_ name: String, secret: String = CLIEmulator.secret) throws {
        self.secret = secret
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    /// Starts the sandbox tenant with uploads processed at once unless `configure` says otherwise.
    @discardableResult
    func start(port: Int = 0, _ configure: (inout EmulatorConfig) -> Void = { _ in }) async throws -> RunningEmulator {
        var config = EmulatorConfig.sandbox(secret: secret)
        config.processingDelaySeconds = 0
        configure(&config)
        emulator = try await EmulatorServer.start(config: config, port: port)
        return emulator
    }

    /// Stops the emulator and removes the scratch folder.
    func stop() async {
        await emulator?.stop()
        try? FileManager.default.removeItem(at: scratch)
    }

    func path(_ name: String) -> String { scratch.appendingPathComponent(name).path }

    var journalPath: String { path("journal.sqlite") }

    /// --endpoint, --tenant, --client-id, --authority and --journal for the running emulator.
    var connection: [String] {
        ["--endpoint", emulator.endpoint, "--tenant", SandboxIds.tenant, "--client-id", SandboxIds.clientId,
         "--authority", emulator.baseURL, "--journal", journalPath]
    }

    /// The binary with the client secret in its environment, never in its arguments.
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandResult {
        try CommandRunner.run(arguments, environment: environment.merging(["SCIMTERM_CLIENT_SECRET": secret]) { a, _ in a })
    }
}
