import Foundation

/// Where a CSV value goes in a SCIM User: `userName`, `name.givenName`, `emails[type eq "work"].value`,
/// `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value`, `urn:contoso:employee:badge`.
///
/// The grammar is the subset of RFC 7644 §3.10 attribute paths that CSV mappings need: one value filter
/// with `eq` on a multi-valued attribute, and one level of sub-attribute.
public struct AttributePath: Sendable, Hashable, CustomStringConvertible {
    /// The extension schema URN, or nil for a core attribute.
    public var urn: String?
    public var attribute: String
    public var filter: (attribute: String, value: String)?
    public var subAttribute: String?
    /// The JSON type values must have; set by `resolved(in:)`, nil meaning text.
    public var valueType: AttributeDefinition.DataType?

    public init(urn: String? = nil, attribute: String, filter: (attribute: String, value: String)? = nil, subAttribute: String? = nil) {
        self.urn = urn
        self.attribute = attribute
        self.filter = filter
        self.subAttribute = subAttribute
    }

    public static func == (a: AttributePath, b: AttributePath) -> Bool { a.description == b.description }
    public func hash(into hasher: inout Hasher) { hasher.combine(description) }

    public var description: String {
        var s = urn.map { $0 + ":" } ?? ""
        s += attribute
        if let filter { s += "[\(filter.attribute) eq \"\(filter.value)\"]" }
        if let subAttribute { s += "." + subAttribute }
        return s
    }

    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
    }

    public init(parsing text: String) throws(ParseError) {
        var rest = Substring(text.trimmingSpaces)
        if rest.lowercased().hasPrefix("urn:") {
            // The attribute follows the URN's last colon (sub-attributes use dots, never colons); a
            // filter value may hold colons, so only the part before `[` is searched.
            let head = rest[..<(rest.firstIndex(of: "[") ?? rest.endIndex)]
            guard let colon = head.lastIndex(of: ":"), rest.distance(from: rest.startIndex, to: colon) > 4 else {
                throw ParseError(description: "\"\(text)\": an extension path is URN:attribute, e.g. urn:contoso:employee:badge")
            }
            urn = String(rest[..<colon])
            rest = rest[rest.index(after: colon)...]
        } else {
            urn = nil
        }
        var name = rest
        var filter: (String, String)?
        if let open = rest.firstIndex(of: "[") {
            guard let close = rest[open...].firstIndex(of: "]") else { throw ParseError(description: "\"\(text)\": missing ]") }
            name = rest[..<open]
            filter = try Self.parseFilter(rest[rest.index(after: open)..<close], in: text)
            rest = rest[rest.index(after: close)...]
            if rest.first == "." { rest = rest.dropFirst() } else if !rest.isEmpty {
                throw ParseError(description: "\"\(text)\": expected .subAttribute after the filter")
            }
            subAttribute = rest.isEmpty ? nil : String(rest)
        } else if let dot = rest.firstIndex(of: ".") {
            name = rest[..<dot]
            subAttribute = String(rest[rest.index(after: dot)...])
        } else {
            subAttribute = nil
        }
        attribute = String(name)
        self.filter = filter
        guard Self.isName(attribute), subAttribute.map(Self.isName) ?? true else {
            throw ParseError(description: "\"\(text)\" is not a SCIM attribute path")
        }
    }

    private static func parseFilter(_ text: Substring, in whole: String) throws(ParseError) -> (String, String) {
        let parts = text.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        guard parts.count == 3, parts[1].lowercased() == "eq" else {
            throw ParseError(description: "\"\(whole)\": only filters like [type eq \"work\"] are supported")
        }
        var value = parts[2].trimmingCharacters(in: .whitespaces)
        if value.count >= 2, value.first == "\"" || value.first == "'", value.last == value.first { value = String(value.dropFirst().dropLast()) }
        return (String(parts[0]), value)
    }

    static func isName(_ s: some StringProtocol) -> Bool {
        guard let first = s.first, first.isLetter || first == "$" else { return false }
        return s.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "$" }
    }
}
