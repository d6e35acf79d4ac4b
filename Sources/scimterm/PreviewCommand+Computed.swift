import Mapping
import SCIM
import Settings

/// `preview --computed`: what Entra will set for each user, as the job's mapping computes it.
extension PreviewCommand {
    func printComputed(_ records: [UserRecord], findings: MappingFindings, out: inout StandardOutput) {
        let users = findings.compiled.evaluate(records: records.map(\.data), in: findings.context)
        if json {
            let all = zip(records, users).map { ComputedText.json($0.data, $1) }
            out.write(JSONWriter.pretty.bytes(.array(all)) + [0x0A])
            return
        }
        for (i, (record, user)) in zip(records, users).enumerated() {
            out.write((i == 0 ? "" : "\n") + ComputedText.heading(record.data, index: i, of: records.count) + "\n")
            out.write(ComputedText.table(user) + "\n")
        }
    }
}

/// The per-user table and JSON of `preview --computed`.
enum ComputedText {
    static func heading(_ record: JSONObject, index: Int, of count: Int) -> String {
        let id = record.attribute("externalId")?.stringValue.map { "externalId \($0)" } ?? "no externalId"
        let name = record.attribute("userName")?.stringValue.map { " (\($0))" } ?? ""
        return "user \(index + 1) of \(count): \(id)\(name)".visibleControlCharacters
    }

    /// TARGET, VALUE, FROM (the expression, source attribute or constant) and FLOW columns.
    static func table(_ user: ComputedUser) -> String {
        let rows = [["TARGET", "VALUE", "FROM", "FLOW"]] + user.attributes.map { a in
            [a.targetAttributeName, a.valueText, a.sourceText, flow(a)].map(\.visibleControlCharacters)
        }
        let widths = (0..<3).map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            "  " + (0..<3).map { row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
                + "  " + row[3]
        }.joined(separator: "\n")
    }

    static func flow(_ a: ComputedAttribute) -> String {
        var text = a.flowType
        if a.matchingPriority > 0 { text += ", matching \(a.matchingPriority)" }
        if !a.isDeterministic { text += ", varies per run" }
        if a.isRedacted { text += ", redacted in logs" }
        return text
    }

    static func json(_ record: JSONObject, _ user: ComputedUser) -> JSONValue {
        var o = JSONObject()
        o.append("externalId", record.attribute("externalId") ?? .null)
        o.append("attributes", .array(user.attributes.map(attribute)))
        return .object(o)
    }

    private static func attribute(_ a: ComputedAttribute) -> JSONValue {
        var o = JSONObject()
        o.append("target", .string(a.targetAttributeName))
        let (outcome, value) = outcome(a.outcome)
        o.append("outcome", .string(outcome))
        o.append("value", value)
        o.append("from", .string(a.sourceText))
        o.append("type", a.kind.map { .string($0.rawValue) } ?? .null)
        o.append("flowType", .string(a.flowType))
        o.append("matchingPriority", .number(JSONNumber(a.matchingPriority)))
        o.append("defaultValue", a.defaultValue.map { .string($0) } ?? .null)
        if let message = a.failureMessage { o.append("error", .string(message)) }
        return .object(o)
    }

    private static func outcome(_ outcome: ComputedAttribute.Outcome) -> (String, JSONValue) {
        switch outcome {
        case .value(.null), .null: return ("null", .null)
        case .value(.string(let s)): return ("value", .string(s))
        case .value(.multi(let values)): return ("value", .array(values.map { .string($0) }))
        case .defaulted(let s): return ("default", .string(s))
        case .ignored: return ("ignored", .null)
        case .failed: return ("failed", .null)
        }
    }
}
