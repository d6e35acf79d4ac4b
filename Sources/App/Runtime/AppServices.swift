import Foundation
import Provisioning
import SCIM
import Settings

/// The outside world as the effects runner sees it: the network and input files. Tests pass their
/// own closures; the real binary uses `live`.
public struct AppServices: Sendable {
    public var testConnection: @Sendable (ConnectionRequest) async -> ConnectionOutcome
    public var loadFile: @Sendable (_ path: String, _ mapping: String?) async -> LoadedFile

    public init(testConnection: @escaping @Sendable (ConnectionRequest) async -> ConnectionOutcome,
                loadFile: @escaping @Sendable (_ path: String, _ mapping: String?) async -> LoadedFile) {
        self.testConnection = testConnection
        self.loadFile = loadFile
    }

    public static let live = AppServices(testConnection: LiveConnection.test, loadFile: LiveInput.load)
}

/// "Test connection" for real: a token, then the job's status, each failure worded with its fix.
enum LiveConnection {
    static func test(_ request: ConnectionRequest) async -> ConnectionOutcome {
        var endpoint: ProvisioningEndpoint
        do { endpoint = try ProvisioningEndpoint(parsing: request.endpoint) } catch {
            return .failed(ConnectionProblem(headline: "The endpoint URL is not right", explanation: error.description,
                                             fix: "Paste the Provisioning API Endpoint from the app's Overview page."))
        }
        // A host that is not Microsoft Graph (a proxy, the emulator) does not name its cloud: the
        // picked one decides the sign-in host and the token's scope.
        if endpoint.graphBase != nil { endpoint.cloud = request.cloud }
        let credential: ClientCredential
        switch LiveCredential.resolve(request.credential) {
        case .success(let resolved): credential = resolved
        case .failure(let problem): return .failed(problem)
        }
        let settings = ConnectionSettings(tenant: request.tenant, clientId: request.clientId, endpoint: endpoint,
                                          authority: request.authority.isEmpty ? nil : request.authority)
        let host = URLComponents(string: endpoint.bulkUploadURL)?.host ?? ""
        let transport: AsyncHTTPTransport
        do {
            transport = try AsyncHTTPTransport(options: .init(
                proxy: ProxySettings.from(environment: ProcessInfo.processInfo.environment, targetHost: host)))
        } catch {
            return .failed(ConnectionProblem(headline: "Cannot set up HTTPS", explanation: error.description,
                                             fix: "Check SSL_CERT_FILE and the CA file."))
        }
        let recorder = ExchangeRecorder()
        let tokens = TokenProvider(settings: settings, credential: credential, transport: transport, recorder: recorder)
        let client = GraphClient(settings: settings, tokens: tokens, transport: transport, recorder: recorder)
        let outcome: ConnectionOutcome
        do {
            _ = try await tokens.token()
            let expires = await tokens.expiresAt
            let status = try await client.jobStatus()
            outcome = .connected(ConnectionReport(jobState: status.code, advice: status.advice,
                                                  tokenExpiry: expires.map(clock) ?? "unknown", processesUploads: status.processesUploads))
        } catch {
            outcome = .failed(problem(error))
        }
        await transport.shutdown()
        return outcome
    }

    static func clock(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm"
        return formatter.string(from: date)
    }

    static func problem(_ error: ProvisioningError) -> ConnectionProblem {
        switch error {
        case .token(let failure):
            return ConnectionProblem(headline: "Sign-in failed" + (failure.code.map { " (AADSTS\($0))" } ?? ""),
                                     explanation: failure.explanation, fix: failure.fix)
        case .transport(let failure):
            return ConnectionProblem(headline: "Cannot reach the service", explanation: failure.description,
                                     fix: "Check the endpoint and sign-in URLs, the network, and HTTPS_PROXY / NO_PROXY.")
        case .graph(let failure):
            let hint = failure.hint.hasPrefix(". ") ? String(failure.hint.dropFirst(2)) : failure.hint
            return ConnectionProblem(headline: "Graph answered \(failure.status) \(failure.code)", explanation: failure.message,
                                     fix: hint.isEmpty ? "Check the service principal object id, the job id and the app's permissions." : hint)
        case .credential(let text):
            return ConnectionProblem(headline: "The credential cannot be used", explanation: text, fix: "Check the client secret, or the certificate and its key.")
        }
    }
}

/// Reads a payload or CSV for the workspace, with a one-line summary of what was read.
enum LiveInput {
    static func load(_ path: String, mapping: String?) async -> LoadedFile {
        let loaded: LoadedInput
        do { loaded = try InputLoader.load(path: path, mappingPath: mapping) } catch {
            return LoadedFile(records: [], summary: "", error: error.description)
        }
        let report = ImportReport(users: loaded.records.count, format: loaded.result.format.rawValue, diagnostics: loaded.validate())
        return LoadedFile(records: loaded.records, summary: report.headline, report: report)
    }
}
