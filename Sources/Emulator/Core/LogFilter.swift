import Foundation
import SCIM

/// The provisioning logs' `$filter` as Graph reads it (ENTRA.md §5): comparisons, `contains` and
/// `startswith`, `and`, `or` and parentheses on the documented properties. A filter that cannot be
/// read is a 400 naming the part, never an empty list: an operator who gets no entries must be able
/// to trust that there are none.
struct LogFilter: Sendable {
    /// nil: no filter, every entry matches.
    var root: LogFilterNode?

    /// Reads `text` for the API `version` ("v1.0" or "beta"); empty text is no filter.
    static func parse(_ text: String, version: String = "v1.0") -> Result<LogFilter, GraphError> {
        guard !text.allSatisfy(\.isWhitespace) else { return .success(LogFilter(root: nil)) }
        switch LogFilterToken.tokenize(text) {
        case .failure(let error):
            return .failure(.badRequest(error.message))
        case .success(let tokens):
            var parser = LogFilterParser(tokens: tokens, version: version, length: text.count)
            do throws(LogFilterError) {
                return .success(LogFilter(root: try parser.parse()))
            } catch {
                return .failure(.badRequest(error.message))
            }
        }
    }

    func matches(_ entry: ProvisioningLogEntry) -> Bool {
        root.map { $0.matches(entry) } ?? true
    }

    /// An ISO 8601 date-time with or without fractions of a second ("2025-05-01T10:00:00Z",
    /// "2025-05-01T10:00:00.1234567+02:00").
    static func date(_ text: String) -> Date? {
        let f = ISO8601DateFormatter()
        if let d = f.date(from: text) { return d }
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = f.date(from: text) { return d }
        // Graph writes seven digits of fraction; Foundation reads at most three.
        guard let dot = text.firstIndex(of: "."), let zone = text[dot...].firstIndex(where: { $0 == "Z" || $0 == "+" || $0 == "-" }) else { return nil }
        let digits = text[text.index(after: dot)..<zone]
        guard !digits.isEmpty, digits.allSatisfy(\.isNumber) else { return nil }
        return f.date(from: String(text[..<dot]) + "." + digits.prefix(3) + text[zone...])
    }
}

/// A `$filter` expression.
indirect enum LogFilterNode: Sendable {
    case or(LogFilterNode, LogFilterNode)
    case and(LogFilterNode, LogFilterNode)
    case compare(LogFilterField, Comparison, Value)
    case contains(LogFilterField, String)
    case startsWith(LogFilterField, String)

    enum Comparison: String, Sendable {
        case eq, ne, gt, ge, lt, le

        func holds<T: Comparable>(_ a: T, _ b: T) -> Bool {
            switch self {
            case .eq: return a == b
            case .ne: return a != b
            case .gt: return a > b
            case .ge: return a >= b
            case .lt: return a < b
            case .le: return a <= b
            }
        }
    }

    enum Value: Sendable {
        case text(String)
        case date(Date)
    }

    /// Values compare as they are written (Microsoft: "the filters are all case sensitive").
    /// A property the entry lacks is null: `ne` holds, every other test fails, as in OData.
    func matches(_ entry: ProvisioningLogEntry) -> Bool {
        switch self {
        case .or(let a, let b): return a.matches(entry) || b.matches(entry)
        case .and(let a, let b): return a.matches(entry) && b.matches(entry)
        case .contains(let field, let text): return field.values(in: entry.json).contains { $0.contains(text) }
        case .startsWith(let field, let text): return field.values(in: entry.json).contains { $0.hasPrefix(text) }
        case .compare(_, let op, .date(let date)):
            return op.holds(entry.activityDateTime, date)
        case .compare(let field, let op, .text(let text)):
            // jobId is on every entry and in nearly every filter: read the stored copy, not the JSON.
            let values = field.name == "jobId" ? [entry.jobId] : field.values(in: entry.json)
            if values.isEmpty { return op == .ne }
            return values.contains { op.holds($0, text) }
        }
    }
}
