import Foundation
import SCIM

extension EmulatorCore {
    /// `POST /{tenant}/oauth2/v2.0/token`, client credentials with a secret (form or HTTP Basic) or a
    /// certificate assertion.
    func token(_ request: EmulatorRequest, tenantSegment: String, now: Date) -> EmulatorResponse {
        do throws(AADError) {
            return try issueToken(request, tenantSegment: tenantSegment, now: now)
        } catch {
            return error.response(now: now, clientRequestId: request.header("client-request-id"))
        }
    }

    private func issueToken(_ request: EmulatorRequest, tenantSegment: String, now: Date) throws(AADError) -> EmulatorResponse {
        let form = FormBody.parse(request)
        let grant = form["grant_type"] ?? ""
        guard grant == "client_credentials" else { throw .unsupportedGrantType(grant) }
        guard let tenant = tenant(tenantSegment) else { throw .tenantNotFound(tenantSegment) }
        // The v2 endpoint takes `scope`; v1-era tools that send `resource` get Entra's 901002.
        if form["resource"] != nil { throw .resourceNotSupported }
        let clientId = form["client_id"] ?? Self.assertionSubject(form["client_assertion"]) ?? ""
        guard let app = tenant.apps.first(where: { $0.clientId.lowercased() == clientId.lowercased() }) else {
            throw .appNotFound(clientId, tenant: tenant.id)
        }
        if app.disabled { throw .appDisabled(clientId) }
        let audience = try checkScope(form["scope"])
        let method = try authenticateClient(app, form: form, tenantSegment: tenantSegment, now: now)
        let cloud = CloudInstance.reachedAs(request.header("host"))
        let issued = Int(now.timeIntervalSince1970)
        let claims = TokenIssuer.Claims(
            tenant: tenant.id, appId: app.clientId, roles: app.permissions, audience: audience, notBefore: issued,
            expires: issued + config.tokenLifetimeSeconds, issuer: cloud.stsIssuer(tenant: tenant.id), appDisplayName: app.displayName,
            objectId: TokenIssuer.servicePrincipalObjectId(tenant: tenant.id, appId: app.clientId),
            authenticationMethod: method, regionScope: cloud.regionScope)
        guard let token = try? issuer.issue(claims) else { throw .serverError }
        return .json(200, [
            "token_type": "Bearer",
            "expires_in": .number(JSONNumber(config.tokenLifetimeSeconds)),
            "ext_expires_in": .number(JSONNumber(config.tokenLifetimeSeconds)),
            "access_token": .string(token),
        ])
    }

    /// Checks the secret or the certificate assertion; answers `appidacr` ("1" secret, "2" certificate).
    private func authenticateClient(_ app: EmulatorConfig.App, form: [String: String], tenantSegment: String,
                                    now: Date) throws(AADError) -> String {
        if let secret = form["client_secret"] {
            guard let match = app.secrets.first(where: { $0.value == secret }) else { throw .invalidSecret(app.clientId) }
            if match.expired { throw .expiredSecret(app.clientId) }
            return "1"
        }
        guard let assertion = form["client_assertion"] else { throw .missingCredential }
        guard form["client_assertion_type"] == "urn:ietf:params:oauth:client-assertion-type:jwt-bearer" else {
            throw .assertionMalformed("client_assertion_type must be urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
        }
        try AssertionVerifier(pems: app.certificates).verify(assertion, clientId: app.clientId, tenantSegment: tenantSegment, now: now)
        return "2"
    }

    /// The scope must be a Graph `/.default`; the token's `aud` is its resource, as in Entra's v1
    /// tokens (`https://graph.microsoft.com`).
    private func checkScope(_ scope: String?) throws(AADError) -> String {
        guard let scope, let url = URL(string: scope), url.path == "/.default", let host = url.host,
            host.contains("graph") || host.hasPrefix("127.0.0.1") || host == "localhost"
        else { throw .invalidScope(scope ?? "") }
        return String(scope.dropLast("/.default".count))
    }

    /// With an assertion and no client_id, Entra takes the client from the assertion's `sub`.
    static func assertionSubject(_ assertion: String?) -> String? {
        guard let parts = assertion?.split(separator: "."), parts.count == 3, let bytes = Base64URL.decode(parts[1]) else { return nil }
        return (try? JSONParser.parse(bytes))?.objectValue?["sub"]?.stringValue
    }

    /// Checks the bearer token of a Graph call; the error is what Graph answers.
    func authenticate(_ request: EmulatorRequest, tenantOf servicePrincipal: String?, now: Date) throws(GraphError) -> TokenIssuer.Claims {
        guard let header = request.header("authorization"), header.lowercased().hasPrefix("bearer ") else { throw .tokenEmpty }
        let token = String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        let claims: TokenIssuer.Claims
        do {
            claims = try issuer.verify(token, now: Int(now.timeIntervalSince1970))
        } catch {
            switch error {
            case .empty: throw .tokenEmpty
            case .expired: throw .tokenExpired
            case .malformed, .badSignature: throw .tokenInvalid
            }
        }
        if let servicePrincipal, let owner = config.tenants.first(where: { t in
            t.servicePrincipals.contains { $0.id.lowercased() == servicePrincipal.lowercased() } }), owner.id != claims.tenant {
            throw .tokenOtherTenant
        }
        return claims
    }
}

/// `application/x-www-form-urlencoded` bodies.
enum FormBody {
    static func parse(_ body: [UInt8]) -> [String: String] {
        var result: [String: String] = [:]
        for pair in String(decoding: body, as: UTF8.self).split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = kv.first else { continue }
            result[decode(String(key))] = kv.count > 1 ? decode(String(kv[1])) : ""
        }
        return result
    }

    /// The body's fields, with HTTP Basic client credentials folded in as `client_id` / `client_secret`.
    static func parse(_ request: EmulatorRequest) -> [String: String] {
        var form = parse(request.body)
        if let basic = request.header("authorization"), basic.lowercased().hasPrefix("basic "),
            let decoded = Data(base64Encoded: String(basic.dropFirst(6))).flatMap({ String(data: $0, encoding: .utf8) }),
            let colon = decoded.firstIndex(of: ":") {
            // RFC 6749 §2.3.1: Basic credentials are form-urlencoded before base64.
            form["client_id"] = form["client_id"] ?? decode(String(decoded[..<colon]))
            form["client_secret"] = decode(String(decoded[decoded.index(after: colon)...]))
        }
        return form
    }

    static func decode(_ s: String) -> String {
        s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? s
    }
}
