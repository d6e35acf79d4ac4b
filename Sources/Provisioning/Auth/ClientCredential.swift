import Crypto
import Foundation
import SCIM
import SwiftASN1
import X509
import _CryptoExtras

/// How the app proves who it is to the token endpoint.
///
/// A secret lives only in memory: it comes from a prompt, an environment variable or a 0600 file,
/// never from argv, and it has no Codable or description that could write it somewhere.
public enum ClientCredential: Sendable {
    case secret(Secret)
    case certificate(CertificateCredential)

    /// A client secret that refuses to print itself.
    public struct Secret: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
        let value: String
        public init(_ value: String) { self.value = value }
        public var description: String { Redactor.marker }
        public var debugDescription: String { Redactor.marker }
        public var isEmpty: Bool { value.isEmpty }
    }
}

/// A certificate and its private key, signing client assertions (ENTRA.md §1).
public struct CertificateCredential: Sendable {
    public enum Algorithm: String, Sendable, CaseIterable {
        /// RS256 with `x5t` (SHA-1 thumbprint): what older docs and most tools send.
        case rs256 = "RS256"
        /// PS256 with `x5t#S256` (SHA-256 thumbprint): what newer docs recommend.
        case ps256 = "PS256"
    }

    let certificateDER: [UInt8]
    let privateKey: _RSA.Signing.PrivateKey
    public var algorithm: Algorithm

    public struct LoadError: Error, CustomStringConvertible {
        public var description: String
    }

    public init(certificatePEM: String, privateKeyPEM: String, algorithm: Algorithm = .ps256) throws {
        guard let certificate = try? PEMDocument(pemString: Self.firstBlock(certificatePEM, containing: "CERTIFICATE") ?? certificatePEM),
            (try? Certificate(derEncoded: certificate.derBytes)) != nil
        else { throw LoadError(description: "the certificate is not a PEM X.509 certificate") }
        let keyPEM = Self.firstBlock(privateKeyPEM, containing: "PRIVATE KEY") ?? privateKeyPEM
        guard let key = try? _RSA.Signing.PrivateKey(pemRepresentation: keyPEM) else {
            throw LoadError(description: "the private key is not an RSA key in PEM (PKCS#1 or PKCS#8, unencrypted)")
        }
        certificateDER = certificate.derBytes
        privateKey = key
        self.algorithm = algorithm
    }

    /// Lets one file hold both the certificate and the key, as `openssl req -x509 … -out both.pem` users do.
    static func firstBlock(_ pem: String, containing label: String) -> String? {
        var inside = false, lines: [Substring] = []
        for line in pem.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-----BEGIN"), line.contains(label) { inside = true }
            if inside { lines.append(line) }
            if inside, line.hasPrefix("-----END") { return lines.joined(separator: "\n") }
        }
        return nil
    }

    public var sha1Thumbprint: String { Base64URL.encode(Insecure.SHA1.hash(data: certificateDER)) }
    public var sha256Thumbprint: String { Base64URL.encode(SHA256.hash(data: certificateDER)) }

    /// A fresh signed assertion for `tokenURL`, valid for 10 minutes.
    public func assertion(clientId: String, tokenURL: String, now: Date = Date()) throws -> String {
        var header: JSONObject = ["typ": "JWT", "alg": .string(algorithm.rawValue)]
        switch algorithm {
        case .rs256: header.append("x5t", .string(sha1Thumbprint))
        case .ps256: header.append("x5t#S256", .string(sha256Thumbprint))
        }
        let t = Int(now.timeIntervalSince1970)
        let claims: JSONValue = [
            "aud": .string(tokenURL), "iss": .string(clientId), "sub": .string(clientId),
            "jti": .string(UUID().uuidString.lowercased()), "nbf": .number(JSONNumber(t)),
            "iat": .number(JSONNumber(t)), "exp": .number(JSONNumber(t + 600)),
        ]
        let input = Base64URL.encode(JSONWriter.compact.bytes(.object(header))) + "." + Base64URL.encode(JSONWriter.compact.bytes(claims))
        let padding: _RSA.Signing.Padding = algorithm == .ps256 ? .PSS : .insecurePKCS1v1_5
        let signature = try privateKey.signature(for: SHA256.hash(data: Array(input.utf8)), padding: padding)
        return input + "." + Base64URL.encode(signature.rawRepresentation)
    }
}
