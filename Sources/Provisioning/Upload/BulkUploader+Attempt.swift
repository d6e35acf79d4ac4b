import Foundation

extension BulkUploader {
    /// Sends one document until it is accepted or refused, or the send must stop.
    func sendOne(_ index: Int, _ document: Document, sendId: String, state: inout RunState,
                 events: @Sendable (Event) -> Void) async -> DocumentResult {
        let started = now()
        var attempt = 0
        while true {
            if let callAllowance, state.calls >= callAllowance {
                return stop(index, sendId, .allowanceSpent(calls: state.calls))
            }
            guard await pace(&state.pacer, events) else { return .cancelled(cancelledOutcome(index, document, attempt)) }
            state.pacer.record(at: now())
            state.calls += 1
            events(.sending(document: index, attempt: attempt))
            if let failure = journalWrite({ try $0.update(sendId, document: index, state: .sending, at: date()) }) {
                return .stopped(.journal(reason: "before document \(index + 1) went: \(failure)"))
            }
            let calledAt = date()
            let (answer, requestId) = await post(document, index: index, attempt: attempt)
            let decision = policy.decide(answer, attempt: attempt, elapsed: now() - started, jitter: jitter())
            if case .response = answer, !Self.isQuotaStop(decision) { onCall(calledAt) }
            switch decision {
            case .accepted:
                return finish(index, document, sendId, accepted: true, requestId: requestId, reason: nil, attempts: attempt + 1, events)
            case .fail(let reason):
                return finish(index, document, sendId, accepted: false, requestId: requestId, reason: reason, attempts: attempt + 1, events)
            case .stop(let halt):
                return stop(index, sendId, stopReason(halt, at: calledAt))
            case .retry(let after, let reason):
                events(.waiting(seconds: after, reason: retryWording(reason, started: started)))
                if (try? await sleep(after)) == nil { return .cancelled(cancelledOutcome(index, document, attempt + 1)) }
                attempt += 1
            }
        }
    }

    /// Waits for the pacer; false when cancelled during the wait.
    private func pace(_ pacer: inout RatePacer, _ events: @Sendable (Event) -> Void) async -> Bool {
        let wait = pacer.delay(now: now())
        guard wait > 0 else { return true }
        events(.waiting(seconds: wait, reason: "pacing under \(pacer.limit) calls per \(Int(pacer.window)) s"))
        return (try? await sleep(wait)) != nil
    }

    /// One bulkUpload call, reduced to what the policy reads.
    private func post(_ document: Document, index: Int, attempt: Int) async -> (RetryPolicy.Answer, String?) {
        do {
            let r = try await client.send(method: "POST", url: client.settings.endpoint.bulkUploadURL, body: document.body,
                                          contentType: "application/scim+json", purpose: .bulkUpload(document: index), attempt: attempt)
            let body = String(decoding: r.body.prefix(4096), as: UTF8.self)
            return (.response(status: r.status, retryAfter: r.header("retry-after"), body: body), r.header("request-id"))
        } catch {
            return (.error(error), nil)
        }
    }

    private func stopReason(_ halt: RetryPolicy.Halt, at time: Date) -> StopReason {
        switch halt {
        case .dailyQuota(let retryAfter, let message):
            return .dailyQuota(resumeAfter: retryAfter.map { time.addingTimeInterval($0) }, message: message)
        case .cannotHeal(let reason): return .cannotHeal(reason: reason)
        case .budgetSpent(let reason): return .retryBudgetSpent(reason: reason)
        }
    }

    /// The document goes back to pending, so a resume sends it; nothing more is sent now.
    private func stop(_ index: Int, _ sendId: String, _ reason: StopReason) -> DocumentResult {
        // Already stopping: if this write fails the document stays `sending`, which a resume sends
        // again and reports as "may have been accepted", so the first reason is the one to tell.
        _ = journalWrite { try $0.update(sendId, document: index, state: .pending, reason: reason.description, at: date()) }
        return .stopped(reason)
    }

    /// Runs one journal write; the error's text when it failed, nil when it went (or there is no journal).
    private func journalWrite(_ write: (SendJournal) throws -> Void) -> String? {
        guard let journal else { return nil }
        do { try write(journal); return nil } catch { return "\(journal.path): \(error)" }
    }

    /// A daily-quota 429 is refused before Entra counts the call.
    static func isQuotaStop(_ decision: RetryPolicy.Outcome) -> Bool {
        if case .stop(.dailyQuota) = decision { return true }
        return false
    }

    private func retryWording(_ reason: String, started: Double) -> String {
        let left = max(0, policy.budget - (now() - started))
        return "\(reason); retrying (\(RetryPolicy.format(left)) left of the retry budget)"
    }

    private func finish(_ index: Int, _ document: Document, _ sendId: String, accepted: Bool, requestId: String?, reason: String?,
                        attempts: Int, _ events: @Sendable (Event) -> Void) -> DocumentResult {
        let failure = journalWrite {
            try $0.update(sendId, document: index, state: accepted ? .accepted : .failed, requestId: requestId, reason: reason, at: date())
        }
        events(accepted ? .accepted(document: index, requestId: requestId) : .failed(document: index, reason: reason ?? ""))
        let outcome = Outcome(document: index, accepted: accepted, requestId: requestId, reason: reason, attempts: attempts, externalIds: document.externalIds)
        guard let failure else { return .done(outcome) }
        let answer = accepted ? "was accepted (request-id \(requestId ?? "none"))" : "was refused"
        return .doneThenStopped(outcome, .journal(reason: "document \(index + 1) \(answer) but the journal still says sending: \(failure)"))
    }

    private func cancelledOutcome(_ index: Int, _ document: Document, _ attempts: Int) -> Outcome {
        Outcome(document: index, accepted: false, requestId: nil, reason: Self.cancelledReason, attempts: attempts, externalIds: document.externalIds)
    }
}
