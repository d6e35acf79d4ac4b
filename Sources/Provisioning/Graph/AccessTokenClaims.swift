import Foundation
import SCIM

/// What an access token says about itself: the application permissions (`roles`) granted to the
/// app, when it expires, and whose it is (ENTRA.md §1, §3).
///
/// The payload is read without checking the signature. That is safe here because nothing is
/// *granted* on the strength of it: Graph checks the token on every call, and scimterm only uses
/// the claims to warn before a call would fail. Checking the signature would need the tenant's
/// JWKS (another request, and keys a proxy may not serve) for no gain in what we can tell.
public struct AccessTokenClaims: Sendable, Equatable {
    /// Application permissions, as granted by admin consent (`roles`); empty when the claim is absent.
    public var roles: [String]
    /// Delegated scopes (`scp`): a token for a signed-in user, whose rights `roles` does not tell.
    public var scopes: [String]
    public var expires: Date?
    public var tenantId: String?
    /// `appid` (v1 tokens) or `azp` (v2 tokens).
    public var appId: String?

    public init(roles: [String], scopes: [String] = [], expires: Date? = nil, tenantId: String? = nil, appId: String? = nil) {
        self.roles = roles
        self.scopes = scopes
        self.expires = expires
        self.tenantId = tenantId
        self.appId = appId
    }

    /// A token larger than this is not read: real ones are a few kilobytes, and a hostile one
    /// should not cost memory or time.
    static let maxTokenLength = 64 * 1024

    /// The claims of a JWT access token; nil when the token is opaque (not three base64url parts
    /// with a JSON object in the middle), which Microsoft allows itself to issue at any time.
    public static func decode(_ token: String) -> AccessTokenClaims? {
        guard token.utf8.count <= maxTokenLength else { return nil }
        let parts = token.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[1].isEmpty, let text = String(parts[1]),
            text.utf8.allSatisfy(Self.isBase64URL),
            let bytes = Base64URL.decode(text),
            let payload = (try? JSONParser.parse(bytes))?.objectValue
        else { return nil }
        return AccessTokenClaims(
            roles: strings(payload["roles"]),
            scopes: (payload["scp"]?.stringValue ?? "").split(separator: " ").map(String.init),
            expires: payload["exp"]?.numberValue?.doubleValue.flatMap(Self.date),
            tenantId: payload["tid"]?.stringValue,
            appId: payload["appid"]?.stringValue ?? payload["azp"]?.stringValue)
    }

    /// A token for a signed-in user: its rights are scopes and the user's roles, not `roles`.
    public var isDelegated: Bool { !scopes.isEmpty }

    private static func strings(_ value: JSONValue?) -> [String] {
        if let single = value?.stringValue { return [single] }
        return value?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    /// Seconds since 1970, when plausible (a hostile `exp` of 1e300 is not a date).
    private static func date(_ seconds: Double) -> Date? {
        guard seconds.isFinite, seconds >= 0, seconds < 1e11 else { return nil }
        return Date(timeIntervalSince1970: seconds)
    }

    private static func isBase64URL(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "="):
            return true
        default:
            return false
        }
    }
}
