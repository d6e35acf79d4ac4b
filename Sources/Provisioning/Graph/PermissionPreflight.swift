import Foundation

/// A Graph call scimterm plans to make, and the application permissions Microsoft documents for it.
public enum PlannedCall: String, Sendable, Equatable, CaseIterable {
    case upload, logs, jobRead, jobControl, schemaRead, schemaWrite, checkExpressions

    /// What the call does, in the words of a checklist line.
    public var label: String {
        switch self {
        case .upload: return "upload (bulkUpload)"
        case .logs: return "read provisioning logs"
        case .jobRead: return "read the job"
        case .jobControl: return "start/pause/restart the job"
        case .schemaRead: return "read the job's schema"
        case .schemaWrite: return "change the job's schema"
        case .checkExpressions: return "check expressions with Entra (parseExpression)"
        }
    }

    /// Any one of these lets the call through. The first is what scimterm asks for when none is
    /// granted; the others are the alternatives (least privileged or broader) Microsoft documents,
    /// accepted so that a working app is never told it lacks something.
    public var acceptedRoles: [String] {
        switch self {
        case .upload: return ["SynchronizationData-User.Upload", "SynchronizationData-User.Upload.OwnedBy"]
        case .logs: return ["AuditLog.Read.All", "ProvisioningLog.Read.All"]
        case .jobRead, .schemaRead: return ["Synchronization.Read.All", "Synchronization.ReadWrite.All", "Application.ReadWrite.OwnedBy"]
        // parseExpression is a POST: Graph's table asks for write, reading the schema is not enough.
        case .jobControl, .schemaWrite, .checkExpressions: return ["Synchronization.ReadWrite.All", "Application.ReadWrite.OwnedBy"]
        }
    }

    /// The permission to grant, worded as a fix ("SynchronizationData-User.Upload (or …OwnedBy)").
    public var permissionToGrant: String {
        switch self {
        case .upload: return "SynchronizationData-User.Upload (or SynchronizationData-User.Upload.OwnedBy)"
        case .logs: return "AuditLog.Read.All (or ProvisioningLog.Read.All)"
        case .jobRead, .schemaRead: return "Synchronization.Read.All"
        case .jobControl, .schemaWrite, .checkExpressions: return "Synchronization.ReadWrite.All"
        }
    }

    /// The calls `scimterm job status` and the TUI's connection test check: everything scimterm does.
    public static let everything: [PlannedCall] = allCases
}

/// Compares the token's `roles` with what the planned calls need, before any call fails.
///
/// Pure: the token (or its roles) in, one verdict per call out. An opaque or delegated token gives
/// "cannot tell" rather than a guess, so the preflight never raises a false alarm.
public enum PermissionPreflight {
    public enum Verdict: Sendable, Equatable {
        /// Granted, by the role named (the token's own spelling).
        case granted(by: String)
        /// None of the accepted roles is in the token; the permission to grant.
        case missing(String)
    }

    public struct Check: Sendable, Equatable {
        public var call: PlannedCall
        public var verdict: Verdict

        public init(call: PlannedCall, verdict: Verdict) {
            self.call = call
            self.verdict = verdict
        }

        public var isMissing: Bool {
            if case .missing = verdict { return true }
            return false
        }

        /// "read provisioning logs: missing AuditLog.Read.All (or ProvisioningLog.Read.All)".
        public var line: String {
            switch verdict {
            case .granted(let role): return "\(call.label): ok (\(role))"
            case .missing(let permission): return "\(call.label): missing \(permission)"
            }
        }
    }

    public enum Outcome: Sendable, Equatable {
        case checked([Check])
        /// Why the token cannot be read; the first call will tell.
        case cannotTell(String)

        public var missing: [Check] {
            if case .checked(let checks) = self { return checks.filter(\.isMissing) }
            return []
        }

        /// The checklist as lines, or the one line saying why there is none.
        public var lines: [String] {
            switch self {
            case .checked(let checks): return checks.map(\.line)
            case .cannotTell(let reason): return ["cannot tell (\(reason)); will learn on the first call"]
            }
        }
    }

    public static let opaqueReason = "the access token is not a JWT"
    public static let delegatedReason = "a user's token: its rights are not listed in roles"

    /// The verdict for each of `calls` against the raw access token.
    public static func check(token: String, calls: [PlannedCall]) -> Outcome {
        guard let claims = AccessTokenClaims.decode(token) else { return .cannotTell(opaqueReason) }
        return check(claims, calls: calls)
    }

    public static func check(_ claims: AccessTokenClaims, calls: [PlannedCall]) -> Outcome {
        if claims.isDelegated && claims.roles.isEmpty { return .cannotTell(delegatedReason) }
        return .checked(check(roles: claims.roles, calls: calls))
    }

    /// Role values are compared without regard to case: a case slip on either side should not
    /// raise an alarm (Graph's own comparison is exact, and the first call would say so).
    public static func check(roles: [String], calls: [PlannedCall]) -> [Check] {
        let granted = Dictionary(roles.map { ($0.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        return calls.map { call in
            let match = call.acceptedRoles.lazy.compactMap { granted[$0.lowercased()] }.first
            return Check(call: call, verdict: match.map { .granted(by: $0) } ?? .missing(call.permissionToGrant))
        }
    }
}
