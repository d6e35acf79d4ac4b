import Foundation
import SCIM

/// Authenticated Graph calls: the token is fetched as needed and, on a 401, refreshed once and the
/// call repeated (a token can be revoked or expire early); every exchange is recorded.
public struct GraphClient: Sendable {
    public let settings: ConnectionSettings
    public let tokens: TokenProvider
    public let transport: any HTTPTransport
    public let recorder: ExchangeRecorder

    public init(settings: ConnectionSettings, tokens: TokenProvider, transport: any HTTPTransport, recorder: ExchangeRecorder) {
        self.settings = settings
        self.tokens = tokens
        self.transport = transport
        self.recorder = recorder
    }

    /// Sends one request; any HTTP answer is returned (the caller decides), only a 401 after a fresh
    /// token and a missing answer are errors.
    public func send(method: String, url: String, body: [UInt8] = [], contentType: String? = nil,
                     purpose: HTTPExchange.Purpose, attempt: Int = 0) async throws(ProvisioningError) -> TransportResponse {
        var response = try await sendOnce(method: method, url: url, body: body, contentType: contentType, purpose: purpose, attempt: attempt)
        if response.status == 401 {
            await tokens.invalidate()
            response = try await sendOnce(method: method, url: url, body: body, contentType: contentType, purpose: purpose, attempt: attempt)
            if response.status == 401 { throw .graph(GraphFailure.parse(response, purpose: purpose)) }
        }
        return response
    }

    private func sendOnce(method: String, url: String, body: [UInt8], contentType: String?, purpose: HTTPExchange.Purpose,
                          attempt: Int) async throws(ProvisioningError) -> TransportResponse {
        let token = try await tokens.token()
        var headers = [HTTPHeader("Authorization", "Bearer \(token)"), HTTPHeader("client-request-id", UUID().uuidString.lowercased()),
                       HTTPHeader("User-Agent", "scimterm/0.1")]
        if let contentType { headers.append(HTTPHeader("Content-Type", contentType)) }
        let request = TransportRequest(method: method, url: url, headers: headers, body: body)
        let started = Date()
        do {
            let response = try await transport.send(request)
            await recorder.record(purpose: purpose, request: request, response: response, failure: nil,
                                  startedAt: started, duration: Date().timeIntervalSince(started), attempt: attempt)
            return response
        } catch {
            await recorder.record(purpose: purpose, request: request, response: nil, failure: error.message,
                                  startedAt: started, duration: Date().timeIntervalSince(started), attempt: attempt)
            throw .transport(error)
        }
    }

    /// Sends and requires a 2xx answer.
    func require(method: String, url: String, body: [UInt8] = [], contentType: String? = nil,
                 purpose: HTTPExchange.Purpose) async throws(ProvisioningError) -> TransportResponse {
        let response = try await send(method: method, url: url, body: body, contentType: contentType, purpose: purpose)
        guard (200..<300).contains(response.status) else { throw .graph(GraphFailure.parse(response, purpose: purpose)) }
        return response
    }
}
