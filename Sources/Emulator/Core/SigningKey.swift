import Crypto
import Foundation
import SCIM
import SwiftASN1
import X509
import _CryptoExtras

/// The emulator's token-signing key: RSA 2048, made when the emulator starts, published in the
/// tenant's JWKS the way Entra publishes its own (`kid` = `x5t` = SHA-1 thumbprint of a
/// self-signed certificate over the key, `x5c` that certificate).
///
/// Never loaded from a file: a committed private key would let anyone mint tokens for every
/// emulator, and tests would stop proving that signatures are checked.
struct SigningKey: Sendable {
    let privateKey: _RSA.Signing.PrivateKey
    let certificateDER: [UInt8]
    /// Base64url SHA-1 of the certificate: Entra uses the same value for `kid` and `x5t`.
    let kid: String
    /// Base64url big-endian modulus and exponent, as a JWK carries them.
    let modulus: String
    let exponent: String

    var publicKey: _RSA.Signing.PublicKey { privateKey.publicKey }

    init(privateKey: _RSA.Signing.PrivateKey, now: Date) throws {
        self.privateKey = privateKey
        let name = try DistinguishedName { CommonName("accounts.accesscontrol.windows.net (scimterm emulator)") }
        let certificate = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: .init(privateKey.publicKey), notValidBefore: now - 3600,
            notValidAfter: now + 365 * 86400, issuer: name, subject: name, signatureAlgorithm: .sha256WithRSAEncryption,
            extensions: .init(), issuerPrivateKey: .init(privateKey))
        var serializer = DER.Serializer()
        try serializer.serialize(certificate)
        certificateDER = serializer.serializedBytes
        kid = Base64URL.encode(Insecure.SHA1.hash(data: certificateDER))
        let primitives = try privateKey.publicKey.getKeyPrimitives()
        modulus = Base64URL.encode(Array(Self.trimmed(primitives.modulus)))
        exponent = Base64URL.encode(Array(Self.trimmed(primitives.publicExponent)))
    }

    /// A fresh 2048-bit key (about a tenth of a second).
    static func generate(now: Date = Date()) throws -> SigningKey {
        try SigningKey(privateKey: _RSA.Signing.PrivateKey(keySize: .bits2048), now: now)
    }

    func sign(_ input: [UInt8]) throws -> [UInt8] {
        Array(try privateKey.signature(for: SHA256.hash(data: input), padding: .insecurePKCS1v1_5).rawRepresentation)
    }

    func isValidSignature(_ signature: [UInt8], for input: [UInt8]) -> Bool {
        publicKey.isValidSignature(_RSA.Signing.RSASignature(rawRepresentation: signature), for: SHA256.hash(data: input),
                                   padding: .insecurePKCS1v1_5)
    }

    /// The key as one entry of `keys` in a JWKS document, with the fields Entra adds.
    func jwk(issuer: String, cloudInstanceName: String) -> JSONValue {
        [
            "kty": "RSA", "use": "sig",
            "kid": .string(kid), "x5t": .string(kid),
            "n": .string(modulus), "e": .string(exponent),
            // x5c is standard base64 (RFC 7517 §4.7), unlike every other JOSE field.
            "x5c": [.string(Data(certificateDER).base64EncodedString())],
            "cloud_instance_name": .string(cloudInstanceName),
            "issuer": .string(issuer),
        ]
    }

    /// A JWK integer has no leading zero bytes (RFC 7518 §6.3.1.1).
    private static func trimmed(_ bytes: Data) -> Data {
        Data(bytes.drop { $0 == 0 })
    }
}
