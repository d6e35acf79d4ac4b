import SCIM
@testable import Mapping

/// The SCIM path reader as it was before it was made fast (commit 457c52f), kept verbatim as the
/// oracle the fast `SCIMPathResolver` must agree with: String lookups through
/// `JSONObject.attribute(_:)`, filtered copies of arrays, no early exit.
enum ReferencePathResolver {
    static func resolve(_ path: SCIMAttributePath, in record: JSONObject) -> ExpressionValue {
        guard let root = start(path, in: record) else { return .null }
        var found = Found()
        collect(root, path.segments[...], into: &found)
        return found.value(filtered: path.hasFilter)
    }

    /// What a path reached; the first value is kept apart so a single-valued read allocates nothing.
    private struct Found {
        var first: String?
        var more: [String] = []
        var sawArray = false

        mutating func append(_ text: String) {
            if first == nil { first = text } else { more.append(text) }
        }

        /// A filtered path (`emails[type eq "work"].value`) is single-valued in Entra's API schema:
        /// the primary match, else the first. An unfiltered array stays multi-valued.
        func value(filtered: Bool) -> ExpressionValue {
            guard let first else { return .null }
            if filtered || !sawArray { return .string(first) }
            return .multi([first] + more)
        }
    }

    private static func collect(_ object: JSONObject, _ segments: ArraySlice<SCIMAttributePath.Segment>, into found: inout Found) {
        guard let segment = segments.first, let value = object.attribute(segment.name) else { return }
        let rest = segments.dropFirst()
        guard case .array(let elements) = value else {
            if matches(value, segment.filter) { visit(value, rest, into: &found) }
            return
        }
        found.sawArray = true
        let matching = elements.filter { matches($0, segment.filter) }
        for element in segment.filter == nil ? matching : primaryFirst(matching) {
            visit(element, rest, into: &found)
        }
    }

    private static func visit(_ value: JSONValue, _ rest: ArraySlice<SCIMAttributePath.Segment>, into found: inout Found) {
        if rest.isEmpty {
            if let text = scalar(value) { found.append(text) }
        } else if case .object(let object) = value {
            collect(object, rest, into: &found)
        }
    }

    private static func primaryFirst(_ elements: [JSONValue]) -> [JSONValue] {
        guard let i = elements.firstIndex(where: { $0.objectValue?.attribute("primary")?.boolValue == true }), i > 0 else {
            return elements
        }
        var ordered = elements
        ordered.insert(ordered.remove(at: i), at: 0)
        return ordered
    }

    private static func start(_ path: SCIMAttributePath, in record: JSONObject) -> JSONObject? {
        guard let urn = path.urn else { return record }
        if let object = record.attribute(urn)?.objectValue { return object }
        return path.isCoreURN ? record : nil
    }

    private static func matches(_ value: JSONValue, _ filter: SCIMAttributePath.Filter?) -> Bool {
        guard let filter else { return true }
        guard case .object(let object) = value, let actual = object.attribute(filter.attribute) else { return false }
        guard let text = scalar(actual) else { return false }
        return filter.accepts(text)
    }

    /// Strings as they are, numbers as written, booleans as "True"/"False", a complex value by its `value`.
    static func scalar(_ value: JSONValue) -> String? {
        switch value {
        case .string(let s): return s
        case .number(let n): return n.text
        case .bool(let b): return b ? "True" : "False"
        case .object(let object): return object.attribute("value").flatMap(scalar)
        case .null, .array: return nil
        }
    }
}
