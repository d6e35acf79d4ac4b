import Foundation

/// The preflight as a client runs it: the token it will use anyway, read before the first Graph call.
public struct PermissionReport: Sendable, Equatable {
    /// nil for an opaque token.
    public var claims: AccessTokenClaims?
    public var outcome: PermissionPreflight.Outcome

    public init(claims: AccessTokenClaims?, outcome: PermissionPreflight.Outcome) {
        self.claims = claims
        self.outcome = outcome
    }

    public init(token: String, calls: [PlannedCall]) {
        claims = AccessTokenClaims.decode(token)
        outcome = claims.map { PermissionPreflight.check($0, calls: calls) } ?? .cannotTell(PermissionPreflight.opaqueReason)
    }

    /// "token for app 3f2e… in tenant 8c1b…, valid until 2026-12-05 14:02 UTC (in 59 min)".
    public func tokenLine(now: Date) -> String? {
        guard let claims else { return nil }
        var parts = ["token"]
        if let app = claims.appId { parts.append("for app \(app)") }
        if let tenant = claims.tenantId { parts.append("in tenant \(tenant)") }
        var line = parts.joined(separator: " ")
        if let expires = claims.expires { line += ", valid until " + JobHealth.when(expires, now: now) }
        return line
    }
}

extension GraphClient {
    /// Gets (or reuses) the access token and checks its roles against `calls`; no Graph call is made.
    public func permissionReport(_ calls: [PlannedCall], now: Date = Date()) async throws(ProvisioningError) -> PermissionReport {
        PermissionReport(token: try await tokens.token(now: now), calls: calls)
    }
}
