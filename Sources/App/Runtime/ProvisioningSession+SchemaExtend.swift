import Foundation
import Mapping
import Provisioning

extension ProvisioningSession {
    /// "Add to the job's schema" from the TUI, as `schema extend --apply` does it: a fresh pull,
    /// the diff again (a different one goes back to the operator), the PUT of Graph's own JSON with
    /// only the additions, the purged uploads journaled for resend, and a pull of what Entra now has.
    func extendSchema(_ request: ConnectionRequest, _ plan: SchemaExtendPlan, journalPath: String?) async -> SchemaExtendOutcome {
        let made = await client(for: request)
        guard case .success(let client) = made else {
            if case .failure(let problem) = made { return .failed(problem.headline) }
            return .failed("no connection")
        }
        let pulled: JobSchema
        do { pulled = try await client.schema() } catch { return .failed(Self.schemaProblem(error, writing: false)) }
        let change = SchemaExtension(schema: pulled.schema, input: plan.input, urn: plan.urn)
        guard !change.isEmpty else { return .nothingToAdd }
        guard change.diffLines == plan.diffLines else {
            var again = SchemaExtendPlan(urn: plan.urn, input: plan.input, change: change)
            again.impact = plan.impact
            return .changed(again)
        }
        guard let body = change.extended(json: pulled.json) else {
            return .failed("the job's schema has no API directory with a User object: nowhere to declare attributes")
        }
        do { try await client.putSchema(body) } catch { return .failed(Self.schemaProblem(error, writing: true)) }
        var purged: ResumableSend?
        if let journalPath, let impact = plan.impact, !impact.pending.isEmpty {
            purged = await purge(request, impact, journalPath: journalPath)
        }
        let repulled: SchemaPull
        do { repulled = .schema(try await client.schema().schema) } catch { repulled = .failed(Self.schemaProblem(error, writing: false)) }
        return .extended(added: change.additions.count, repulled: repulled, purged: purged)
    }

    /// A 403 names the permission of the call that failed (ENTRA.md §3).
    nonisolated static func schemaProblem(_ error: ProvisioningError, writing: Bool) -> String {
        if case .graph(let failure) = error, failure.status == 403 {
            return writing ? "writing the job's schema needs Synchronization.ReadWrite.All (Entra answered 403)"
                : "reading the job's schema needs Synchronization.Read.All (Entra answered 403)"
        }
        return error.description
    }
}
