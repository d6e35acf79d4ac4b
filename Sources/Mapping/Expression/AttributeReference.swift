/// `[name]` in an expression: a name in the flat attribute bag, or a SCIM path into a user record
/// (`name.givenName`, `emails[type eq "work"].value`, `urn:…:enterprise:2.0:User:manager.value`).
/// The path is parsed once, with the expression, so evaluating many records does not re-read it.
/// Everything lives behind one reference: the evaluator copies a reference per `[name]` per user,
/// and one retain is cheaper than one per string and array inside.
public struct AttributeReference: Sendable, Equatable, Hashable {
    private final class Storage: Sendable {
        let name: String
        let lowercasedName: String
        let path: SCIMAttributePath

        init(_ name: String) {
            self.name = name
            lowercasedName = name.lowercased()
            path = SCIMAttributePath(name)
        }
    }

    private let storage: Storage

    public init(_ name: String) {
        storage = Storage(name)
    }

    public var name: String { storage.name }
    var lowercasedName: String { storage.lowercasedName }
    var path: SCIMAttributePath { storage.path }

    /// Everything else is derived from the name.
    public static func == (a: AttributeReference, b: AttributeReference) -> Bool {
        a.storage === b.storage || a.name == b.name
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
    }
}

/// A SCIM attribute path: an optional schema URN, then dotted segments, each with an optional
/// `[attr eq "value"]` filter. The path, its segments and filters are immutable objects: the
/// resolver reads them for every user, and one reference costs less to copy than the strings inside.
final class SCIMAttributePath: Sendable {
    final class Filter: Sendable, Equatable {
        let attribute: String
        let value: String
        let key: AttributeKey
        private let loweredValue: String

        init(attribute: String, value: String) {
            self.attribute = attribute
            self.value = value
            key = AttributeKey(attribute)
            loweredValue = value.lowercased()
        }

        /// SCIM compares these without case (`type` is caseExact false); most payloads match exactly.
        func accepts(_ text: String) -> Bool {
            text == value || text.lowercased() == loweredValue
        }

        static func == (a: Filter, b: Filter) -> Bool {
            a.attribute == b.attribute && a.value == b.value
        }
    }

    final class Segment: Sendable {
        let name: String
        let filter: Filter?
        let key: AttributeKey

        init(name: String, filter: Filter?) {
            self.name = name
            self.filter = filter
            key = AttributeKey(name)
        }
    }

    let urn: String?
    /// The URN's member name, looked up in each record.
    let urnKey: AttributeKey?
    let segments: [Segment]
    /// `urn:…:core:2.0:User:userName` reads the top level like `userName`.
    let isCoreURN: Bool
    let hasFilter: Bool

    init(_ text: String) {
        var rest = Substring(text)
        var urn: String?
        if text.lowercased().hasPrefix("urn:"), let colon = Self.lastTopLevelColon(in: rest) {
            urn = String(rest[..<colon])
            rest = rest[rest.index(after: colon)...]
        }
        self.urn = urn
        urnKey = urn.map(AttributeKey.init)
        segments = Self.topLevelSplit(rest, on: ".").map(Self.segment)
        isCoreURN = urn?.lowercased() == "urn:ietf:params:scim:schemas:core:2.0:user"
        hasFilter = segments.contains { $0.filter != nil }
    }

    private static func lastTopLevelColon(in text: Substring) -> Substring.Index? {
        var depth = 0
        var quoted = false
        var found: Substring.Index?
        for index in text.indices {
            let c = text[index]
            if c == "\"" { quoted.toggle() }
            if quoted { continue }
            if c == "[" { depth += 1 } else if c == "]" { depth -= 1 } else if c == ":" && depth == 0 { found = index }
        }
        return found
    }

    private static func topLevelSplit(_ text: Substring, on separator: Character) -> [Substring] {
        var parts: [Substring] = []
        var depth = 0
        var quoted = false
        var start = text.startIndex
        for index in text.indices {
            let c = text[index]
            if c == "\"" { quoted.toggle() }
            if quoted { continue }
            if c == "[" { depth += 1 } else if c == "]" { depth -= 1 }
            if c == separator && depth == 0 {
                parts.append(text[start..<index])
                start = text.index(after: index)
            }
        }
        parts.append(text[start...])
        return parts
    }

    private static func segment(_ text: Substring) -> Segment {
        guard let open = text.firstIndex(of: "["), text.last == "]" else {
            return Segment(name: String(text).trimmingSpaces, filter: nil)
        }
        let name = String(text[..<open]).trimmingSpaces
        let inner = text[text.index(after: open)..<text.index(before: text.endIndex)]
        return Segment(name: name, filter: filter(inner))
    }

    /// Only `attr eq value` is meaningful in an Entra source attribute name; anything else matches nothing.
    private static func filter(_ text: Substring) -> Filter? {
        let words = text.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        guard words.count == 3, words[1].lowercased() == "eq" else {
            return Filter(attribute: "", value: "\u{0}unsupported filter")
        }
        var value = String(words[2]).trimmingSpaces
        if value.count >= 2, value.first == "\"", value.last == "\"" { value = String(value.dropFirst().dropLast()) }
        return Filter(attribute: String(words[0]), value: value)
    }
}
