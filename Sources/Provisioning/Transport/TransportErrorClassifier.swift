import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// Turns what AsyncHTTPClient, NIO and NIOSSL throw into a `TransportError.Kind`, by type first and
/// by text only as a last resort, so the uploader can tell "wait and retry" from "stop and fix".
enum TransportErrorClassifier {
    static func classify(_ error: any Error, url: String) -> TransportError {
        let target = Target(url: url)
        if let e = error as? HTTPClientError { return classify(e, target) }
        if let e = error as? NIOConnectionError { return classify(e, target) }
        if let e = error as? NIOSSLError { return classify(e, target) }
        if let e = error as? NIOSSLExtraError {
            return tls(target, detail: "the certificate does not name \(target.host) (\(e))")
        }
        if let e = error as? IOError { return classify(errno: e.errnoCode, text: "\(e)", target) }
        if let e = error as? ChannelError { return classify(e, target) }
        return TransportError(.other, "\(target.host): \(error)")
    }

    /// Host and port of a URL, for messages.
    struct Target {
        var host: String
        var port: Int

        init(url: String) {
            let components = URLComponents(string: url)
            host = components?.host ?? url
            port = components?.port ?? (components?.scheme == "http" ? 80 : 443)
        }
    }

    private static func classify(_ e: HTTPClientError, _ t: Target) -> TransportError {
        switch e {
        case .connectTimeout:
            return unreachable(t)
        case .deadlineExceeded, .readTimeout, .writeTimeout, .tlsHandshakeTimeout, .getConnectionFromPoolTimeout,
             .httpProxyHandshakeTimeout, .socksHandshakeTimeout:
            return TransportError(.timeout, "\(t.host) did not answer in time (\(e))")
        case .remoteConnectionClosed, .uncleanShutdown:
            return TransportError(.dropped, "\(t.host) closed the connection before answering")
        case .invalidURL, .emptyHost, .emptyScheme:
            return TransportError(.invalidURL, "invalid URL \(t.host) (\(e))")
        case .proxyAuthenticationRequired:
            return TransportError(.refused(host: t.host, port: t.port), "the proxy wants authentication (407)",
                                  fix: "Put the proxy's user and password in HTTPS_PROXY, or set NO_PROXY for \(t.host)")
        case .invalidProxyResponse:
            return TransportError(.refused(host: t.host, port: t.port), "the proxy refused to connect to \(t.host):\(t.port)",
                                  fix: "Check HTTPS_PROXY / NO_PROXY and that the proxy allows \(t.host)")
        default:
            return TransportError(.other, "\(t.host): \(e)")
        }
    }

    private static func classify(_ e: NIOConnectionError, _ t: Target) -> TransportError {
        if e.connectionErrors.isEmpty, let dns = e.dnsAError ?? e.dnsAAAAError {
            return TransportError(.dns(host: e.host), "cannot resolve \(e.host) (DNS: \(dns))")
        }
        let codes = e.connectionErrors.compactMap { ($0.error as? IOError)?.errnoCode }
        if let code = codes.first(where: { [ECONNREFUSED, ENETUNREACH, EHOSTUNREACH].contains($0) }) {
            return classify(errno: code, text: "\(e)", Target(host: e.host, port: e.port))
        }
        return TransportError(.other, "cannot connect to \(e.host):\(e.port) (\(e))")
    }

    private static func classify(_ e: NIOSSLError, _ t: Target) -> TransportError {
        switch e {
        case .uncleanShutdown:
            return TransportError(.dropped, "\(t.host) closed the TLS connection before answering")
        case .handshakeFailed(let inner):
            let text = "\(inner)"
            if text.contains("WRONG_VERSION_NUMBER") || text.contains("PACKET_LENGTH_TOO_LONG") {
                return TransportError(.tls(host: t.host, issuer: nil, detail: "no TLS on port \(t.port)"),
                                      "\(t.host):\(t.port) does not speak TLS", fix: "Use http:// for a plain HTTP server, or the HTTPS port")
            }
            let detail = text.contains("CERTIFICATE_VERIFY_FAILED") ? "certificate verification failed" : "handshake failed: \(text)"
            return tls(t, detail: detail)
        default:
            return tls(t, detail: "\(e)")
        }
    }

    private static func classify(_ e: ChannelError, _ t: Target) -> TransportError {
        switch e {
        case .connectTimeout: return unreachable(t)
        case .ioOnClosedChannel, .eof, .alreadyClosed, .outputClosed, .inputClosed:
            return TransportError(.dropped, "\(t.host) closed the connection before answering")
        default: return TransportError(.other, "\(t.host): \(e)")
        }
    }

    private static func classify(errno code: CInt, text: String, _ t: Target) -> TransportError {
        switch code {
        case ECONNREFUSED, ENETUNREACH, EHOSTUNREACH:
            let what = code == ECONNREFUSED ? "refused the connection" : "cannot be reached (no route)"
            return TransportError(.refused(host: t.host, port: t.port), "\(t.host):\(t.port) \(what)")
        case ECONNRESET, EPIPE, ECONNABORTED:
            return TransportError(.dropped, "\(t.host) reset the connection")
        case ETIMEDOUT:
            return TransportError(.timeout, "\(t.host) did not answer in time")
        default:
            return TransportError(.other, "\(t.host): \(text)")
        }
    }

    /// No answer to the connection attempt at all: a firewall dropping packets, or a host that needs
    /// a proxy. Waiting does not change that, so it stops the send like a refusal.
    private static func unreachable(_ t: Target) -> TransportError {
        TransportError(.refused(host: t.host, port: t.port), "\(t.host):\(t.port) did not accept a connection in time")
    }

    static func tls(_ t: Target, detail: String, issuer: String? = nil) -> TransportError {
        let by = issuer.map { " (issued by \($0))" } ?? ""
        return TransportError(.tls(host: t.host, issuer: issuer, detail: detail),
                              "the TLS certificate of \(t.host)\(by) is not trusted: \(detail)")
    }
}

extension TransportErrorClassifier.Target {
    init(host: String, port: Int) {
        self.host = host
        self.port = port
    }
}
