import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import X509

/// Reads who issued the certificate a server presents, without trusting it, so that a verification
/// failure can say "issued by Zscaler Root CA" (a TLS-inspecting proxy) or "scimterm emulator CA"
/// instead of a BoringSSL error stack. It runs only after a failure, so it costs nothing on success.
enum TLSProbe {
    struct TimedOut: Error {}

    /// The presented leaf certificate's issuer as a distinguished name, or nil when it cannot be read
    /// (the probe goes direct, so behind an explicit proxy it usually cannot).
    static func issuer(host: String, port: Int, timeout: Double) async -> String? {
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let chain = loop.makePromise(of: [NIOSSLCertificate].self)
        let deadline = loop.scheduleTask(in: .milliseconds(Int64(timeout * 1000))) { chain.fail(TimedOut()) }
        defer { deadline.cancel() }
        do {
            let context = try NIOSSLContext(configuration: .makeClientConfiguration())
            let sni = isIPAddress(host) ? nil : host
            let bootstrap = ClientBootstrap(group: loop)
                .connectTimeout(.milliseconds(Int64(timeout * 1000)))
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        // Refusing in the callback ends the handshake: the chain is all we came for.
                        let capture: NIOSSLCustomVerificationCallback = { certificates, verdict in
                            chain.succeed(certificates)
                            verdict.succeed(NIOSSLVerificationResult.failed)
                        }
                        let handler = try NIOSSLClientHandler(context: context, serverHostname: sni, customVerificationCallback: capture)
                        try channel.pipeline.syncOperations.addHandler(handler)
                    }
                }
            let channel = try await bootstrap.connect(host: host, port: port).get()
            defer { channel.close(promise: nil) }
            let certificates = try await chain.futureResult.get()
            guard let leaf = certificates.first else { return nil }
            return readable(try Certificate(derEncoded: leaf.toDERBytes()).issuer)
        } catch {
            chain.fail(error)
            return nil
        }
    }

    /// "CN=Zscaler Root CA, O=Zscaler Inc.": the common name first, as people recognise it, rather
    /// than RFC 4514's reversed order.
    static func readable(_ name: DistinguishedName) -> String {
        let parts = name.flatMap { $0.map(\.description) }
        return (parts.filter { $0.hasPrefix("CN=") } + parts.filter { !$0.hasPrefix("CN=") }).joined(separator: ", ")
    }

    static func isIPAddress(_ host: String) -> Bool {
        host.contains(":") || host.split(separator: ".").allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }
}
