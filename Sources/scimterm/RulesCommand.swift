import ArgumentParser
import Foundation
import SCIM

/// `scimterm rules`: the rule registry, so an id seen in `validate` output (or one to filter on in a
/// script) can be looked up without reading the source.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every validation rule: id, severity, source (RFC section or Entra behaviour) and summary.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "Output format: text (a table) or json.")
    var format: Format = .text

    func run() throws {
        var out = StandardOutput()
        switch format {
        case .text: out.write(Self.table(RuleRegistry.all))
        case .json: out.write(JSONWriter.pretty.bytes(Self.json(RuleRegistry.all)) + [0x0A])
        }
        out.flush()
    }

    /// One rule a line, columns padded to the widest id and severity; the summary last, so it may run long.
    static func table(_ rules: [ValidationRule]) -> String {
        let idWidth = rules.map(\.id.count).max() ?? 0
        let severityWidth = rules.map { severities($0).count }.max() ?? 0
        return rules.map { rule in
            pad(rule.id, idWidth) + "  " + pad(severities(rule), severityWidth) + "  " + rule.summary + " [" + rule.source + "]\n"
        }.joined()
    }

    /// An array of `{id, severity, severities, source, summary}`: `severity` is the most severe.
    static func json(_ rules: [ValidationRule]) -> JSONValue {
        .array(rules.map { rule in
            .object([
                "id": .string(rule.id),
                "severity": .string(rule.severity.rawValue),
                "severities": .array(rule.severities.map { .string($0.rawValue) }),
                "source": .string(rule.source),
                "summary": .string(rule.summary),
            ])
        })
    }

    private static func severities(_ rule: ValidationRule) -> String {
        rule.severities.map(\.rawValue).joined(separator: "/")
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
