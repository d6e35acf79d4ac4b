import ArgumentParser
import Foundation
import Mapping
import SCIM
import Settings

/// `scimterm evaluate 'EXPRESSION'`: what an Entra attribute-mapping expression computes for one
/// set of inputs, like the portal's "test expression" box, offline.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Evaluate an Entra attribute-mapping expression for one user.",
        discussion: """
            Reads attributes from --attribute NAME=VALUE (repeat a name for a multi-valued attribute) and/or \
            a user record (--record FILE --external-id ID; attributes by SCIM path, e.g. [name.givenName], \
            [emails[type eq "work"].value], [urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department]). \
            Prints the result as JSON: a string, an array, or null when the attribute would not flow. \
            Now(), Guid() and RandomString() are allowed; stderr notes that the result varies. \
            Exit status: 0 evaluated; 1 the expression fails for these inputs (Entra would fail the \
            attribute); 2 the expression does not parse (stderr shows the column) or the inputs cannot be read.
            """)

    @Argument(help: ArgumentHelp("The expression, e.g. 'Join(\"@\", [mailNickname], \"contoso.com\")'.", valueName: "EXPRESSION"))
    var expression: String

    @Option(name: .long, help: ArgumentHelp("An input attribute (repeatable).", valueName: "NAME=VALUE"))
    var attribute: [String] = []

    @Option(name: .long, help: ArgumentHelp("A payload, JSON Lines, user or CSV file to read the user from.", valueName: "FILE"))
    var record: String?

    @Option(name: .long, help: ArgumentHelp("The externalId of the user in --record (needed when it holds several).", valueName: "ID"))
    var externalId: String?

    @Option(name: .long, help: ArgumentHelp("What Now() answers (ISO 8601, e.g. 2026-12-05T09:00:00Z); default: the clock.", valueName: "ISO8601"))
    var now: String?

    @Option(name: .long, help: ArgumentHelp("What DefaultDomain() answers.", valueName: "DOMAIN"))
    var defaultDomain: String?

    @Option(name: .long, help: ArgumentHelp("Seed RandomString() for a reproducible result.", valueName: "N"))
    var seed: UInt64?

    @OptionGroup var input: InputOptions

    func run() throws {
        let parsed = try parse()
        let context = EvaluationContext(attributes: try inputs(), now: try MappingOptions.instant(now),
                                        random: seed.map(RandomSource.seeded) ?? .system, defaultDomain: defaultDomain)
        let result = parsed.evaluate(in: context)
        for note in EvaluationNotes.lines(for: result) { StandardError.write(note.visibleControlCharacters) }
        var out = StandardOutput()
        out.write(JSONWriter.compact.bytes(EvaluationNotes.json(result)) + [0x0A])
        out.flush()
        if result.failure != nil { throw ExitCode(1) }
    }

    private func parse() throws -> EntraExpression {
        do {
            return try EntraExpression.parse(expression)
        } catch {
            StandardError.write("scimterm: the expression does not parse: \(error.description.visibleControlCharacters)")
            StandardError.write(EvaluationNotes.caret(under: expression, column: error.column))
            throw ExitCode(2)
        }
    }

    private func inputs() throws -> AttributeInputs {
        var inputs = AttributeInputs([:], record: try recordData())
        for pair in attribute {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw ValidationError("--attribute needs NAME=VALUE, found \"\(pair)\"")
            }
            inputs.add(String(pair[..<equals]), String(pair[pair.index(after: equals)...]))
        }
        return inputs
    }

    private func recordData() throws -> JSONObject? {
        guard let record else {
            if externalId != nil { throw ValidationError("--external-id needs --record FILE") }
            return nil
        }
        let users = try input.load(record).records
        if let externalId {
            guard let user = users.first(where: { $0.externalId == externalId }) else {
                StandardError.write("scimterm: \(record): no user with externalId \"\(externalId)\" (\(users.count) \(plural(users.count, "user")) read)")
                throw ExitCode(2)
            }
            return user.data
        }
        guard users.count == 1, let only = users.first else {
            StandardError.write("scimterm: \(record) holds \(users.count) users; name one with --external-id ID")
            throw ExitCode(2)
        }
        return only.data
    }
}

/// How `evaluate` shows a result: JSON on stdout, what else a person should know on stderr.
enum EvaluationNotes {
    static func json(_ result: EvaluationResult) -> JSONValue {
        switch result.flowingValue {
        case .string(let text)?: return .string(text)
        case .multi(let values)?: return .array(values.map(JSONValue.string))
        case .null?, nil: return .null
        }
    }

    static func lines(for result: EvaluationResult) -> [String] {
        var notes: [String] = []
        switch result.outcome {
        case .failed(let failure): notes.append("scimterm: evaluation fails: \(failure.description)")
        case .ignored: notes.append("note: IgnoreFlowIfNullOrEmpty: the value is null or empty, so the attribute does not flow")
        case .value(.null): notes.append("note: the value is null (an attribute it reads is absent), so the attribute does not flow")
        case .value: break
        }
        if !result.isDeterministic {
            let names = result.nonDeterministicFunctions.map { "\($0.rawValue)()" }.joined(separator: ", ")
            notes.append("note: non-deterministic: \(names) vary from one evaluation to the next")
        }
        if result.isRedacted { notes.append("note: Redact: Entra's provisioning logs show [Redact] instead of this value") }
        return notes
    }

    /// The expression on one line (line breaks and tabs as spaces, other control characters as "?",
    /// one for one so columns still count characters) and a caret under the column.
    static func caret(under expression: String, column: Int) -> String {
        let flat = String(expression.map { $0.isWhitespace ? " " : ($0.unicodeScalars.contains { $0.properties.generalCategory == .control } ? "?" : $0) })
        return "  " + flat + "\n  " + String(repeating: " ", count: max(0, column - 1)) + "^"
    }
}
