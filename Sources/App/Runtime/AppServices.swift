import Foundation
import Provisioning
import SCIM
import Settings

/// The outside world as the effects runner sees it: the network and input files. Tests pass their
/// own closures (or a session pointed at the emulator); the real binary uses `live`.
public struct AppServices: Sendable {
    public var testConnection: @Sendable (ConnectionRequest) async -> ConnectionOutcome
    public var loadFile: @Sendable (_ path: String, _ mapping: String?) async -> LoadedFile
    /// Sends, logs and job calls, and the recorder behind the Activity pane.
    public var session: ProvisioningSession
    /// Reads the job's schema after a connect; nil (tests with a fake connection) reads none.
    public var pullSchema: (@Sendable (ConnectionRequest) async -> SchemaPull)?

    public init(testConnection: @escaping @Sendable (ConnectionRequest) async -> ConnectionOutcome,
                loadFile: @escaping @Sendable (_ path: String, _ mapping: String?) async -> LoadedFile,
                session: ProvisioningSession = ProvisioningSession()) {
        self.testConnection = testConnection
        self.loadFile = loadFile
        self.session = session
    }

    /// Everything for real, on one session (so the connection test's exchanges show in Activity).
    public static var live: AppServices { live(dailyQuota: 2000) }

    /// The Activity store beside the send journal: `activity.sqlite` (`sandbox-activity.sqlite`).
    static func activityPath(journalPath: String) -> String {
        let folder = (journalPath as NSString).deletingLastPathComponent
        let name = (journalPath as NSString).lastPathComponent.replacingOccurrences(of: "journal.sqlite", with: "activity.sqlite")
        return folder + "/" + (name.hasSuffix("activity.sqlite") ? name : "activity.sqlite")
    }

    /// `activityPath` is the Activity pane's exchange store (a new session in it each run); nil, or a
    /// store that cannot be opened, keeps the exchanges in memory as before.
    public static func live(dailyQuota: Int, activityPath: String? = nil, now: Date = Date()) -> AppServices {
        let store = activityPath.flatMap { try? ExchangeStore(path: $0, now: now) }
        let session = ProvisioningSession(dailyQuota: dailyQuota, activity: store)
        var services = AppServices(testConnection: { await session.test($0) }, loadFile: LiveInput.load, session: session)
        services.pullSchema = { await session.schema($0) }
        return services
    }
}

/// Wording of connection outcomes, shared by the connection test and the other Graph calls.
enum LiveConnection {
    /// The runner's wording, in the machine's zone (a runtime, so the environment may be read here).
    static func clock(_ date: Date) -> String { TimeText.clock(date, timeZone: .current) }

    static func problem(_ error: ProvisioningError) -> ConnectionProblem {
        switch error {
        case .token(let failure):
            return ConnectionProblem(headline: "Sign-in failed" + (failure.code.map { " (AADSTS\($0))" } ?? ""),
                                     explanation: failure.explanation, fix: failure.fix)
        case .transport(let failure):
            // A CA file helps only a certificate that failed verification, not a port without TLS.
            if case .tls(let host, let issuer, let detail) = failure.kind, failure.fix?.contains("--ca-file") ?? true {
                return LiveTransport.untrusted(host: host, issuer: issuer, detail: detail)
            }
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
        if let download = LogDownloadFile.load(path) { return download }
        let loaded: LoadedInput
        do { loaded = try InputLoader.load(path: path, mappingPath: mapping) } catch {
            return LoadedFile(records: [], summary: "", error: error.description)
        }
        let diagnostics = loaded.validate()
        let report = ImportReport(users: loaded.records.count, format: loaded.result.format.rawValue, diagnostics: diagnostics)
        var file = LoadedFile(records: loaded.records, summary: report.headline, report: report)
        file.asIs = AsIsSource.make(loaded, diagnostics: diagnostics)
        file.findings = ImportFindings(diagnostics, records: loaded.records, starts: ImportFindings.starts(of: loaded.records, in: loaded.bytes))
        return file
    }
}
