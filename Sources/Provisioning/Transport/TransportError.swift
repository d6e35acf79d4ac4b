/// A request that got no HTTP answer, typed by whether waiting can heal it and worded for a person.
///
/// The split matters to the uploader: a timeout or a dropped connection is retried within the retry
/// budget, while a certificate nobody trusts, a host name that does not resolve or a port where
/// nothing listens will answer the same way every time, so the send stops at once with the fix.
public struct TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Certificate verification failed; `issuer` is the presented certificate's issuer when a probe could read it.
        case tls(host: String, issuer: String?, detail: String)
        /// The host name does not resolve.
        case dns(host: String)
        /// Nothing accepts connections there: refused, no route, or no answer to the connection attempt.
        case refused(host: String, port: Int)
        case timeout
        /// The connection closed before the answer was complete.
        case dropped
        case invalidURL
        case other
    }

    public var kind: Kind
    /// What happened, in one line.
    public var message: String
    /// What the operator can do about it; nil when retrying is the answer.
    public var fix: String?

    public init(_ kind: Kind, _ message: String, fix: String? = nil) {
        self.kind = kind
        self.message = message
        self.fix = fix ?? Self.defaultFix(kind)
    }

    /// Whether trying again later can succeed without the operator changing anything.
    public var canHeal: Bool {
        switch kind {
        case .timeout, .dropped, .other: return true
        case .tls, .dns, .refused, .invalidURL: return false
        }
    }

    public var description: String { fix.map { "\(message). \($0)" } ?? message }

    static func defaultFix(_ kind: Kind) -> String? {
        switch kind {
        case .tls:
            return "To trust a private CA (a TLS-inspecting proxy's, or the emulator's), pass --ca-file FILE, "
                + "set SSL_CERT_FILE=FILE, or set the CA file of the profile in the TUI; verification is never turned off"
        case .dns:
            return "Check the host: the sign-in host comes from --authority or --cloud, the Graph host from the endpoint URL. "
                + "Behind a proxy set HTTPS_PROXY (and NO_PROXY for hosts reached directly); to try without Entra, use --sandbox"
        case .refused:
            return "Check the URL (--authority, --cloud, the endpoint) and HTTPS_PROXY / NO_PROXY; "
                + "for a local emulator, check that it is running on that port"
        case .invalidURL:
            return "Check the endpoint URL (the portal's Provisioning API Endpoint) and --authority"
        case .timeout, .dropped, .other:
            return nil
        }
    }
}
