import Mapping
import TerminalUI

/// The "check with Entra" parts of the pane: the header line under the title and each row's mark
/// (✓ agrees, ≠ Entra computes something else, ? not asked or unanswered).
extension ComputedUserView {
    func drawCheckHeader(_ check: EntraCheck.Shown, into frame: inout ScreenBuffer, x: Int, y: Int, width: Int) {
        let (text, role): (String, ThemeRole)
        switch check {
        case .asking(let count):
            (text, role) = ("asking Entra's parseExpression about \(count) mapping\(count == 1 ? "" : "s")…", .muted)
        case .answered(let header, let verdicts):
            (text, role) = (header, verdicts.contains(where: \.isDisagreement) ? .warning : .success)
        case .stale:
            (text, role) = ("checked with Entra before this user was edited: \(checkKey) checks again", .muted)
        }
        frame.draw(text, x: x, y: y, width: width, style: context.style(role))
    }

    /// The verdict of the mapping at `index`, once the check has answered.
    func verdict(at index: Int) -> ExpressionCheck.Verdict? {
        guard case .answered(_, let verdicts)? = check, index < verdicts.count else { return nil }
        return verdicts[index]
    }

    static func mark(_ verdict: ExpressionCheck.Verdict) -> (String, ThemeRole) {
        switch verdict {
        case .agrees: return ("✓", .success)
        case .differs, .entraCouldNotParse, .entraFailedToEvaluate: return ("≠", .error)
        case .notAsked, .unanswered: return ("?", .muted)
        }
    }

    /// What Entra said where it disagrees, shown in place of the source.
    static func entraSays(_ verdict: ExpressionCheck.Verdict) -> String? {
        switch verdict {
        case .differs(let values):
            switch values.count {
            case 0: return "≠ Entra: nothing flows"
            case 1: return "≠ Entra: \"\(values[0])\""
            default: return "≠ Entra: [" + values.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
            }
        case .entraCouldNotParse(let reason): return "≠ Entra cannot parse it: " + reason
        case .entraFailedToEvaluate(let reason): return "≠ Entra fails: " + reason
        case .agrees, .notAsked, .unanswered: return nil
        }
    }
}
