import Foundation
import Mapping
import TerminalUI

/// "Check with Entra" (the form's F7 / alt-c, Preview's `c`): the selected user's mappings asked of
/// the job's parseExpression, off the loop, and the answers compared with the local evaluator.
extension AppState {
    /// Starts a check of `recordID`'s mappings; says why not when there is no connection or user.
    mutating func startEntraCheck(recordID: Int?, effects: inout [AppEffect]) {
        guard connect.jobState != nil else {
            message = StatusMessage("check with Entra needs a connection: test it on Connect (1) first", .warning)
            return
        }
        guard let id = recordID, let record = store.entry(id: id)?.record else {
            message = StatusMessage("no user selected: pick one on Users (2)", .warning)
            return
        }
        let local = entraMapping.compute(record, now: clock)
        let items = ExpressionCheck.plan(entraMapping.compiled, schema: entraMapping.schema, record: record.data, computed: local)
        let asked = items.filter { $0.request != nil }.count
        guard asked > 0 else {
            message = StatusMessage("nothing to ask Entra: every mapping is a constant or gives another value each time", .warning)
            return
        }
        let generation = (entraMapping.check?.generation ?? 0) + 1
        entraMapping.check = EntraCheck(generation: generation, recordID: id, record: record, items: items, local: local)
        effects.append(.checkWithEntra(connect.request, items, generation: generation))
        message = StatusMessage("asking Entra's parseExpression about \(asked) mapping\(asked == 1 ? "" : "s")…")
    }

    /// Entra's answers become the marks, if they answer the check still shown (not an older one,
    /// nor one made against a mapping since replaced).
    mutating func entraChecked(generation: Int, items: [ExpressionCheck.Item], _ replies: [ExpressionCheck.Reply], at: Date) {
        guard var check = entraMapping.check, check.generation == generation, check.items == items, check.progress == .asking else { return }
        clock = max(clock, at)
        let verdicts = check.verdicts(replies)
        check.progress = .answered(at: at, verdicts: verdicts)
        entraMapping.check = check
        let tally = ExpressionCheck.Tally(verdicts)
        let level: MessageLevel = tally.differ > 0 || tally.unanswered > 0 ? .warning : .success
        message = StatusMessage("checked with Entra: \(tally.text)" + (Self.firstUnanswered(verdicts).map { " (\($0))" } ?? ""), level)
    }

    /// Why a call went unanswered, said once in the status line (the rows only mark it).
    private static func firstUnanswered(_ verdicts: [ExpressionCheck.Verdict]) -> String? {
        for verdict in verdicts { if case .unanswered(let reason) = verdict { return reason } }
        return nil
    }
}
