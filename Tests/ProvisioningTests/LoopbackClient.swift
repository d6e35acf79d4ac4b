import Emulator
import Foundation
import Provisioning
import SCIM
import XCTest

/// A GraphClient wired to a private emulator, as the CLI and TUI wire it to Entra.
struct LoopbackClient {
    let emulator: RunningEmulator
    let client: GraphClient
    let recorder: ExchangeRecorder
    let caPath: String?

    static let secret = "loopback-secret~0123456789.abcdefghijklmnop"

    static func start(_ configure: (inout EmulatorConfig) -> Void = { _ in }, tls: Bool = false,
                      trustCA: Bool = true) async throws -> LoopbackClient {
        var config = EmulatorConfig.sandbox(secret: secret)
        config.rateLimit = 0
        config.processingDelaySeconds = 0
        configure(&config)
        let emulator = try await EmulatorServer.start(config: config, tls: tls)
        var caPath: String?
        if let pem = emulator.caPEM, trustCA {
            let path = NSTemporaryDirectory() + "scimterm-ca-\(UUID().uuidString).pem"
            try Data(pem.utf8).write(to: URL(fileURLWithPath: path))
            caPath = path
        }
        var options = AsyncHTTPTransport.Options(caFile: caPath)
        options.connectTimeout = 2  // an untrusted certificate surfaces only at this deadline
        let transport = try AsyncHTTPTransport(options: options)
        let endpoint = try ProvisioningEndpoint(parsing: emulator.endpoint)
        let settings = ConnectionSettings(tenant: SandboxIds.tenant, clientId: SandboxIds.clientId, endpoint: endpoint, authority: emulator.baseURL)
        let recorder = ExchangeRecorder()
        let tokens = TokenProvider(settings: settings, credential: .secret(.init(secret)), transport: transport, recorder: recorder)
        return LoopbackClient(emulator: emulator, client: GraphClient(settings: settings, tokens: tokens, transport: transport, recorder: recorder),
                              recorder: recorder, caPath: caPath)
    }

    func stop() async {
        await client.transport.shutdown()
        await emulator.stop()
        if let caPath { try? FileManager.default.removeItem(atPath: caPath) }
    }

    /// Documents for `count` users u0…u(count-1), `perDocument` to a document.
    static func documents(_ count: Int, perDocument: Int = 50, prefix: String = "u") -> [BulkUploader.Document] {
        var records: [UserRecord] = []
        for i in 0..<count {
            var r = UserRecord()
            r.externalId = "\(prefix)\(i)"
            r.userName = "\(prefix)\(i)@contoso.com"
            r.displayName = "User \(i)"
            r.active = true
            records.append(r)
        }
        return BulkRequestBuilder(batchSize: perDocument).documents(for: records).map { d in
            BulkUploader.Document(body: d.bytes(), externalIds: d.recordIndices.map { records[$0].externalId ?? "" })
        }
    }
}
