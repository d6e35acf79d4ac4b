import Foundation
import SCIM

/// Gets client-credentials tokens and keeps them until shortly before they expire.
///
/// A token is reused until five minutes before it expires or, for lifetimes under 25 minutes, until
/// 80 % of its life has passed: a long send never carries a token that dies mid-request, and a
/// short-lived token (a test tenant, a proxy) is not fetched again on every call.
public actor TokenProvider {
    public let settings: ConnectionSettings
    private let credential: ClientCredential
    private let transport: any HTTPTransport
    private let recorder: ExchangeRecorder
    private var cached: CachedToken?
    /// Refresh at most this long before expiry (a shorter lifetime refreshes at 80 %).
    public var refreshMargin: Double = 300

    struct CachedToken: Sendable {
        var token: String
        var refreshAt: Date
        var expires: Date
    }

    public init(settings: ConnectionSettings, credential: ClientCredential, transport: any HTTPTransport, recorder: ExchangeRecorder) {
        self.settings = settings
        self.credential = credential
        self.transport = transport
        self.recorder = recorder
    }

    public var expiresAt: Date? { cached?.expires }

    public func invalidate() { cached = nil }

    public func token(now: Date = Date()) async throws(ProvisioningError) -> String {
        if let cached, now < cached.refreshAt, now < cached.expires { return cached.token }
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
        let lifetime = Self.seconds(o["expires_in"]) ?? 3599
        cached = CachedToken(token: token, refreshAt: Self.refreshTime(issued: now, lifetime: lifetime, margin: refreshMargin,
                                                                       refreshIn: Self.seconds(o["refresh_in"])),
                             expires: now.addingTimeInterval(lifetime))
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

    /// When a token issued at `issued` for `lifetime` seconds should be replaced: `margin` before it
    /// expires, but never later than 80 % of its life (so 48 s into a 60-s token, 55 min into an
    /// hour), and no later than Entra's own `refresh_in` hint when it sends one.
    static func refreshTime(issued: Date, lifetime: Double, margin: Double, refreshIn: Double? = nil) -> Date {
        let lead = min(max(margin, 0), max(lifetime, 0) * 0.2)
        var after = max(lifetime - lead, 0)
        if let refreshIn, refreshIn > 0 { after = min(after, refreshIn) }
        return issued.addingTimeInterval(after)
    }

    /// Entra sends numbers; some proxies and older endpoints send strings.
    static func seconds(_ value: JSONValue?) -> Double? {
        if let n = value?.numberValue?.intValue { return Double(n) }
        return value?.stringValue.flatMap { Double($0) }
    }

    static func formEncode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }
}

extension TokenProvider {
    /// A margin of 0 keeps a token to its last second, for tests that watch one expire.
    public func setRefreshMarginForTests(_ seconds: Double) { refreshMargin = seconds }
}
