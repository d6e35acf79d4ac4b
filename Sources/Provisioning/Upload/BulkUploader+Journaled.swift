import Foundation

/// Sending a send already in the journal, reading its documents back a window at a time, so a send
/// of any size holds only `window` payloads however many documents it has.
extension BulkUploader {
    /// Documents read from the journal at once: enough to keep the sender busy between reads.
    public static let journalWindow = 32

    /// Sends the documents of the journaled send `sendId` (see `SendJournal.beginStreaming`) that
    /// still need sending, in order. Needs `journal`; without one nothing is sent.
    public func send(journaled sendId: String, window: Int = BulkUploader.journalWindow,
                     events: @Sendable (Event) -> Void = { _ in }) async -> Summary {
        var state = RunState(pacer: pacer)
        var summary = Summary(sendId: sendId, outcomes: [], cancelled: false)
        guard let journal else {
            summary.stopped = .journal(reason: "no journal to read send \(sendId) from")
            return summary
        }
        var last = -1
        while !summary.cancelled, summary.stopped == nil {
            let page: [SendJournal.StoredDocument]
            do { page = try journal.documentsToSend(sendId, after: last, limit: max(1, window)) } catch {
                summary.stopped = .journal(reason: "\(journal.path): cannot read the documents to send: \(error)")
                break
            }
            guard let end = page.last?.index else { break }
            last = end
            let documents = page.map { (offset: $0.index, element: Document(body: $0.body, externalIds: $0.externalIds)) }
            await sendEach(documents, sendId: sendId, state: &state, summary: &summary, events: events)
        }
        summary.pending = pending(sendId, journal: journal, answered: Set(summary.outcomes.map(\.document)))
        conclude(&summary, state: state)
        return summary
    }

    /// Resumes a journaled send as `resume(_:)` does, reading the payloads back a window at a time:
    /// `outline` (from `SendJournal.send(_:bodies: false)`) only says which documents were accepted.
    public func resume(journaled outline: SendJournal.StoredSend, window: Int = BulkUploader.journalWindow,
                       events: @Sendable (Event) -> Void = { _ in }) async -> Summary {
        var summary = await send(journaled: outline.id, window: window, events: events)
        let done = outline.documents.filter { $0.state == .accepted }.map {
            Outcome(document: $0.index, accepted: true, requestId: $0.requestId, reason: nil, attempts: $0.attempts, externalIds: $0.externalIds)
        }
        summary.outcomes = (done + summary.outcomes).sorted { $0.document < $1.document }
        return summary
    }

    /// What a resume would still send: journaled as pending or in flight, and not answered by this run.
    private func pending(_ sendId: String, journal: SendJournal, answered: Set<Int>) -> [Int] {
        ((try? journal.unansweredIndices(sendId)) ?? []).filter { !answered.contains($0) }
    }
}
