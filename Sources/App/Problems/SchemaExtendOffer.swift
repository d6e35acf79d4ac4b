import Foundation
import Mapping
import Provisioning
import SCIM
import TerminalUI

/// "Add to the job's schema" from an "accepted and ignored" finding (issue 12 §4), as `scimterm
/// schema extend --apply` does it: the diff for every attribute the workspace's users carry that
/// the schema lacks, the restart it causes and the uploads that restart purges, Cancel first.
/// Only against the job's own schema: a `--schema` file would not change, so the CLI is suggested.
enum SchemaExtendOffer {
    static let title = "Add to the job's schema?"
    static let buttons = ["Add and restart the job", "Cancel"]
    /// Diff lines shown; the rest are counted (the dialog must fit 80×24).
    static let shownLines = 6
    /// The URN custom attributes without one of their own go under (ENTRA.md leaves it to us).
    static let fallbackURN = "urn:ietf:params:scim:schemas:extension:scimterm:1.0:User"

    /// Why `x` cannot offer it for this finding and mapping; nil when it can.
    static func refusal(_ d: Diagnostic, mapping: EntraMapping, check: MappingCheck?, connected: Bool) -> StatusMessage? {
        guard d.rule == MappingCheck.unreadRule else {
            return StatusMessage("x adds an attribute the mapping does not read: pick an \"accepted and ignored\" finding", .warning)
        }
        switch mapping.origin {
        case .microsoftDefault:
            return StatusMessage("the mapping is Microsoft's default stand-in: connect to read the job's schema first", .warning)
        case .file(let path):
            let name = (path as NSString).lastPathComponent
            return StatusMessage("the mapping is the file \(name), which this would not change: run `scimterm schema extend --from FILE --urn URN --apply` "
                + "with the connection options to extend the job's schema", .warning)
        case .job:
            break
        }
        guard connected else { return StatusMessage("not connected: test the connection (1) to write the job's schema", .warning) }
        if let name = MappingCheck.attributeName(d.path), check?.isDeclared(name) == true {
            return StatusMessage("\(name) is in the job's schema already: it needs a mapping (the app's Provisioning > Attribute mapping)", .warning)
        }
        return nil
    }

    /// The URN of the finding's attribute, else the first custom extension the users carry.
    static func urn(for d: Diagnostic, records: [UserRecord]) -> String {
        if let name = MappingCheck.attributeName(d.path), let urn = MappingCheck.customURN(of: name) { return urn }
        for record in records {
            for key in record.data.keys where key.lowercased().hasPrefix("urn:") && AttributeCatalog.standard.schema(key) == nil {
                return key
            }
        }
        return fallbackURN
    }

    static func dialog(_ plan: SchemaExtendPlan, mapping: String, changed: Bool = false) -> Overlay {
        .dialog(DialogState(kind: .confirm, title: changed ? "The job's schema changed: add these instead?" : title,
                            message: message(plan, mapping: mapping, changed: changed),
                            buttons: buttons, selectedButton: 1), .extendSchema(plan))
    }

    static func message(_ plan: SchemaExtendPlan, mapping: String, changed: Bool) -> String {
        var lines = [(changed ? "Read again just now, the job's schema" : "The job's schema (\(mapping))")
            + " lacks \(counted(plan.diffLines.count, "attribute")) the workspace's users carry. The PUT adds to the API directory's User object:"]
        lines += plan.diffLines.prefix(shownLines)
        if plan.diffLines.count > shownLines { lines.append("… and \(plan.diffLines.count - shownLines) more") }
        if !plan.skipped.isEmpty { lines.append("Left out: " + plan.skipped.joined(separator: "; ")) }
        lines.append("Definitions only, no mapping: Entra keeps ignoring them until a mapping reads them (Attribute mapping in the portal).")
        lines.append("Writing the schema restarts the job with a full cycle: " + restartLine(plan))
        return lines.joined(separator: "\n")
    }

