import ArgumentParser
import Foundation
import Provisioning

/// The PUT of `schema extend --apply`: a schema change restarts the job (ENTRA.md §5), so before it
/// the operator hears how many accepted uploads the restart purges, counted as `job restart` counts
/// them, and confirms; after it, those documents are marked "purged by restart" for `send --resume`.
struct SchemaWrite {
    var client: GraphClient
    var journalPath: String?
    var yes: Bool

    func put(_ body: [UInt8], count: Int) async throws {
        let store: SendJournal
        do { store = try SendJournal(path: journalPath ?? SendJournal.defaultPath) } catch {
            StandardError.write("scimterm: cannot open the send journal: \(error); not writing the schema (it would lose track of purged uploads)")
            throw ExitCode(1)
        }
        let impact = await RestartImpact.read(journal: store, client: client, now: Date())
        StandardError.write("scimterm: PUT …/schema restarts the job: \(impact.pending.count) \(plural(impact.pending.count, "upload")) accepted but not "
            + "yet processed \(impact.pending.count == 1 ? "is" : "are") purged. \(impact.warning)")
        try confirm()
        let response = try await client.send(method: "PUT", url: client.settings.endpoint.schemaURL, body: body,
                                             contentType: "application/json", purpose: .jobAction("schema"))
        guard (200..<300).contains(response.status) else {
            let failure = GraphFailure.parse(response, purpose: .jobAction("schema"))
            StandardError.write("scimterm: \(failure)")
            if failure.status == 403 {
                StandardError.write("scimterm: writing the job's schema needs the application permission Synchronization.ReadWrite.All")
            }
            throw ExitCode(1)
        }
        print("Added \(count) attribute \(plural(count, "definition")) to the job's schema; the job restarts with a full cycle.")
        try markPurged(store, impact)
    }

    private func confirm() throws {
        guard !yes else { return }
        try Confirmation.ask("Write the schema and restart the job?",
                             notAsked: "not writing the schema: pass --yes to write it and restart the job",
                             declined: "the schema is unchanged")
    }

    private func markPurged(_ store: SendJournal, _ impact: RestartImpact) throws {
        let endpoint = client.settings.endpoint.bulkUploadURL
        guard let sendId = try store.purge(impact.pending, endpoint: endpoint, restartedAt: Date()) else { return }
        StandardError.write("scimterm: \(impact.pending.count) document(s) (\(impact.users) users) marked purged by restart; "
            + "`scimterm send --resume` with the same connection options sends them again (send \(sendId))")
    }
}
