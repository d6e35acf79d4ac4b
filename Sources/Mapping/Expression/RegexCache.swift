import Foundation

/// Compiled patterns shared by every evaluation: a mapping's Replace runs once per user, and
/// compiling its pattern each time would cost more than the rest of the expression.
final class RegexCache: @unchecked Sendable {
    static let shared = RegexCache()

    private var compiled: [String: NSRegularExpression] = [:]
    private let lock = NSLock()
    /// Bounded so an expression built from record values cannot grow it without end.
    private let limit = 256

    func regex(_ pattern: String) throws -> NSRegularExpression {
        lock.lock()
        let cached = compiled[pattern]
        lock.unlock()
        if let cached { return cached }
        let regex = try NSRegularExpression(pattern: pattern)
        lock.lock()
        if compiled.count >= limit { compiled.removeAll() }
        compiled[pattern] = regex
        lock.unlock()
        return regex
    }
}
