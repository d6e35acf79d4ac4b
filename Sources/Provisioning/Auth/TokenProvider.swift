import Foundation
import SCIM

/// Gets client-credentials tokens and keeps them until shortly before they expire.
public actor TokenProvider {
    public let settings: ConnectionSettings
    private let credential: ClientCredential
    private let transport: any HTTPTransport
    private let recorder: ExchangeRecorder
    private var cached: (token: String, expires: Date)?
    /// Refresh this long before expiry, so a long send never carries a token that dies mid-request.
    public var refreshMargin: Double = 300

    public init(settings: ConnectionSettings, credential: ClientCredential, transport: any HTTPTransport, recorder: ExchangeRecorder) {
        self.settings = settings
        self.credential = credential
        self.transport = transport
        self.recorder = recorder
    }

    public var expiresAt: Date? { cached?.expires }

    public func invalidate() { cached = nil }

    public func token(now: Date = Date()) async throws(ProvisioningError) -> String {
        if let cached, cached.expires.timeIntervalSince(now) > refreshMargin { return cached.token }
        let request = try makeRequest(now: now)
        let started = Date()
        let response: TransportResponse
        do {
            response = try await transport.send(request)
        } catch {
            await recorder.record(purpose: .token, request: request, response: nil, failure: error.message,
                                  startedAt: started, duration: Date().timeIntervalSince(started), attempt: 0)
            throw .transport(error)
        }
        await recorder.record(purpose: .token, request: request, response: response, failure: nil,
                              startedAt: started, duration: Date().timeIntervalSince(started), attempt: 0)
        guard response.status == 200, let o = try? JSONParser.parse(response.body).objectValue,
            let token = o["access_token"]?.stringValue
        else { throw .token(TokenFailure.parse(status: response.status, body: response.body)) }
        let lifetime = Double(o["expires_in"]?.numberValue?.intValue ?? Int(o["expires_in"]?.stringValue ?? "") ?? 3599)
        cached = (token, now.addingTimeInterval(lifetime))
        return token
    }

    private func makeRequest(now: Date) throws(ProvisioningError) -> TransportRequest {
        var fields = [("client_id", settings.clientId), ("scope", settings.endpoint.scope), ("grant_type", "client_credentials")]
        switch credential {
        case .secret(let secret):
            fields.append(("client_secret", secret.value))
        case .certificate(let certificate):
            do {
                fields.append(("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"))
                fields.append(("client_assertion", try certificate.assertion(clientId: settings.clientId, tokenURL: settings.tokenURL, now: now)))
            } catch {
                throw .credential("cannot sign the client assertion: \(error)")
            }
        }
        let body = fields.map { "\($0.0)=\(Self.formEncode($0.1))" }.joined(separator: "&")
        return TransportRequest(method: "POST", url: settings.tokenURL,
                                headers: [HTTPHeader("Content-Type", "application/x-www-form-urlencoded")],
                                body: Array(body.utf8), timeout: 30)
    }

    static func formEncode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }
}

extension TokenProvider {
    /// Tests use second-long tokens; with the default margin every token would count as expired.
    public func setRefreshMarginForTests(_ seconds: Double) { refreshMargin = seconds }
}
