import Foundation
import SCIM

/// What a send would take and how to say it: the documents for a scope (built exactly as the
/// preview builds them), the records with errors among them, and the confirmation's words.
struct SendPlanning {
    var state: AppState

    private var builder: BulkRequestBuilder { BulkRequestBuilder(batchSize: state.batchSize) }

    /// Record ids in store order for a scope. A document's come from the preview, which was built
    /// from the same store with the same builder (it is dropped on any edit).
    func recordIDs(for scope: SendScope) -> [Int] {
        switch scope {
        case .all: return state.store.entries.map(\.id)
        case .marked: return state.store.entries.map(\.id).filter { state.users.marks.contains($0) }
        case .document(let n):
            guard let preview = state.preview, preview.documents.indices.contains(n) else { return [] }
            return preview.documents[n].recordIndices.map { preview.recordIDs[$0] }
        case .withoutErrors: return state.store.entries.map(\.id).filter { state.worstSeverity(id: $0) != .error }
        case .asIs: return state.asIsSource?.parts.flatMap(\.recordIDs) ?? []
        case .failed(let pick): return pick.recordIDs.filter { state.store.entry(id: $0) != nil }
        }
    }

    /// Requests a scope takes: the file's own documents as-is, else users in batches.
    func requestCount(for scope: SendScope) -> Int {
        if scope == .asIs { return state.asIsSource?.parts.count ?? 0 }
        return (recordIDs(for: scope).count + state.batchSize - 1) / max(1, state.batchSize)
    }

    func documents(for scope: SendScope) -> [SendDocument] {
        SendBuild(self, scope: scope).documents()
    }

    /// Errors that would make the operator think twice; an as-is send carries its errors on purpose.
    func errorCount(for scope: SendScope) -> Int {
        if scope == .asIs { return 0 }
        return recordIDs(for: scope).count { state.worstSeverity(id: $0) == .error }
    }

    func scopeTitle(_ scope: SendScope) -> String {
        switch scope {
        case .all: return plural(state.store.count, "user")
        case .marked: return plural(recordIDs(for: .marked).count, "marked user")
        case .document(let n): return "document \(n + 1) (\(plural(recordIDs(for: scope).count, "user")))"
        case .withoutErrors: return plural(recordIDs(for: scope).count, "user") + " without errors"
        case .asIs: return "\(state.asIsSource?.name ?? "the file") as-is (\(plural(requestCount(for: scope), "document")))"
        case .failed: return plural(recordIDs(for: scope).count, "failed user")
        }
    }

    func buttonTitle(_ scope: SendScope, anyway: Bool) -> String {
        let what: String
        switch scope {
        case .all: what = "all \(state.store.count)"
        case .marked: what = "\(recordIDs(for: .marked).count) marked"
        case .document(let n): what = "document \(n + 1)"
        case .withoutErrors: what = "\(recordIDs(for: scope).count) without errors"
        case .asIs: return "Send the file as-is"
        case .failed: what = "the \(recordIDs(for: scope).count) failed"
        }
        return (anyway ? "Send anyway: " : "Send ") + what
    }

    /// "Send to PROD" when the profile carries a label, so production is named in the very title.
    var dialogTitle: String {
        if let label = state.headerBadge?.label, !label.isEmpty { return "Send to \(label)" }
        return "Send to Entra"
    }

