import ArgumentParser
import Emulator
import Foundation
import SCIM

/// `scimterm emulator`: the local Entra stand-in, for scripts, curl and other tools.
struct EmulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "emulator",
        abstract: "Run the local Entra emulator (token, bulkUpload, provisioning logs, job).",
        discussion: """
            The first line on stdout is one JSON object with authority, tenant, clientId, clientSecret, \
            endpoint (the bulkUpload URL) and, with --tls, caFile. Stop it with Ctrl-C.
            """)

    @Option(help: "Port to listen on (0 picks a free one).") var port: Int = 0
    @Option(help: "Address to listen on.") var host: String = "127.0.0.1"
    @Flag(help: "Serve HTTPS with a generated certificate; its CA goes to --ca-file.") var tls = false
    @Option(help: ArgumentHelp("Where to write the CA certificate (PEM) with --tls.", valueName: "PATH"))
    var caFile: String?
    @Option(help: ArgumentHelp("Emulator configuration (TOML); same as --emulator-config.", valueName: "FILE")) var config: String?
    @OptionGroup var tuning: EmulatorTuning

    func run() async throws {
        var tuning = self.tuning
        if tuning.config == nil { tuning.config = config }
        let settings: EmulatorConfig
        do { settings = try tuning.load() } catch {
            StandardError.write("scimterm: \(error)")
            throw ExitCode(2)
        }
        let signals = SignalWaiter()
        let running: RunningEmulator
        do {
            running = try await EmulatorServer.start(config: settings, host: host, port: port, tls: tls)
        } catch {
            StandardError.write("scimterm: emulator: \(error)")
            throw ExitCode(2)
        }
        let caPath = try writeCA(running.caPEM)
        let tenant = settings.tenants.first
        var info: JSONObject = [
            "authority": .string(running.baseURL),
            "tenant": .string(tenant?.id ?? ""),
            "clientId": .string(tenant?.apps.first?.clientId ?? ""),
            "clientSecret": .string(tenant?.apps.first?.secrets.first { !$0.expired }?.value ?? ""),
            "endpoint": .string(running.endpoint),
        ]
        if let caPath { info.append("caFile", .string(caPath)) }
        FileHandle.standardOutput.write(Data((JSONWriter.compact.string(.object(info)) + "\n").utf8))
        StandardError.write("scimterm emulator listening on \(running.baseURL) (Ctrl-C to stop)")
        if !Self.isLoopback(host) {
            StandardError.write("scimterm: warning: the emulator listens on \(host), not loopback: anyone who can reach it can take "
                + "tokens with the secret it printed and read what was uploaded. Use it on a trusted network only.")
        }
        await signals.wait()
        await running.stop()
    }

    static func isLoopback(_ host: String) -> Bool {
        let h = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return h == "localhost" || h == "::1" || h.hasPrefix("127.")
    }

    private func writeCA(_ pem: String?) throws -> String? {
        guard let pem else { return nil }
        let path = caFile ?? FileManager.default.temporaryDirectory.appendingPathComponent("scimterm-emulator-ca-\(getpid()).pem").path
        do {
            try Data(pem.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            StandardError.write("scimterm: cannot write the CA to \(path): \(error.localizedDescription)")
            throw ExitCode(2)
        }
        return path
    }
}

/// Catches SIGINT, SIGTERM and SIGHUP from the moment it is made (before the first output line, so a
/// script that reads the line and stops the emulator at once is never too early), then lets `wait`
/// return so the server stops cleanly.
final class SignalWaiter: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []
    private var continuation: CheckedContinuation<Void, Never>?
    private var received = false
    private let lock = NSLock()

    init() {
        let queue = DispatchQueue(label: "scimterm.signals")
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: queue)
            source.setEventHandler { [weak self] in self?.fire() }
            source.resume()
            sources.append(source)
        }
    }

    private func fire() {
        lock.lock()
        received = true
        let waiting = continuation
        continuation = nil
        lock.unlock()
        waiting?.resume()
    }

    func wait() async {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            lock.lock()
            if received {
                lock.unlock()
                c.resume()
            } else {
                continuation = c
                lock.unlock()
            }
        }
    }
}
