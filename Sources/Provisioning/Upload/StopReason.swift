import Foundation

/// Why a send stopped before its last document, with the documents left pending in the journal
/// (`send --resume` sends them). Unlike a cancel, the operator did not ask for it.
public enum StopReason: Sendable, Equatable, CustomStringConvertible {
    /// The tenant's daily bulkUpload quota is spent (or Graph asked to wait longer than a send
    /// waits). `resumeAfter` is when Graph said a call frees; nil when it did not say.
    case dailyQuota(resumeAfter: Date?, message: String)
    /// The caller's `callAllowance` (its quota plan) is used up: `calls` were made.
    case allowanceSpent(calls: Int)
    /// A failure that retrying cannot heal: TLS trust, DNS, an unreachable host, sign-in,
    /// a missing permission, a wrong URL. `reason` carries the fix.
    case cannotHeal(reason: String)
    /// Transient failures went on for the whole retry budget of one document.
    case retryBudgetSpent(reason: String)
    /// The journal could not be opened or written: sending on would leave documents whose fate
    /// nobody can tell afterwards, so the send stops instead of going on unjournaled.
    case journal(reason: String)

    public var description: String {
        switch self {
        case .dailyQuota(let resumeAfter, let message):
            let when = resumeAfter.map { "; calls free up at \(Self.timestamp($0))" } ?? ""
            return "stopped: the tenant's daily bulkUpload quota is spent (\(message))\(when)"
        case .allowanceSpent(let calls):
            return "stopped: the \(calls) calls the daily quota allows now are made"
        case .cannotHeal(let reason):
            return "stopped: \(reason)"
        case .retryBudgetSpent(let reason):
            return "stopped: \(reason)"
        case .journal(let reason):
            return "stopped: the send journal cannot be written (\(reason))"
        }
    }

    /// Whether waiting (for the quota window) is the whole fix, as opposed to changing something.
    public var isQuota: Bool {
        switch self {
        case .dailyQuota, .allowanceSpent: return true
        case .cannotHeal, .retryBudgetSpent, .journal: return false
        }
    }

    /// ISO 8601 in UTC: the caller formats local times ("resume after 14:05") itself, from the Date.
    static func timestamp(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }
}
