import Foundation
import SCIM

extension EmulatorCore {
    /// The identity platform's metadata paths, or nil when `parts` is not one of them:
    /// `/{tenant}/v2.0/.well-known/openid-configuration`, `/{tenant}/.well-known/openid-configuration`,
    /// `/{tenant}/discovery/v2.0/keys` and `/{tenant}/discovery/keys`.
    func identityMetadata(_ request: EmulatorRequest, parts: [String], now: Date) -> EmulatorResponse? {
        guard request.method == "GET", let tenantSegment = parts.first else { return nil }
        let key = issuer.key
        let document: (OpenIDDiscovery) -> JSONValue
        switch Array(parts.dropFirst()) {
        case ["v2.0", ".well-known", "openid-configuration"]: document = { $0.v2Document }
        case [".well-known", "openid-configuration"]: document = { $0.v1Document }
        case ["discovery", "v2.0", "keys"]: document = { $0.keys(key, v2: true) }
        case ["discovery", "keys"]: document = { $0.keys(key, v2: false) }
        default: return nil
        }
        guard let discovery = discovery(request, tenantSegment: tenantSegment) else {
            return AADError.invalidTenant(tenantSegment).response(now: now, clientRequestId: request.header("client-request-id"))
        }
        return .json(200, document(discovery), headers: OpenIDDiscovery.headers)
    }

    /// The documents for the tenant named by `tenantSegment` (GUID or verified domain; Entra writes
    /// the GUID in every URL), or the multi-tenant `common` / `organizations` ones.
    func discovery(_ request: EmulatorRequest, tenantSegment: String) -> OpenIDDiscovery? {
        let tenantId: String, pathTenant: String
        if let tenant = tenant(tenantSegment) {
            (tenantId, pathTenant) = (tenant.id, tenant.id)
        } else if ["common", "organizations"].contains(tenantSegment.lowercased()) {
            (tenantId, pathTenant) = ("{tenantid}", tenantSegment.lowercased())
        } else {
            return nil
        }
        return OpenIDDiscovery(authority: authority(of: request), tenantId: tenantId, pathTenant: pathTenant,
                               cloud: CloudInstance.reachedAs(request.header("host")))
    }

    /// The scheme of this emulator with the host the client used, so that every URL in the documents
    /// leads back here by the same name (and the same TLS certificate name) the client trusted.
    func authority(of request: EmulatorRequest) -> String {
        guard let host = request.header("host"), !host.isEmpty,
            let scheme = baseURL.range(of: "://").map({ baseURL[..<$0.lowerBound] })
        else { return baseURL }
        return "\(scheme)://\(host)"
    }
}
