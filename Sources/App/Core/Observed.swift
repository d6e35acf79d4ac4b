import Foundation

/// A fact about Entra and when it was read: what scimterm shows about the tenant carries its age,
/// so a cached state is never shown as current.
public struct Observed<Value: Equatable & Sendable>: Equatable, Sendable {
    public var value: Value
    public var at: Date

    public init(_ value: Value, at: Date) {
        self.value = value
        self.at = at
    }

    /// "just now", "12 s ago", "3 min ago", "2 h ago" as of `now`.
    public func age(now: Date) -> String {
        let seconds = max(0, Int(now.timeIntervalSince(at)))
        switch seconds {
        case ..<2: return "just now"
        case ..<120: return "\(seconds) s ago"
        case ..<7200: return "\(seconds / 60) min ago"
        default: return "\(seconds / 3600) h ago"
        }
    }
}
