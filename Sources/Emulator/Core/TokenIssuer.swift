import Crypto
import Foundation
import SCIM

/// Issues and checks the emulator's access tokens: RS256 JWTs shaped like Entra's app-only v1
/// tokens for Graph, signed with the key the tenant's JWKS publishes, so any client or library that
/// validates tokens against `jwks_uri` accepts them.
struct TokenIssuer: Sendable {
    struct Claims: Sendable, Equatable {
        var tenant: String
        var appId: String
        var roles: [String]
        var audience: String
        var notBefore: Int
        var expires: Int
        /// `iss` and `idp`: `https://sts.windows.net/{tid}/` in the global cloud.
        var issuer: String = ""
        var appDisplayName: String = ""
        /// `oid` and `sub`: the object id of the client's service principal in the tenant.
        var objectId: String = ""
        /// `appidacr`: "1" a secret, "2" a certificate.
        var authenticationMethod: String = "1"
        var regionScope: String = "WW"
    }

    enum Failure: Error, Equatable {
        case empty, malformed, expired, badSignature
    }

    let key: SigningKey

    init(key: SigningKey) { self.key = key }

    /// A fresh key. RSA generation fails only when BoringSSL cannot allocate, and an emulator that
    /// cannot sign tokens has nothing to offer, so that ends the process with the reason.
    init() {
        do {
            key = try SigningKey.generate()
        } catch {
            fatalError("the emulator cannot generate its RSA token-signing key: \(error)")
        }
    }

    func issue(_ claims: Claims) throws -> String {
        let header: JSONValue = ["typ": "JWT", "alg": "RS256", "x5t": .string(key.kid), "kid": .string(key.kid)]
        let signingInput = Base64URL.encode(JSONWriter.compact.bytes(header)) + "." + Base64URL.encode(JSONWriter.compact.bytes(payload(claims)))
        return signingInput + "." + Base64URL.encode(try key.sign(Array(signingInput.utf8)))
    }

    private func payload(_ c: Claims) -> JSONValue {
        [
            "aud": .string(c.audience),
            "iss": .string(c.issuer),
            "iat": .number(JSONNumber(c.notBefore)),
            "nbf": .number(JSONNumber(c.notBefore)),
            "exp": .number(JSONNumber(c.expires)),
            "app_displayname": .string(c.appDisplayName),
            "appid": .string(c.appId),
            "appidacr": .string(c.authenticationMethod),
            "idp": .string(c.issuer),
            "idtyp": "app",
            "oid": .string(c.objectId),
            "roles": .array(c.roles.map { .string($0) }),
            "sub": .string(c.objectId),
            "tenant_region_scope": .string(c.regionScope),
            "tid": .string(c.tenant),
            "uti": .string(Self.uniqueTokenId()),
            "ver": "1.0",
        ]
    }

    /// Checks signature (this emulator's key, named by `kid`), time and issuer; the tenant and the
    /// permissions are the caller's business.
    func verify(_ token: String, now: Int) throws(Failure) -> Claims {
        if token.isEmpty { throw .empty }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let headerBytes = Base64URL.decode(parts[0]), let signature = Base64URL.decode(parts[2]),
            let payloadBytes = Base64URL.decode(parts[1]),
            let header = try? JSONParser.parse(headerBytes).objectValue, let payload = try? JSONParser.parse(payloadBytes).objectValue
        else { throw .malformed }
        guard header["alg"]?.stringValue == "RS256", header["kid"]?.stringValue == key.kid,
            key.isValidSignature(signature, for: Array("\(parts[0]).\(parts[1])".utf8))
        else { throw .badSignature }
        guard let tenant = payload["tid"]?.stringValue, let appId = payload["appid"]?.stringValue,
            let nbf = payload["nbf"]?.numberValue?.intValue, let exp = payload["exp"]?.numberValue?.intValue,
            let issuer = payload["iss"]?.stringValue, CloudInstance.stsIssuers(tenant: tenant).contains(issuer)
        else { throw .malformed }
        // Entra allows five minutes of clock skew on nbf.
        guard now >= nbf - 300, now < exp else { throw .expired }
        return Claims(tenant: tenant, appId: appId, roles: payload["roles"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                      audience: payload["aud"]?.stringValue ?? "", notBefore: nbf, expires: exp, issuer: issuer,
                      appDisplayName: payload["app_displayname"]?.stringValue ?? "", objectId: payload["oid"]?.stringValue ?? "",
                      authenticationMethod: payload["appidacr"]?.stringValue ?? "", regionScope: payload["tenant_region_scope"]?.stringValue ?? "")
    }

    /// `uti`: 16 random bytes, base64url, as Entra's token ids look.
    static func uniqueTokenId() -> String {
        var generator = SystemRandomNumberGenerator()
        return Base64URL.encode((0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    /// A stable GUID for the service principal of `appId` in `tenant`: the emulator's config names
    /// apps, not their service principals, and a token must carry the same `oid` every time.
    static func servicePrincipalObjectId(tenant: String, appId: String) -> String {
        var bytes = Array(SHA256.hash(data: Array("\(tenant.lowercased())/\(appId.lowercased())".utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50  // version 5-style name-based
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 4122 variant
        let hex = bytes.map { String(format: "%02x", $0) }.joined()
        let h = Array(hex)
        return [h[0..<8], h[8..<12], h[12..<16], h[16..<20], h[20..<32]].map { String($0) }.joined(separator: "-")
    }
}
