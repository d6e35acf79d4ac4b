import App
import AppTesting
import Emulator
import Foundation
import Provisioning
import TerminalUI
import XCTest

/// The real app loop on a headless terminal, talking over loopback HTTP to a real emulator: the
/// closest thing to `scimterm --sandbox` that runs inside a test process.
final class LiveSandbox {
    let emulator: RunningEmulator
    let terminal: HeadlessTerminal
    let loop: AppLoop
    let directory: String
    /// The loop's services: its session's recorder holds the exchanges whole.
    let services = AppServices.live

    init(width: Int = 100, height: Int = 30, batchSize: Int? = nil, configure: (inout EmulatorConfig) -> Void = { _ in }) throws {
        var config = EmulatorConfig.sandbox(secret: "sandbox-secret")
        config.processingDelaySeconds = 0.2
        configure(&config)
        let settings = config
        emulator = try Self.blocking { try await EmulatorServer.start(config: settings) }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("scimterm-live-\(UUID().uuidString)").path
        let env = ["XDG_DATA_HOME": directory + "/data", "XDG_CONFIG_HOME": directory + "/config", "HOME": directory]
        let sandbox = SandboxConnection(tenant: SandboxIds.tenant, clientId: SandboxIds.clientId, secret: "sandbox-secret",
                                        endpoint: emulator.endpoint, authority: emulator.baseURL)
        terminal = HeadlessTerminal(width: width, height: height)
        loop = AppLoop(state: TUIApp.initialState(TUIOptions(batchSize: batchSize, sandbox: sandbox, environment: env), size: terminal.size),
                       terminal: terminal, services: services)
        loop.dispatch(.started)
    }

    deinit {
        let emulator = self.emulator, session = services.session
        // The session's HTTP client must be shut down before it is released (a debug build traps).
        _ = try? Self.blocking { await session.shutdown() }
        _ = try? Self.blocking { await emulator.stop() }
        try? FileManager.default.removeItem(atPath: directory)
    }

    var screen: String { terminal.screenText }

    /// Every exchange the session recorded, whole (the Activity state holds summaries).
    func recordedExchanges() throws -> [HTTPExchange] {
        let recorder = services.session.recorder
        return try Self.blocking { await recorder.all() }
    }

    /// Steps the loop until `condition` holds for the drawn screen (polling, never a fixed sleep).
    func waitFor(_ what: String, timeout: TimeInterval = 20, file: StaticString = #filePath, line: UInt = #line,
                 _ condition: (String) -> Bool) {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            loop.step(timeoutMilliseconds: 0)
            loop.draw()
            if condition(terminal.screenText) { return }
            usleep(5_000)
        }
        XCTFail("timed out waiting for \(what); screen:\n\(terminal.screenText)", file: file, line: line)
    }

    /// Runs async work from a synchronous test without tying up the cooperative pool.
    static func blocking<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do { box.result = .success(try await work()) } catch { box.result = .failure(error) }
            done.signal()
        }
        done.wait()
        return try box.result!.get()
    }

    private final class Box<T: Sendable>: @unchecked Sendable {
        var result: Result<T, any Error>?
    }
}
