import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// `HTTPTransport` over AsyncHTTPClient: system trust plus an optional extra CA, proxy from the
/// environment, and connection failures reported at once with their cause (retrying is the
/// uploader's decision, made knowing whether the cause can heal).
public final class AsyncHTTPTransport: HTTPTransport {
    private let client: HTTPClient
    private let options: Options

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
                throw TransportError(.other, "cannot read CA certificates from \(path): \(error)",
                                     fix: "Give --ca-file (or SSL_CERT_FILE) a readable PEM file of CA certificates")
            }
        }
        if !roots.isEmpty { tls.additionalTrustRoots = [.certificates(roots)] }
        var configuration = HTTPClient.Configuration(
            tlsConfiguration: tls, redirectConfiguration: .disallow,
            timeout: .init(connect: .milliseconds(Int64(options.connectTimeout * 1000)), read: .seconds(120)),
            proxy: options.proxy.map { .server(host: $0.host, port: $0.port) })
        configuration.httpVersion = .http1Only
        // Left on, AHC retries a failed connection until the request's deadline and then reports a
        // timeout: a distrusted certificate or an unknown host would look like a slow network.
        configuration.connectionPool.retryConnectionEstablishment = false
        self.options = options
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
            throw await Self.classify(error, url: request.url, probeTimeout: options.proxy == nil ? options.connectTimeout : nil)
        }
    }

    public func shutdown() async {
        try? await client.shutdown()
    }

    /// The typed failure; a TLS failure is completed with the presented certificate's issuer when
    /// a direct probe (`probeTimeout` non-nil) can read it.
    static func classify(_ error: any Error, url: String, probeTimeout: Double?) async -> TransportError {
        let failure = TransportErrorClassifier.classify(error, url: url)
        guard case .tls(let host, nil, let detail) = failure.kind, detail == "certificate verification failed",
            let probeTimeout
        else { return failure }
        let target = TransportErrorClassifier.Target(url: url)
        guard let issuer = await TLSProbe.issuer(host: host, port: target.port, timeout: probeTimeout) else { return failure }
        return TransportErrorClassifier.tls(target, detail: detail, issuer: issuer)
    }
}