    func confirmation(_ scopes: [SendScope]) -> String {
        let draft = state.connect.draft
        var lines: [String] = []
        lines.append("Tenant  \(draft.tenant)")
        lines.append("Cloud   \(state.connect.cloud.displayName)")
        lines.append("Job     " + state.sendCheck.jobLine(now: state.clock))
        // The job id is long; on its own line it wraps least.
        if case .success(let endpoint)? = state.connect.parsedEndpoint { lines.append(endpoint.jobId) }
        lines.append("")
        for scope in scopes where scope != .asIs {
            let requests = requestCount(for: scope)
            lines.append("\(scopeTitle(scope).prefix(1).uppercased() + scopeTitle(scope).dropFirst()): \(plural(requests, "request")) of at most \(state.batchSize) operations")
        }
        if scopes.contains(.asIs) { lines += asIsLines() }
        lines += failedLines(scopes)
        lines.append("Paced under \(SendProgress.budget.calls) requests per \(Int(SendProgress.budget.seconds)) s; 429 and 5xx are retried.")
        lines.append(quotaLine(scopes))
        lines += impactLines()
        let errors = scopes.map { errorCount(for: $0) }.max() ?? 0
        if errors > 0 {
            lines.append("")
            let choices = scopes.contains(.withoutErrors) ? "Fix them first, send only the users without errors, or send anyway" : "Fix them first, or send anyway"
            lines.append("✗ \(plural(errors, "user")) with errors Entra will reject or fail. \(choices) to reproduce a customer's payload.")
        }
        return lines.joined(separator: "\n")
    }

    /// What sending every user does to the accounts Entra has, against the journal's last accepted
    /// sends; over the limit it says so first and the default button is Cancel.
    private func impactLines() -> [String] {
        if let error = state.sendCheck.impactError { return ["Changes: the journal could not be read (\(error))"] }
        guard let impact = state.sendCheck.impact else { return ["Changes: comparing with the last accepted sends…"] }
        var lines = ["Changes: \(impact.summary)"]
        if impact.exceeds(maxDisable: nil) {
            let who = impact.disabledExamples.joined(separator: ", ") + (impact.disabled > impact.disabledExamples.count ? ", …" : "")
            lines.insert("", at: 0)
            lines.append("⚠ \(plural(impact.disabled, "user")) would be DISABLED (\(who)), over the limit of \(impact.disableLimit(maxDisable: nil)). "
                + "A record that leaves `active` out disables the account. Cancel is the default; choose Send only if these leavers are meant.")
        }
        return lines
    }

    /// The daily quota plan for the biggest scope offered.
    private func quotaLine(_ scopes: [SendScope]) -> String {
        let needed = scopes.map { requestCount(for: $0) }.max() ?? 0
        if let error = state.sendCheck.callsError { return "Daily quota: the journal could not be read (\(error))" }
        guard let plan = state.sendCheck.plan(needed: needed, now: state.clock, profileQuota: state.connect.draft.dailyQuota) else { return "Daily quota: counting this machine's calls…" }
        let line = "Daily quota: " + plan.summary(clock: { TimeText.minute($0, timeZone: state.timeZone) })
        return plan.fits ? line : "⚠ " + line
    }

    /// What "as-is" sends and what Entra is expected to make of it, so the 400 is explained in advance.
    private func asIsLines() -> [String] {
        guard let source = state.asIsSource else { return [] }
        var lines = ["As-is: \(source.name) byte for byte, \(plural(source.parts.count, "request")) as the file has them (no re-chunking, bulkIds and paths untouched)"]
        if state.changeGeneration != source.generation { lines.append("  edits made since the file was opened are not in it") }
        lines += source.expectedRejections.prefix(3).map { "  " + $0 }
        if source.expectedRejections.count > 3 { lines.append("  … and \(source.expectedRejections.count - 3) more documents expected to be refused") }
        if source.recordErrors > 0 { lines.append("  expect \(plural(source.recordErrors, "record error")) to fail in the provisioning logs, not at upload") }
        return lines
    }

    /// "Resend the failed": what it sends, and the failed users it cannot (gone from the workspace).
    private func failedLines(_ scopes: [SendScope]) -> [String] {
        scopes.flatMap { scope -> [String] in
            guard case .failed(let pick) = scope else { return [] }
            return ["  their current records, with the fixes made since the send"] + (pick.missingText.map { ["  ⚠ \($0) (not sent)"] } ?? [])
        }
    }

    private func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
}
