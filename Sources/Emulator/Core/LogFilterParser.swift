import Foundation

/// A recursive-descent reader of the `$filter` grammar the provisioning logs accept:
///
///     filter     = or
///     or         = and *( "or" and )
///     and        = primary *( "and" primary )
///     primary    = "(" or ")" / function / comparison
///     function   = ( "contains" / "startswith" ) "(" property "," string ")"
///     comparison = property ( "eq" / "ne" / "gt" / "ge" / "lt" / "le" ) value
///
/// Keywords, operators, function and property names are case-insensitive; values are not.
/// `not`, other functions and operators are refused by name: Microsoft documents none of them here.
struct LogFilterParser {
    private let tokens: [LogFilterToken]
    private let version: String
    /// Where the text ends, for "expected … at the end".
    private let end: Int
    private var index = 0

    static let comparisons: Set<String> = ["eq", "ne", "gt", "ge", "lt", "le"]
    static let functions: Set<String> = ["contains", "startswith"]
    /// OData operators and functions a reader may try; named in the error rather than called unknown.
    static let otherOperators: Set<String> = ["has", "in", "add", "sub", "mul", "div", "divby", "mod"]
    static let otherFunctions: Set<String> = ["endswith", "tolower", "toupper", "trim", "length", "indexof", "substring",
                                              "concat", "year", "month", "day", "hour", "minute", "second", "date", "time",
                                              "any", "all", "matchespattern", "cast", "isof"]

    init(tokens: [LogFilterToken], version: String, length: Int) {
        self.tokens = tokens
        self.version = version
        end = length
    }

    /// The whole filter as one expression; anything left over is an error where it starts.
    mutating func parse() throws(LogFilterError) -> LogFilterNode {
        let node = try parseOr()
        if let extra = peek { throw LogFilterError("unexpected '\(extra.text)'", at: extra.position, hint: "join clauses with and / or") }
        return node
    }

    private var peek: LogFilterToken? { index < tokens.count ? tokens[index] : nil }

    private mutating func next(_ expected: String) throws(LogFilterError) -> LogFilterToken {
        guard let token = peek else { throw LogFilterError("the filter ends where \(expected) is expected", at: end) }
        index += 1
        return token
    }

    private mutating func parseOr() throws(LogFilterError) -> LogFilterNode {
        var node = try parseAnd()
        while peek?.keyword == "or" {
            index += 1
            node = .or(node, try parseAnd())
        }
        return node
    }

    private mutating func parseAnd() throws(LogFilterError) -> LogFilterNode {
        var node = try parsePrimary()
        while peek?.keyword == "and" {
            index += 1
            node = .and(node, try parsePrimary())
        }
        return node
    }

    private mutating func parsePrimary() throws(LogFilterError) -> LogFilterNode {
        let token = try next("a clause such as jobId eq '…'")
        switch token.kind {
        case .open:
            let inner = try parseOr()
            let close = try next("')'")
            guard close.kind == .close else { throw LogFilterError("expected ')' but found '\(close.text)'", at: close.position) }
            return inner
        case .word(let word):
            if word.lowercased() == "not" {
                throw LogFilterError("'not'", at: token.position, hint: "the provisioning logs do not document it; use ne, or the opposite comparison")
            }
            if peek?.kind == .open { return try parseFunction(word, at: token.position) }
            return try parseComparison(word, at: token.position)
        default:
            throw LogFilterError("unexpected '\(token.text)'", at: token.position, hint: "a clause starts with a property, a function or '('")
        }
    }

    private mutating func parseFunction(_ name: String, at position: Int) throws(LogFilterError) -> LogFilterNode {
        let lower = name.lowercased()
        guard Self.functions.contains(lower) else {
            let what = Self.otherFunctions.contains(lower) ? "function '\(name)'" : "unknown function '\(name)'"
            throw LogFilterError(what, at: position, hint: "the provisioning logs support contains() and startswith()")
        }
        index += 1  // the "(" seen by the caller
        let fieldToken = try next("a property in \(lower)()")
        guard case .word(let fieldName) = fieldToken.kind else {
            throw LogFilterError("expected a property but found '\(fieldToken.text)'", at: fieldToken.position, hint: "write \(lower)(property,'text')")
        }
        let field = try Self.lookup(fieldName, version, fieldToken.position)
        if field.isDate { throw LogFilterError("\(lower)() on the date \(field.name)", at: fieldToken.position, hint: "compare dates with ge, gt, le or lt") }
        let comma = try next("',' in \(lower)()")
        guard comma.kind == .comma else { throw LogFilterError("expected ',' but found '\(comma.text)'", at: comma.position) }
        let valueToken = try next("a quoted string in \(lower)()")
        guard case .string(let text) = valueToken.kind else {
            throw LogFilterError("expected a quoted string but found '\(valueToken.text)'", at: valueToken.position, hint: "write \(lower)(\(field.name),'text')")
        }
        let close = try next("')' to close \(lower)(")
        guard close.kind == .close else { throw LogFilterError("expected ')' but found '\(close.text)'", at: close.position) }
        return lower == "contains" ? .contains(field, text) : .startsWith(field, text)
    }

    private mutating func parseComparison(_ name: String, at position: Int) throws(LogFilterError) -> LogFilterNode {
        let field = try Self.lookup(name, version, position)
        let opToken = try next("an operator (eq, ne, gt, ge, lt, le) after \(field.name)")
        guard let op = opToken.keyword, let comparison = LogFilterNode.Comparison(rawValue: op) else {
            let what = opToken.keyword.map { Self.otherOperators.contains($0) } == true ? "operator '\(opToken.text)'" : "expected an operator but found '\(opToken.text)'"
            throw LogFilterError(what, at: opToken.position, hint: "the provisioning logs support eq, ne, gt, ge, lt and le")
        }
        let valueToken = try next("a value after \(op)")
        return .compare(field, comparison, try Self.value(valueToken, for: field))
    }

    private static func lookup(_ word: String, _ version: String, _ position: Int) throws(LogFilterError) -> LogFilterField {
        switch LogFilterField.lookup(word, version: version, at: position) {
        case .success(let field): return field
        case .failure(let error): throw error
        }
    }

    /// A date-time for `activityDateTime` (unquoted, as OData writes DateTimeOffset), a quoted string
    /// for every other property.
    private static func value(_ token: LogFilterToken, for field: LogFilterField) throws(LogFilterError) -> LogFilterNode.Value {
        switch (token.kind, field.isDate) {
        case (.word(let word), true):
            guard let date = LogFilter.date(word) else {
                throw LogFilterError("'\(word)' is not a date-time", at: token.position, hint: "write it as 2025-05-01T10:00:00Z")
            }
            return .date(date)
        case (.string(let text), true):
            throw LogFilterError("quoted date '\(text)'", at: token.position, hint: "\(field.name) takes an unquoted date-time such as 2025-05-01T10:00:00Z")
        case (.string(let text), false):
            return .text(text)
        default:
            throw LogFilterError("expected a quoted string but found '\(token.text)'", at: token.position, hint: "\(field.name) compares with a value in single quotes")
        }
    }
}
