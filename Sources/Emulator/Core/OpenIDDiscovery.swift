import Foundation
import SCIM

/// The identity platform's metadata documents, field for field as Entra serves them, so that MSAL
/// and other OpenID clients configure themselves from the emulator unchanged (issue 10 §6).
///
/// Entra writes `https://login.microsoftonline.com/{tenantId}/…`; the emulator writes its own
/// authority (the scheme and host the client used) in every URL, including the v2 issuer, because
/// clients that check the issuer compare it with the authority they were given.
struct OpenIDDiscovery: Sendable {
    /// `https://host:port`, no trailing slash.
    var authority: String
    /// The tenant GUID, or `{tenantid}` for the multi-tenant `common` / `organizations` documents.
    var tenantId: String
    /// The path segment endpoints are written under: the GUID, or `common` / `organizations`.
    var pathTenant: String
    var cloud: CloudInstance

    var v2Issuer: String { "\(authority)/\(tenantId)/v2.0" }
    var v1Issuer: String { cloud.stsIssuer(tenant: tenantId) }
    private var base: String { "\(authority)/\(pathTenant)" }

    /// `GET /{tenant}/v2.0/.well-known/openid-configuration`
    var v2Document: JSONValue {
        let own: JSONValue = [
            "token_endpoint": .string("\(base)/oauth2/v2.0/token"),
            "token_endpoint_auth_methods_supported": ["client_secret_post", "private_key_jwt", "client_secret_basic"],
            "jwks_uri": .string("\(base)/discovery/v2.0/keys"),
            "response_modes_supported": ["query", "fragment", "form_post"],
            "subject_types_supported": ["pairwise"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "response_types_supported": ["code", "id_token", "code id_token", "id_token token"],
            "scopes_supported": ["openid", "profile", "email", "offline_access"],
            "issuer": .string(v2Issuer),
            "request_uri_parameter_supported": false,
            "userinfo_endpoint": .string("https://\(cloud.graphHost)/oidc/userinfo"),
            "authorization_endpoint": .string("\(base)/oauth2/v2.0/authorize"),
            "device_authorization_endpoint": .string("\(base)/oauth2/v2.0/devicecode"),
            "http_logout_supported": true,
            "frontchannel_logout_supported": true,
            "end_session_endpoint": .string("\(base)/oauth2/v2.0/logout"),
            "claims_supported": .array(Self.v2Claims.map { .string($0) }),
            "kerberos_endpoint": .string("\(base)/kerberos"),
        ]
        return own.appending(cloudFields)
    }

    /// `GET /{tenant}/.well-known/openid-configuration` (the v1 endpoints' shape).
    var v1Document: JSONValue {
        let own: JSONValue = [
            "token_endpoint": .string("\(base)/oauth2/token"),
            "token_endpoint_auth_methods_supported": ["client_secret_post", "private_key_jwt", "client_secret_basic"],
            "jwks_uri": .string("\(base)/discovery/keys"),
            "response_modes_supported": ["query", "fragment", "form_post"],
            "subject_types_supported": ["pairwise"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "response_types_supported": ["code", "id_token", "code id_token", "token id_token", "token"],
            "scopes_supported": ["openid"],
            "issuer": .string(v1Issuer),
            "microsoft_multi_refresh_token": true,
            "authorization_endpoint": .string("\(base)/oauth2/authorize"),
            "device_authorization_endpoint": .string("\(base)/oauth2/devicecode"),
            "http_logout_supported": true,
            "frontchannel_logout_supported": true,
            "end_session_endpoint": .string("\(base)/oauth2/logout"),
            "claims_supported": .array(Self.v1Claims.map { .string($0) }),
            "check_session_iframe": .string("\(base)/oauth2/checksession"),
            "userinfo_endpoint": .string("\(base)/openid/userinfo"),
            "kerberos_endpoint": .string("\(base)/kerberos"),
        ]
        return own.appending(cloudFields)
    }

    /// `GET /{tenant}/discovery/v2.0/keys` or `/discovery/keys`.
    func keys(_ key: SigningKey, v2: Bool) -> JSONValue {
        ["keys": [key.jwk(issuer: v2 ? v2Issuer : v1Issuer, cloudInstanceName: cloud.instanceName)]]
    }

    private var cloudFields: JSONValue {
        [
            "tenant_region_scope": tenantId == "{tenantid}" ? JSONValue.null : .string(cloud.regionScope),
            "cloud_instance_name": .string(cloud.instanceName),
            "cloud_graph_host_name": .string(cloud.aadGraphHost),
            "msgraph_host": .string(cloud.graphHost),
            "rbac_url": "https://pas.windows.net",
        ]
    }

    static let v2Claims = ["sub", "iss", "cloud_instance_name", "cloud_instance_host_name", "cloud_graph_host_name", "msgraph_host",
                           "aud", "exp", "iat", "auth_time", "acr", "nonce", "preferred_username", "name", "tid", "ver",
                           "at_hash", "c_hash", "email"]
    static let v1Claims = ["sub", "iss", "cloud_instance_name", "cloud_instance_host_name", "cloud_graph_host_name", "msgraph_host",
                           "aud", "exp", "iat", "auth_time", "acr", "amr", "nonce", "email", "given_name", "family_name", "nickname"]

    /// Entra caches these for a day; clients honour it.
    static let headers = [("Cache-Control", "max-age=86400, private"), ("Access-Control-Allow-Origin", "*")]
}

private extension JSONValue {
    /// Appends `other`'s members after this object's, keeping both orders (Entra ends with the cloud fields).
    func appending(_ other: JSONValue) -> JSONValue {
        guard case .object(var mine) = self, case .object(let theirs) = other else { return self }
        for member in theirs.members { mine.append(member.key, member.value) }
        return .object(mine)
    }
}
