import Foundation
import Provisioning

extension SendCommand {
    /// `--dry-run`'s preflight, before anything else: gets the token a send would use and says
    /// whether its roles allow the upload. Returns true when the upload permission is known to be
    /// missing (the dry run then exits 1: the send would be refused with 403). A sign-in that fails
    /// or a token that cannot be read is said, and changes nothing else.
    func dryRunPreflight() async -> Bool {
        let client: GraphClient
        do { client = try connection.client(recorder: ExchangeRecorder()) } catch {
            StandardError.write("scimterm: preflight: skipped (\(error))")
            return false
        }
        let report: PermissionReport
        do { report = try await client.permissionReport([.upload]) } catch {
            await client.transport.shutdown()
            StandardError.write("scimterm: preflight: could not get a token, so the send would fail too: \(error)")
            return false
        }
        await client.transport.shutdown()
        for line in report.outcome.lines { StandardError.write("scimterm: preflight: \(line)") }
        guard !report.outcome.missing.isEmpty else { return false }
        StandardError.write("scimterm: preflight: the send would be refused (403): grant the application permission "
            + "in the app registration's API permissions and give admin consent, then get a new token")
        return true
    }
}
