import Crypto
import Foundation
import SCIM
import SwiftASN1
import X509
import _CryptoExtras

/// Checks a certificate client assertion the way Entra does (ENTRA.md §1): a JWT signed with the
/// private key of a certificate registered on the app, found by its thumbprint, RS256 with `x5t`
/// (SHA-1) or PS256 with `x5t#S256` (SHA-256), `aud` the token URL, `iss` = `sub` = client id.
struct AssertionVerifier: Sendable {
    struct RegisteredCertificate: Sendable {
        var sha1: String
        var sha256: String
        var key: _RSA.Signing.PublicKey
    }

    let certificates: [RegisteredCertificate]

    init(pems: [String]) {
        certificates = pems.compactMap { pem in
            guard let document = try? PEMDocument(pemString: pem), let cert = try? Certificate(derEncoded: document.derBytes),
                let key = _RSA.Signing.PublicKey(cert.publicKey)
            else { return nil }
            return RegisteredCertificate(sha1: Base64URL.encode(Insecure.SHA1.hash(data: document.derBytes)),
                                         sha256: Base64URL.encode(SHA256.hash(data: document.derBytes)), key: key)
        }
    }

    func verify(_ assertion: String, clientId: String, tenantSegment: String, now: Date) throws(AADError) {
        let parts = assertion.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let headerBytes = Base64URL.decode(parts[0]), let payloadBytes = Base64URL.decode(parts[1]),
            let signature = Base64URL.decode(parts[2]),
            let header = try? JSONParser.parse(headerBytes).objectValue, let claims = try? JSONParser.parse(payloadBytes).objectValue
        else { throw .assertionMalformed("the assertion is not a signed JWT (header.payload.signature)") }
        let alg = header["alg"]?.stringValue ?? ""
        let thumbprint: String?
        let registered: RegisteredCertificate?
        switch alg {
        case "RS256":
            thumbprint = Self.normalized(header["x5t"]?.stringValue)
            registered = certificates.first { $0.sha1 == thumbprint }
        case "PS256":
            thumbprint = Self.normalized(header["x5t#S256"]?.stringValue ?? header["x5t"]?.stringValue)
            registered = certificates.first { $0.sha256 == thumbprint || $0.sha1 == thumbprint }
        default:
            throw .assertionMalformed("unsupported alg '\(alg)'; use RS256 with x5t or PS256 with x5t#S256")
        }
        guard let registered else {
            throw .badSignature("The key was not found., Thumbprint of key used by client: '\(thumbprint ?? "none")'")
        }
        let input = Array("\(parts[0]).\(parts[1])".utf8)
        let rsa = _RSA.Signing.RSASignature(rawRepresentation: signature)
        let padding: _RSA.Signing.Padding = alg == "PS256" ? .PSS : .insecurePKCS1v1_5
        guard registered.key.isValidSignature(rsa, for: SHA256.hash(data: input), padding: padding) else {
            throw .badSignature("The signature does not match the registered certificate's key.")
        }
        try checkClaims(claims, clientId: clientId, tenantSegment: tenantSegment, now: now)
    }

    /// MSAL Python writes thumbprints with base64 padding (`…=`), and Entra accepts them: compare
    /// unpadded base64url.
    static func normalized(_ thumbprint: String?) -> String? {
        thumbprint.map {
            $0.replacingOccurrences(of: "=", with: "").replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        }
    }

    private func checkClaims(_ claims: JSONObject, clientId: String, tenantSegment: String, now: Date) throws(AADError) {
        let iss = claims["iss"]?.stringValue, sub = claims["sub"]?.stringValue
        guard iss == clientId, sub == clientId else { throw .issuerMismatch() }
        let aud = claims["aud"]?.stringValue ?? ""
        guard aud.hasSuffix("/\(tenantSegment)/oauth2/v2.0/token") || aud.hasSuffix("/\(tenantSegment)/oauth2/token") else {
            throw .audienceMismatch()
        }
        // NumericDate may have a fraction (RFC 7519 §2): MSAL Python writes time.time() + 600.
        let t = now.timeIntervalSince1970
        guard let exp = claims["exp"]?.numberValue?.doubleValue else { throw .assertionMalformed("no exp claim") }
        let nbf = claims["nbf"]?.numberValue?.doubleValue ?? t
        guard t < exp, t >= nbf - 300 else { throw .assertionTime() }
    }
}
