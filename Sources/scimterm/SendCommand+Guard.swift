import ArgumentParser
import Provisioning
import SCIM

/// The destructive-send guard: before anything goes, each user is compared with what the journal
/// last saw accepted for its externalId at this endpoint, and a send that would disable more
/// accounts than the limit is refused unless the operator says it is meant (`--allow-disable`).
extension SendCommand {
    func impact(of records: [UserRecord], journal: SendJournal, endpoint: String) throws -> SendImpact {
        do {
            return try SendImpact.assess(records, journal: journal, endpoint: endpoint)
        } catch {
            StandardError.write("scimterm: cannot read the send journal to compare with the last sends: \(error): nothing sent")
            throw ExitCode(2)
        }
    }

    /// A streamed input is read once more, a batch at a time, only when the endpoint has history.
    func impact(of input: StreamedInput, journal: SendJournal, endpoint: String) throws -> SendImpact {
        var impact = SendImpact()
        guard (try? journal.hasAccepted(endpoint: endpoint)) == true else { impact.addNew(input.records); return impact }
        _ = try DocumentBatches.read(path: input.path) { (batch: [UInt8]) throws(any Error) in
            guard batch.contains(where: { !Self.isSpace($0) }) else { return }
            let records = try PayloadReader.read(json: batch).records
            impact.add(records, previous: try journal.lastAccepted(endpoint: endpoint, externalIds: Set(records.compactMap(\.externalId))))
        }
        return impact
    }

    /// Says what the send changes that is hard to undo; exits 2 when it disables too many.
    func guardDisables(_ impact: SendImpact) throws {
        if dryRun || impact.new < impact.users {
            StandardError.write("scimterm: against each user's last accepted send to this endpoint: \(impact.summary)")
        }
        guard impact.exceeds(maxDisable: maxDisable) else { return }
        let limit = impact.disableLimit(maxDisable: maxDisable)
        let who = impact.disabledExamples.joined(separator: ", ") + (impact.disabled > impact.disabledExamples.count ? ", …" : "")
        if allowDisable {
            StandardError.write("scimterm: disabling \(impact.disabled) users (\(who)), over the limit of \(limit) (--allow-disable)")
            return
        }
        StandardError.write("scimterm: \(impact.disabled) users would be disabled (\(who)), over the limit of \(limit): nothing sent")
        StandardError.write("scimterm: a record that leaves `active` out disables the account: add \"active\": true, "
            + "or pass --allow-disable (or --max-disable N) if these leavers are meant")
        throw ExitCode(2)
    }
}
