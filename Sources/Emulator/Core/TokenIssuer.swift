import Crypto
import Foundation
import SCIM

/// Issues and checks the emulator's access tokens: real JWTs (so clients that peek at `exp` work),
/// signed with a key only this emulator instance knows.
struct TokenIssuer: Sendable {
    struct Claims: Sendable, Equatable {
        var tenant: String
        var appId: String
        var roles: [String]
        var audience: String
        var notBefore: Int
        var expires: Int
    }

    enum Failure: Error, Equatable {
        case empty, malformed, expired, badSignature
    }

    private let key: SymmetricKey

    init(key: SymmetricKey = SymmetricKey(size: .bits256)) { self.key = key }

    func issue(_ claims: Claims) -> String {
        let header: JSONValue = ["typ": "JWT", "alg": "HS256", "kid": "scimterm-emulator"]
        let payload: JSONValue = [
            "aud": .string(claims.audience),
            "iss": .string("https://sts.windows.net/\(claims.tenant)/"),
            "iat": .number(JSONNumber(claims.notBefore)),
            "nbf": .number(JSONNumber(claims.notBefore)),
            "exp": .number(JSONNumber(claims.expires)),
            "appid": .string(claims.appId),
            "tid": .string(claims.tenant),
            "roles": .array(claims.roles.map { .string($0) }),
            "ver": "1.0",
        ]
        let signingInput = Base64URL.encode(JSONWriter.compact.bytes(header)) + "." + Base64URL.encode(JSONWriter.compact.bytes(payload))
        let mac = HMAC<SHA256>.authenticationCode(for: Array(signingInput.utf8), using: key)
        return signingInput + "." + Base64URL.encode(Array(mac))
    }

    func verify(_ token: String, now: Int) throws(Failure) -> Claims {
        if token.isEmpty { throw .empty }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let signature = Base64URL.decode(parts[2]), let payloadBytes = Base64URL.decode(parts[1]),
            let payload = try? JSONParser.parse(payloadBytes).objectValue
        else { throw .malformed }
        let signingInput = Array("\(parts[0]).\(parts[1])".utf8)
        guard HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: signingInput, using: key) else { throw .badSignature }
        guard let tenant = payload["tid"]?.stringValue, let appId = payload["appid"]?.stringValue,
            let nbf = payload["nbf"]?.numberValue?.intValue, let exp = payload["exp"]?.numberValue?.intValue
        else { throw .malformed }
        guard now >= nbf - 300, now < exp else { throw .expired }
        return Claims(tenant: tenant, appId: appId, roles: payload["roles"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                      audience: payload["aud"]?.stringValue ?? "", notBefore: nbf, expires: exp)
    }
}
