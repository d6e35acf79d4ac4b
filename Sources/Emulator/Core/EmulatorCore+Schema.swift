import Foundation
import Mapping
import SCIM

extension EmulatorCore {
    static let schemaWritePermissions = jobWritePermissions

    /// `GET` and `PUT …/jobs/{jobId}/schema`. Reading needs Synchronization.Read.All (or ReadWrite),
    /// writing Synchronization.ReadWrite.All (ENTRA.md §3); permissions are checked before the body.
    func schema(_ request: EmulatorRequest, sp: String, job: String, claims: TokenIssuer.Claims,
                ids: [(String, String)], now: Date) throws(GraphError) -> EmulatorResponse {
        let segments = request.path.split(separator: "/")
        if segments.count == 8, segments[7].lowercased() == "parseexpression" {
            return try parseExpression(request, sp: sp, job: job, claims: claims, ids: ids, now: now)
        }
        guard segments.count == 7 else { throw .notFound("Resource not found for the segment '\(segments.last ?? "")'.") }
        let key = Self.jobKey(sp, job)
        switch request.method {
        case "GET":
            try require(claims, Self.jobReadPermissions, sp: sp, job: job)
            let body = currentSchema(key, sp: sp, job: job).encoded()
            return EmulatorResponse(status: 200, headers: [("Content-Type", "application/json; charset=utf-8")] + ids, body: body)
        case "PUT":
            try require(claims, Self.schemaWritePermissions, sp: sp, job: job)
            let schema: SynchronizationSchema
            do { schema = try SynchronizationSchema.decode(request.body) } catch {
                throw .badRequest("The request body is not a valid synchronizationSchema: \(error.description)")
            }
            try Self.check(schema)
            schemaOverrides[key] = schema
            jobMappings[key] = nil
            restartForSchemaChange(key)
            return EmulatorResponse(status: 204, headers: ids)
        default:
            throw .methodNotAllowed
        }
    }

    /// The schema a job has now: the last one PUT, else the job's configured one, else the
    /// configuration's, else Microsoft's default for API-driven provisioning to Entra ID.
    func currentSchema(_ key: String, sp: String, job: String) -> SynchronizationSchema {
        if let put = schemaOverrides[key] { return put }
        let configured = config.tenants.lazy.flatMap(\.servicePrincipals)
            .first { $0.id.lowercased() == sp.lowercased() }?.jobs.first { $0.id == job }?.schema
        return configured ?? config.schema ?? .defaultAPIDriven
    }

    /// What the emulator refuses beyond the shape (our choice; Graph's own checks are undocumented):
    /// a schema without an API directory, or whose User mapping has no matching attribute.
    static func check(_ schema: SynchronizationSchema) throws(GraphError) {
        guard schema.apiDirectory != nil else {
            throw .badRequest("The synchronizationSchema has no source directory (one that is not 'Azure Active Directory').")
        }
        guard let users = schema.userObjectMapping else {
            throw .badRequest("The synchronizationSchema has no objectMapping of the source directory's User object.")
        }
        guard users.matchingAttribute != nil else {
            throw .badRequest("The User objectMapping has no attributeMapping with a matchingPriority: users could not be matched.")
        }
    }

    /// A schema change restarts the job (ENTRA.md §5): uploads still waiting are purged and a
    /// quarantine lifted, through the same path as POST …/restart. A job that was paused or never
    /// started stays so (our choice): saving mappings does not start provisioning.
    func restartForSchemaChange(_ key: String) {
        let before = jobStates[key]?.code
        control(key, "restart")
        if let before, before != "Quarantine", before != "Active" { jobStates[key]?.code = before }
    }

    /// The schema a job serves now, for tests and the sandbox.
    public func schema(servicePrincipal sp: String, job: String) -> SynchronizationSchema {
        currentSchema(Self.jobKey(sp, job), sp: sp, job: job)
    }
}
