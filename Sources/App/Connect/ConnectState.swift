import Provisioning
import TerminalUI

/// The Connect screen: who connects where, the endpoint as parsed so far, and the last test.
public struct ConnectState: Equatable, Sendable {
    public enum Test: Equatable, Sendable {
        case idle
        case running(generation: Int)
        case finished(ConnectionOutcome)
    }

    public var form: FormState
    public var test: Test = .idle
    public var testGeneration = 0

    static let fieldOrder = ["tenant", "clientId", "secret", "endpoint", "authority"]

    public init(draft: ConnectionDraft, secret: String = "") {
        form = FormState([
            .section("Application"),
            .field(FormField(id: "tenant", label: "Tenant", text: draft.tenant, placeholder: "contoso.onmicrosoft.com or tenant id")),
            .field(FormField(id: "clientId", label: "Client ID", text: draft.clientId, placeholder: "application (client) id")),
            .field(FormField(id: "secret", label: "Client secret", text: secret, masked: true,
                             placeholder: "kept in memory only, never saved")),
            .section("Provisioning job"),
            .field(FormField(id: "endpoint", label: "Endpoint URL", text: draft.endpoint,
                             placeholder: "paste the app's Provisioning API Endpoint (…/bulkUpload)")),
            .field(FormField(id: "authority", label: "Sign-in URL", text: draft.authority,
                             placeholder: "empty: the cloud's own (login.microsoftonline.com)")),
        ])
    }

    func text(_ id: String) -> String { form.field(id)?.input.text ?? "" }

    /// The connection as saved in the workspace: everything but the secret.
    public var draft: ConnectionDraft {
        ConnectionDraft(tenant: text("tenant"), clientId: text("clientId"), endpoint: text("endpoint"), authority: text("authority"))
    }

    public var secret: String { text("secret") }

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
        if secret.isEmpty { return "Fill in the client secret." }
        if case .failure(let e)? = parsedEndpoint { return "Fix the endpoint URL: \(e)" }
        if parsedEndpoint == nil { return "Paste the endpoint URL." }
        return nil
    }

    public var request: ConnectionRequest {
        ConnectionRequest(tenant: text("tenant").trimmed,
                          clientId: text("clientId").trimmed, secret: secret,
                          endpoint: text("endpoint").trimmed,
                          authority: text("authority").trimmed)
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
