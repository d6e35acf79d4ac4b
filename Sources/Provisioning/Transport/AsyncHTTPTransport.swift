import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// `HTTPTransport` over AsyncHTTPClient: system trust plus an optional extra CA, proxy from the
/// environment, short connect deadlines (a TLS failure otherwise surfaces only at the deadline).
public final class AsyncHTTPTransport: HTTPTransport {
    private let client: HTTPClient

    public struct Options: Sendable {
        /// PEM file of extra trusted CAs (`--ca-file`; SSL_CERT_FILE is read the same way).
        public var caFile: String?
        public var proxy: ProxySettings?
        public var connectTimeout: Double = 10

        public init(caFile: String? = nil, proxy: ProxySettings? = nil) {
            self.caFile = caFile
            self.proxy = proxy
        }
    }

    public init(options: Options = Options()) throws(TransportError) {
        var tls = TLSConfiguration.makeClientConfiguration()
        // Verification is never turned off: a private CA is trusted by adding it, like a corporate proxy's.
        var roots: [NIOSSLCertificate] = []
        for path in [options.caFile, ProcessInfo.processInfo.environment["SSL_CERT_FILE"]].compactMap({ $0 }) {
            do {
                roots += try NIOSSLCertificate.fromPEMFile(path)
            } catch {
                throw TransportError(.tls, "cannot read CA certificates from \(path): \(error)")
            }
        }
        if !roots.isEmpty { tls.additionalTrustRoots = [.certificates(roots)] }
        var configuration = HTTPClient.Configuration(
            tlsConfiguration: tls, redirectConfiguration: .disallow,
            timeout: .init(connect: .milliseconds(Int64(options.connectTimeout * 1000)), read: .seconds(120)),
            proxy: options.proxy.map { .server(host: $0.host, port: $0.port) })
        configuration.httpVersion = .http1Only
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    public func send(_ request: TransportRequest) async throws(TransportError) -> TransportResponse {
        var r = HTTPClientRequest(url: request.url)
        r.method = HTTPMethod(rawValue: request.method)
        for h in request.headers { r.headers.add(name: h.name, value: h.value) }
        if !request.body.isEmpty { r.body = .bytes(ByteBuffer(bytes: request.body)) }
        do {
            let response = try await client.execute(r, timeout: .milliseconds(Int64(request.timeout * 1000)))
            let body = try await response.body.collect(upTo: 64 << 20)
            return TransportResponse(status: Int(response.status.code),
                                     headers: response.headers.map { HTTPHeader($0.name, $0.value) },
                                     body: Array(buffer: body))
        } catch {
            throw Self.describe(error)
        }
    }

    public func shutdown() async {
        try? await client.shutdown()
    }

    static func describe(_ error: any Error) -> TransportError {
        let text = String(describing: error)
        if let e = error as? HTTPClientError {
            switch e {
            case .deadlineExceeded, .readTimeout, .connectTimeout: return TransportError(.timeout, "timed out (\(e))")
            case .remoteConnectionClosed: return TransportError(.connection, "the server closed the connection")
            case .invalidURL, .emptyHost, .emptyScheme: return TransportError(.invalidURL, "invalid URL (\(e))")
            default: break
            }
        }
        if error is NIOSSLError || text.contains("SSL") || text.contains("certificate") {
            return TransportError(.tls, "TLS failed: \(text) (for a private CA, pass --ca-file)")
        }
        if text.contains("onnection") || text.contains("ECONNRE") || text.contains("refused") {
            return TransportError(.connection, "connection failed: \(text)")
        }
        return TransportError(.other, text)
    }
}
