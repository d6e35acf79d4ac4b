import SCIM

/// What an import read and what it could not: the summary shown after opening a payload or CSV.
///
/// "Rejected" are parts of the file that did not become users (an operation with no object
/// `data`, a JSON value that is no user, an array item that is no object); "left out" are CSV
/// values that did not fit their attribute and were dropped from an otherwise imported row.
public struct ImportReport: Sendable, Equatable {
    public var users: Int
    public var format: String
    public var rejected: [String]
    public var leftOut: [String]
    public var errors: Int
    public var warnings: Int

    static let rejectingRules: Set<String> = [
        "input.unrecognised", "input.item.type", "bulk.operations.missing", "bulk.operations.type",
        "bulk.operation.type", "bulk.data.missing", "bulk.data.type",
    ]

    public init(users: Int, format: String, diagnostics: [Diagnostic]) {
        self.users = users
        self.format = format
        let ordered = DiagnosticText.sorted(diagnostics)
        rejected = ordered.filter { Self.rejectingRules.contains($0.rule) }.map(Self.line)
        leftOut = ordered.filter { $0.rule.hasPrefix("csv.value.") || $0.rule == "csv.row.columns" }.map(Self.line)
        errors = diagnostics.errorCount
        warnings = diagnostics.warningCount
    }

    /// One line for the status bar.
    public var headline: String {
        var text = "read \(users) user\(users == 1 ? "" : "s") (\(format))"
        if !rejected.isEmpty { text += ", \(rejected.count) rejected" }
        if !leftOut.isEmpty { text += ", \(leftOut.count) CSV value\(leftOut.count == 1 ? "" : "s") left out or rows to check" }
        if errors + warnings > 0 { text += "; \(errors) errors and \(warnings) warnings to look at" }
        return text
    }

    /// The dialog text when something was rejected or left out, listing the first of each.
    public func details(limit: Int = 6) -> String? {
        guard !rejected.isEmpty || !leftOut.isEmpty else { return nil }
        var lines = ["Read \(users) user\(users == 1 ? "" : "s") from this \(format) file."]
        func list(_ title: String, _ items: [String]) {
            guard !items.isEmpty else { return }
            lines.append("")
            lines.append(title)
            lines += items.prefix(limit).map { "  " + $0 }
            if items.count > limit { lines.append("  … and \(items.count - limit) more") }
        }
        list("Not imported (\(rejected.count)):", rejected)
        list("Imported with a problem (\(leftOut.count)):", leftOut)
        lines.append("")
        lines.append("`scimterm validate FILE` lists every one with its line and column.")
        return lines.joined(separator: "\n")
    }

    private static func line(_ d: Diagnostic) -> String {
        let place = d.position.map { "line \($0.line):\($0.column)" } ?? d.record.map { "record \($0 + 1)" } ?? "file"
        return "\(place): \(d.message)"
    }
}
