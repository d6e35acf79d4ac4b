import App
import ArgumentParser
import Emulator
import Foundation
import Mapping
import TerminalUI

/// `scimterm [FILE] [--sandbox]`: the full-screen interface. Lives here rather than in App because
/// only the executable may start the emulator (App does not depend on it).
struct TUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui",
        abstract: "Open the full-screen interface (the default when no subcommand is given).",
        discussion: """
            With no FILE, reopens the last workspace. FILE (a SCIM payload or an HR CSV) replaces the \
            workspace's users; a provisioning-log download (the portal's JSON, `logs --format json`, or \
            one of the portal's three CSV files) opens in Logs as an imported set, linked to the users \
            by externalId, and leaves the users as they are. Several FILEs open in order: \
            `scimterm payload.json provisioning-logs.json`. --sandbox starts a local Entra stand-in on a free loopback port with \
            sample users, so the whole product can be tried without a tenant.
            """)

    @Argument(help: ArgumentHelp("JSON payloads, CSV files or provisioning-log downloads to open, in order.", valueName: "FILE"))
    var files: [String] = []

    @Option(help: ArgumentHelp("For a CSV FILE: the TOML file mapping its columns to SCIM attributes.", valueName: "FILE"))
    var mapping: String?

    @Flag(help: "Start the embedded emulator and open its sample users (nothing leaves this machine).")
    var sandbox = false

    @Option(help: ArgumentHelp("Operations per BulkRequest, 1 to 50 (the preview and the send alike).", valueName: "N"))
    var batchSize: Int?

    @OptionGroup(title: "Sandbox emulator (with --sandbox)")
    var tuning: EmulatorTuning

    @Option(help: "Theme name (default, light, high-contrast, solarized-dark, mono, or one of yours).")
    var theme: String?

    @Option(help: ArgumentHelp("The job's schema as JSON (`scimterm schema pull -o` or the portal's download): "
        + "\"What Entra will set\" computes with its mapping instead of pulling the job's on connect.", valueName: "FILE"))
    var schema: String?

    func validate() throws {
        if let batchSize, !(1...50).contains(batchSize) { throw ValidationError("--batch-size must be 1 to 50 (Entra takes at most 50 operations)") }
        if let theme { try Self.checkTheme(theme, environment: ProcessInfo.processInfo.environment) }
        if let schema {
            do { _ = try SynchronizationSchema.load(path: schema) } catch { throw ValidationError("--schema \(schema): \(error.description)") }
        }
    }

    /// A theme asked for by name must load: an unknown name or a file that does not parse is an
    /// error naming the themes there are, never a quiet fall back to the default.
    static func checkTheme(_ name: String, environment: [String: String]) throws {
        let loader = ThemeLoader.standard(environment: environment)
        guard let problem = loader.load(named: name).problems.first else { return }
        let folders = loader.directories.map(\.path).joined(separator: ", ")
        throw ValidationError("--theme \(name): \(problem.description). Themes available: "
            + loader.availableThemes().joined(separator: ", ") + " (from \(folders))")
    }

    func run() throws {
        var emulator: RunningEmulator?
        var connection: SandboxConnection?
        if sandbox {
            let config = try tuning.load()
            let running = try Self.startEmulator(config)
            emulator = running
            connection = SandboxConnection(
                tenant: config.tenants.first?.id ?? SandboxIds.tenant,
                clientId: config.tenants.first?.apps.first?.clientId ?? SandboxIds.clientId,
                secret: config.tenants.first?.apps.first?.secrets.first?.value ?? "",
                endpoint: running.endpoint, authority: running.baseURL)
        }
        defer { if let emulator { Self.stop(emulator) } }
        do {
            // One --daily-quota: the sandbox emulator enforces it and the send confirmation plans against it;
            // for a tenant it is the plan's limit alone (2,000 on P1/P2, 6,000 with ID Governance).
            var options = TUIOptions(file: files.first, mapping: mapping, batchSize: batchSize, sandbox: connection, theme: theme,
                                     dailyQuota: tuning.dailyQuota ?? 2000, moreFiles: Array(files.dropFirst()))
            options.schema = schema
            try TUIApp.run(options)
        } catch let error as TerminalError {
            throw ValidationError(error.description)
        }
    }

    /// Waits for the emulator without blocking Swift's cooperative threads: the UI loop owns this
    /// (main) thread, and effects need the pool.
    private static func startEmulator(_ config: EmulatorConfig) throws -> RunningEmulator {
        let box = ResultBox<RunningEmulator>()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do { box.set(.success(try await EmulatorServer.start(config: config))) } catch { box.set(.failure(error)) }
            done.signal()
        }
        done.wait()
        guard let result = box.get() else { throw ValidationError("the sandbox emulator did not start") }
        do { return try result.get() } catch { throw ValidationError("the sandbox emulator did not start: \(error)") }
    }

    private static func stop(_ emulator: RunningEmulator) {
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            await emulator.stop()
            done.signal()
        }
        _ = done.wait(timeout: .now() + 5)
    }
}

/// A result handed from a task to the waiting thread.
private final class ResultBox<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Result<Value, any Error>?

    func set(_ result: Result<Value, any Error>) {
        lock.lock()
        value = result
        lock.unlock()
    }

    func get() -> Result<Value, any Error>? {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
