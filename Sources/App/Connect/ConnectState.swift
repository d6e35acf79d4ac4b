import Provisioning
import TerminalUI

/// The Connect screen: who connects where (profile, cloud, app, credential, endpoint, the CA to
/// trust), the endpoint as parsed so far, and the last test.
///
/// Pickers (profile, accent, cloud, credential) are form fields whose text is the chosen option;
/// ←/→ and space step through the options. Text fields keep their text in `texts`, so switching the
/// credential kind away and back does not lose a typed path.
public struct ConnectState: Equatable, Sendable {
    public enum Test: Equatable, Sendable {
        case idle
        case running(generation: Int)
        case finished(ConnectionOutcome)
    }

    public internal(set) var form = FormState([])
    public var test: Test = .idle
    public var testGeneration = 0
    /// Profiles from config.toml, in file order.
    public var profiles: [ConnectionDraft] = []
    /// The chosen profile's name; empty when none is chosen.
    public internal(set) var profileName: String
    public internal(set) var cloud: Cloud
    public internal(set) var credentialKind: CredentialSource.Kind
    public internal(set) var accent: Accent
    /// Every text field's text by id, including those the current credential kind hides.
    var texts: [String: String]

    static let pickers: Set<String> = ["profile", "accent", "cloud", "credential"]

    public init(draft: ConnectionDraft, secret: String = "", profiles: [ConnectionDraft] = []) {
        self.profiles = profiles
        profileName = draft.profile
        cloud = draft.cloud
        credentialKind = draft.credential.kind
        accent = draft.accent
        texts = Self.texts(of: draft)
        texts["secret"] = secret
        rebuild(focusing: nil)
    }

    static func texts(of draft: ConnectionDraft) -> [String: String] {
        var out = ["tenant": draft.tenant, "clientId": draft.clientId, "endpoint": draft.endpoint,
                   "authority": draft.authority, "label": draft.label, "caFile": draft.caFile,
                   // No field of its own: kept from the profile through edits, like the accent.
                   "dailyQuota": draft.dailyQuota.map(String.init) ?? ""]
        switch draft.credential {
        case .prompt: break
        case .environment(let name): out["secretVariable"] = name
        case .certificate(let certificate, let key):
            out["certificatePath"] = certificate
            out["privateKeyPath"] = key
        }
        return out
    }

    func text(_ id: String) -> String { texts[id] ?? "" }

    /// The connection as saved in the workspace or a profile: everything but the secret.
    public var draft: ConnectionDraft {
        let credential: CredentialSource
        switch credentialKind {
        case .prompt: credential = .prompt
        case .environment: credential = .environment(text("secretVariable").trimmed)
        case .certificate: credential = .certificate(certificatePath: text("certificatePath").trimmed,
                                                     privateKeyPath: text("privateKeyPath").trimmed)
        }
        return ConnectionDraft(tenant: text("tenant"), clientId: text("clientId"), endpoint: text("endpoint"),
                               authority: text("authority"), profile: profileName, cloud: cloud, credential: credential,
                               label: text("label"), accent: accent, caFile: text("caFile"), dailyQuota: Int(text("dailyQuota")))
    }

    public var secret: String { text("secret") }

    /// The header badge the connection asks for (a profile's PROD in red).
    public var badge: Badge? { draft.badge }

    /// The endpoint URL parsed as typed: immediate feedback, or why it is not right yet.
    public var parsedEndpoint: Result<ProvisioningEndpoint, EndpointParseError>? {
        let url = text("endpoint").trimmed
        guard !url.isEmpty else { return nil }
        do { return .success(try ProvisioningEndpoint(parsing: url)) } catch { return .failure(error) }
    }

    /// What is missing before a test can run, worded as the thing to do; nil when ready.
    public var missing: String? {
        if text("tenant").isEmpty { return "Fill in the tenant." }
        if text("clientId").isEmpty { return "Fill in the client id." }
        switch credentialKind {
        case .prompt: if secret.isEmpty { return "Fill in the client secret." }
        case .environment: if text("secretVariable").trimmed.isEmpty { return "Name the environment variable that holds the secret." }
        case .certificate:
            if text("certificatePath").trimmed.isEmpty { return "Fill in the certificate's path." }
            if text("privateKeyPath").trimmed.isEmpty { return "Fill in the private key's path." }
        }
        switch parsedEndpoint {
        case nil: return "Paste the endpoint URL."
        case .failure(let e)?: return "Fix the endpoint URL: \(e)"
        case .success(let endpoint)?:
            // A Microsoft Graph host names its cloud; signing in to another cloud's login fails
            // with a puzzling AADSTS90002, so the mismatch is caught here.
            if endpoint.graphBase == nil && endpoint.cloud != cloud {
                return "The endpoint is in the \(endpoint.cloud.displayName) cloud: pick that cloud."
            }
        }
        return nil
    }

    public var request: ConnectionRequest {
        let credential: CredentialInput
        switch draft.credential {
        case .prompt: credential = .secret(secret)
        case .environment(let name): credential = .environment(name)
        case .certificate(let certificate, let key): credential = .certificate(certificatePath: certificate, privateKeyPath: key)
        }
        return ConnectionRequest(tenant: text("tenant").trimmed, clientId: text("clientId").trimmed, credential: credential,
                                 endpoint: text("endpoint").trimmed, authority: text("authority").trimmed, cloud: cloud,
                                 caFile: text("caFile").trimmed, dailyQuota: Int(text("dailyQuota")))
    }

    public var isTesting: Bool {
        if case .running = test { return true }
        return false
    }

    /// The job state for the header, once a test succeeded.
    public var jobState: String? {
        if case .finished(.connected(let report)) = test { return report.jobState }
        return nil
    }
}

extension String {
    /// Without surrounding whitespace, as pasted values often come.
    var trimmed: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
