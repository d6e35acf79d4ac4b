import App
import ArgumentParser
import Foundation
import Provisioning

/// `send --resume [SEND_ID]`: never older over newer. A send that a later one superseded (a later
/// send carries some of its unaccepted users) is listed, not resent, unless the operator names it
/// and says `--overwrite-newer`, having been told whose newer data that overwrites.
extension SendCommand {
    /// The send to resume, or nil when there is nothing to do; exits 1 when what would be resumed
    /// is superseded and the operator has not chosen to overwrite, 2 for an unknown id.
    func resumeTarget(_ journal: SendJournal, endpoint: String) throws -> SendJournal.StoredSend? {
        let superseded = try readJournal { try journal.superseded(endpoint: endpoint) }
        if let given = inputPath { return try chosenSend(given, journal: journal, endpoint: endpoint, superseded: superseded) }
        guard let newest = try readJournal({ try journal.latestUnfinished(endpoint: endpoint, bodies: false) }) else {
            StandardError.write("scimterm: nothing to resume: every journaled send to this endpoint was accepted")
            return nil
        }
        for s in superseded { StandardError.write("scimterm: " + Self.supersededLine(s)) }
        guard let held = superseded.first(where: { $0.sendId == newest.id }) else { return newest }
        StandardError.write("scimterm: nothing resumed: the newest unfinished send (\(Self.short(held.sendId))) is superseded; "
            + "`scimterm send --resume \(Self.short(held.sendId, ellipsis: false)) --overwrite-newer` resends it anyway")
        throw ExitCode(1)
    }

    /// `--resume SEND_ID`: a whole id or a prefix that names one send to this endpoint.
    private func chosenSend(_ given: String, journal: SendJournal, endpoint: String,
                            superseded: [SendJournal.Supersession]) throws -> SendJournal.StoredSend? {
        let matches = try readJournal { try journal.listing() }.filter { $0.id == given || $0.id.hasPrefix(given.lowercased()) }
        guard matches.count == 1, let id = matches.first?.id, let stored = try readJournal({ try journal.send(id, bodies: false) }) else {
            StandardError.write("scimterm: " + (matches.isEmpty ? "the journal has no send \(given)" : "\(given) names \(matches.count) sends: give more of the id")
                + " (scimterm journal list shows them)")
            throw ExitCode(2)
        }
        guard stored.endpoint == endpoint else {
            StandardError.write("scimterm: send \(id) went to \(stored.endpoint), not to this connection's \(endpoint)")
            throw ExitCode(2)
        }
        guard stored.documents.contains(where: \.needsSending) else {
            StandardError.write("scimterm: nothing to resume: every document of send \(id) was accepted")
            return nil
        }
        if let s = superseded.first(where: { $0.sendId == id }) { try confirmOverwrite(s) }
        return stored
    }

    /// Resending a superseded send is the operator's explicit choice, made knowing what it overwrites.
    private func confirmOverwrite(_ s: SendJournal.Supersession) throws {
        let overwritten = Self.distinct(s.overlaps.map(\.externalId))
        let shown = overwritten.prefix(5).joined(separator: ", ") + (overwritten.count > 5 ? ", …" : "")
        StandardError.write("scimterm: " + Self.supersededLine(s))
        guard overwriteNewer else {
            StandardError.write("scimterm: resending it would put older data over the newer data of \(overwritten.count) users (\(shown)); "
                + "pass --overwrite-newer to resend it anyway")
            throw ExitCode(1)
        }
        StandardError.write("scimterm: --overwrite-newer: resending send \(Self.short(s.sendId)) overwrites the newer data of "
            + "\(overwritten.count) users: \(shown)")
    }

    /// After a normal send: one line when it superseded older interrupted sends, which a plain
    /// `--resume` will then leave alone.
    func noteSuperseded(by sendId: String, journal: SendJournal, endpoint: String) {
        let older: [SendJournal.Supersession]
        do { older = try journal.superseded(endpoint: endpoint).filter { $0.newerSends.contains { $0.sendId == sendId } } } catch {
            StandardError.write("scimterm: warning: could not check the journal for sends this one supersedes: \(error)")
            return
        }
        guard !older.isEmpty else { return }
        let users = Self.distinct(older.flatMap { $0.overlaps.filter { $0.newer.sendId == sendId }.map(\.externalId) }).count
        let names = older.map { "\(Self.short($0.sendId)) of \(TimeText.minute($0.created, timeZone: .current))" }.joined(separator: ", ")
        StandardError.write("scimterm: this send supersedes the interrupted send\(older.count == 1 ? "" : "s") \(names) "
            + "(newer data for \(users) of \(older.count == 1 ? "its" : "their") users); `send --resume` will not resend "
            + (older.count == 1 ? "it" : "them"))
    }

    /// "superseded: send 3f2a… of 2026-12-04 10:12, 2 documents, 87 users; newer data for 87 of them
    /// was sent by 9c1b… at 2026-12-04 11:40; not resent".
    static func supersededLine(_ s: SendJournal.Supersession) -> String {
        let users = distinct(s.unacceptedExternalIds).count
        let overlapping = distinct(s.overlaps.map(\.externalId)).count
        let newer = s.newerSends
        let by = newer.first.map { "\(short($0.sendId)) at \(TimeText.minute($0.created, timeZone: .current))" } ?? "a later send"
        let others = newer.count > 1 ? " and \(newer.count - 1) other send\(newer.count == 2 ? "" : "s")" : ""
        return "superseded: send \(short(s.sendId)) of \(TimeText.minute(s.created, timeZone: .current)), \(s.unacceptedDocuments) document"
            + "\(s.unacceptedDocuments == 1 ? "" : "s"), \(users) user\(users == 1 ? "" : "s"); newer data for \(overlapping) of them "
            + "was sent by \(by)\(others); not resent"
    }

    /// The first 8 characters of a send id: enough to tell sends apart, and accepted by `--resume`.
    static func short(_ id: String, ellipsis: Bool = true) -> String {
        id.count > 8 ? String(id.prefix(8)) + (ellipsis ? "…" : "") : id
    }

    static func distinct(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }

    /// A journal that cannot be read stops the command with the reason; it never reads as "nothing to do".
    private func readJournal<T>(_ read: () throws -> T) throws -> T {
        do { return try read() } catch {
            StandardError.write("scimterm: cannot read the send journal: \(error)")
            throw ExitCode(2)
        }
    }
}