    /// "1 upload", "3 uploads".
    static func counted(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

    static func restartLine(_ plan: SchemaExtendPlan) -> String {
        if plan.readingImpact { return "reading how many accepted uploads it would purge…" }
        guard let impact = plan.impact else { return "uploads accepted but not yet processed are purged (no send journal to count them)." }
        guard !impact.pending.isEmpty else { return "no upload is accepted and waiting to be processed, so none is purged." }
        return "\(counted(impact.pending.count, "upload")) (\(counted(impact.users, "user"))) accepted but not yet processed are purged; "
            + "scimterm marks them \"purged by restart\" and offers to send them again."
            + (impact.logsProblem.map { " (The logs could not be read: \($0); every accepted upload not yet seen counts.)" } ?? "")
    }
}

extension AppState {
    /// `x` on a finding in the Problems list.
    mutating func offerSchemaExtend(_ d: Diagnostic, effects: inout [AppEffect]) {
        let connected = connect.missing == nil
        if let refusal = SchemaExtendOffer.refusal(d, mapping: entraMapping, check: mappingCheck, connected: connected) {
            message = refusal
            return
        }
        let records = store.entries.map(\.record)
        let urn = SchemaExtendOffer.urn(for: d, records: records)
        guard var plan = SchemaExtendPlan.make(schema: entraMapping.schema, records: records, urn: urn) else {
            message = StatusMessage("the job's schema has no API directory with a User object: nowhere to declare attributes", .error)
            return
        }
        guard !plan.diffLines.isEmpty else {
            message = StatusMessage("the job's schema declares every attribute the users carry; what is ignored needs a mapping", .warning)
            return
        }
        if let journalPath {
            plan.readingImpact = true
            effects.append(.readRestartImpact(connect.request, journalPath: journalPath))
        }
        overlay = SchemaExtendOffer.dialog(plan, mapping: MappingCheck.label(entraMapping.origin, now: clock))
    }

    /// What the restart would purge was read: the open confirmation says it.
    mutating func schemaExtendImpactRead(_ impact: RestartImpact) {
        guard case .dialog(let dialog, .extendSchema(var plan))? = overlay, plan.readingImpact else { return }
        plan.readingImpact = false
        plan.impact = impact
        let changed = dialog.title != SchemaExtendOffer.title
        guard case .dialog(var next, let purpose) = SchemaExtendOffer.dialog(plan, mapping: MappingCheck.label(entraMapping.origin, now: clock),
                                                                           changed: changed) else { return }
        next.selectedButton = dialog.selectedButton
        overlay = .dialog(next, purpose)
    }

    /// The confirmation's answer: only its first button writes.
    mutating func extendSchemaAnswered(_ plan: SchemaExtendPlan, button: Int, effects: inout [AppEffect]) {
        guard button == 0 else {
            message = StatusMessage("the job's schema is unchanged")
            return
        }
        message = StatusMessage("reading the job's schema again, then writing it…")
        effects.append(.extendSchema(connect.request, plan, journalPath: journalPath))
    }

    /// The runner's answer: the schema read back re-validates every user; a changed schema asks again.
    mutating func schemaExtended(_ outcome: SchemaExtendOutcome, at: Date, effects: inout [AppEffect]) {
        clock = max(clock, at)
        switch outcome {
        case .extended(let added, let repulled, let purged):
            var text = "added \(SchemaExtendOffer.counted(added, "attribute definition")) to the job's schema; the job restarts with a full cycle"
            if case .failed(let reason) = repulled { text += "; reading it back failed: \(reason)" }
            message = StatusMessage(text, .success)
            schemaPulled(repulled, at: at, effects: &effects)
            resumableFound(purged)
        case .changed(let plan):
            overlay = SchemaExtendOffer.dialog(plan, mapping: MappingCheck.label(entraMapping.origin, now: clock), changed: true)
        case .nothingToAdd:
            message = StatusMessage("the job's schema already declares them (changed meanwhile); nothing written", .warning)
            effects.append(.pullSchema(connect.request))
        case .failed(let reason):
            message = StatusMessage("the job's schema is unchanged: \(reason)", .error)
        }
    }
}
