import Foundation
import Mapping
import SCIM

/// A "check with Entra" of one user's mappings: the record content it was made for, the questions
/// asked, and once answered each mapping's verdict. It belongs to that content: after an edit the
/// marks are stale and never shown beside the new values.
public struct EntraCheck: Sendable, Equatable {
    public enum Progress: Sendable, Equatable {
        case asking
        case answered(at: Date, verdicts: [ExpressionCheck.Verdict])
    }

    public var generation: Int
    public var recordID: Int
    /// The record as it was when checked.
    public var record: UserRecord
    public var items: [ExpressionCheck.Item]
    /// The local result the answers are compared with (computed when the check started).
    public var local: ComputedUser
    public var progress: Progress

    public init(generation: Int, recordID: Int, record: UserRecord, items: [ExpressionCheck.Item], local: ComputedUser,
                progress: Progress = .asking) {
        self.generation = generation
        self.recordID = recordID
        self.record = record
        self.items = items
        self.local = local
        self.progress = progress
    }

    /// What the pane shows for a user: nothing when the check was of another user.
    public enum Shown: Sendable, Equatable {
        case asking(count: Int)
        case answered(header: String, verdicts: [ExpressionCheck.Verdict])
        /// The user changed since: the marks are dropped.
        case stale
    }

    /// The check as shown beside `record` (the user as it is now), its age on the App's clock: nil
    /// for another user, `.stale` for this user edited since (its externalId is what says "this user").
    public func shown(for record: UserRecord?, now: Date) -> Shown? {
        guard let record else { return nil }
        guard record == self.record else { return record.externalId == self.record.externalId ? .stale : nil }
        switch progress {
        case .asking: return .asking(count: items.filter { $0.request != nil }.count)
        case .answered(let at, let verdicts):
            return .answered(header: "checked with Entra \(Self.age(from: at, to: now)): \(ExpressionCheck.Tally(verdicts).text)",
                             verdicts: verdicts)
        }
    }

    /// The answers compared with the local result, item by item.
    public func verdicts(_ replies: [ExpressionCheck.Reply]) -> [ExpressionCheck.Verdict] {
        items.enumerated().map { index, item in
            guard index < replies.count, index < local.attributes.count else { return .unanswered("no answer") }
            return ExpressionCheck.verdict(item, local: local.attributes[index], reply: replies[index])
        }
    }

    /// "12 s ago" under a minute (a check is read right after it is made), else as the mapping's age.
    static func age(from then: Date, to now: Date) -> String {
        let seconds = max(0, Int(now.timeIntervalSince(then)))
        return seconds < 60 ? "\(seconds) s ago" : EntraMapping.age(from: then, to: now)
    }
}
