import Foundation

/// The part of OData `$filter` the provisioning logs support (ENTRA.md §5): clauses on jobId,
/// sourceIdentity/id, cycleId, activityDateTime and status, joined by `and`.
struct LogFilter: Sendable {
    struct Clause: Sendable {
        var field: String
        var op: String
        var value: String
    }

    var clauses: [Clause]

    static let fields = ["jobid", "sourceidentity/id", "cycleid", "activitydatetime", "provisioningstatusinfo/status", "provisioningaction"]

    /// Parses `jobId eq 'X' and activityDateTime gt 2024-05-01T00:00:00Z`; nil with a reason otherwise.
    static func parse(_ text: String) -> Result<LogFilter, GraphError> {
        var clauses: [Clause] = []
        let pieces = text.components(separatedBy: " and ").flatMap { $0.components(separatedBy: " AND ") }
        for piece in pieces where !piece.trimmingCharacters(in: .whitespaces).isEmpty {
            let words = piece.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 2).map(String.init)
            guard words.count == 3, fields.contains(words[0].lowercased()),
                ["eq", "ne", "gt", "ge", "lt", "le"].contains(words[1].lowercased())
            else { return .failure(.badRequest("Invalid filter clause: '\(piece)'")) }
            var value = words[2]
            if value.hasPrefix("'"), value.hasSuffix("'"), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            clauses.append(Clause(field: words[0].lowercased(), op: words[1].lowercased(), value: value))
        }
        return .success(LogFilter(clauses: clauses))
    }

    func matches(_ e: ProvisioningLogEntry) -> Bool {
        clauses.allSatisfy { c in
            switch c.field {
            case "jobid": return compare(e.jobId.lowercased(), c.value.lowercased(), c.op)
            case "sourceidentity/id": return compare(e.sourceId, c.value, c.op)
            case "cycleid": return compare(e.cycleId, c.value, c.op)
            case "provisioningstatusinfo/status": return compare(e.status, c.value, c.op)
            case "provisioningaction":
                return compare(e.json.objectValue?["provisioningAction"]?.stringValue ?? "", c.value, c.op)
            case "activitydatetime":
                guard let date = LogFilter.date(c.value) else { return false }
                return compare(e.activityDateTime, date, c.op)
            default: return false
            }
        }
    }

    private func compare<T: Comparable>(_ a: T, _ b: T, _ op: String) -> Bool {
        switch op {
        case "eq": return a == b
        case "ne": return a != b
        case "gt": return a > b
        case "ge": return a >= b
        case "lt": return a < b
        default: return a <= b
        }
    }

    static func date(_ text: String) -> Date? {
        let f = ISO8601DateFormatter()
        if let d = f.date(from: text) { return d }
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.date(from: text)
    }
}
