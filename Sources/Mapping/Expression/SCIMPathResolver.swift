import SCIM

/// Reads a SCIM path out of a user record the way Entra's API source directory names attributes.
/// This runs once per `[attribute]` per user (two million times for the 100,000-user benchmark),
/// so it looks names up by their prepared `AttributeKey`, walks segments by index instead of
/// slicing, builds no filtered copies of arrays, and stops at the first value when only one is kept.
enum SCIMPathResolver {
    static func resolve(_ path: SCIMAttributePath, in record: JSONObject) -> ExpressionValue {
        guard let root = start(path, in: record) else { return .null }
        var found = Found(keepsFirstOnly: path.hasFilter)
        collect(root, path.segments, 0, into: &found)
        return found.value(filtered: path.hasFilter)
    }

    /// What a path reached; the first value is kept apart so a single-valued read allocates nothing.
    private struct Found {
        /// A filtered path keeps only its first value, so the walk can stop there.
        let keepsFirstOnly: Bool
        var first: String?
        var more: [String] = []
        var sawArray = false

        init(keepsFirstOnly: Bool) {
            self.keepsFirstOnly = keepsFirstOnly
        }

        var isComplete: Bool { keepsFirstOnly && first != nil }

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

    private static func collect(_ object: JSONObject, _ segments: [SCIMAttributePath.Segment], _ at: Int, into found: inout Found) {
        guard at < segments.count, let value = segments[at].key.value(in: object) else { return }
        let filter = segments[at].filter
        guard case .array(let elements) = value else {
            if matches(value, filter) { visit(value, segments, at + 1, into: &found) }
            return
        }
        found.sawArray = true
        guard let filter else {
            for element in elements { visit(element, segments, at + 1, into: &found) }
            return
        }
        guard let first = elements.firstIndex(where: { matches($0, filter) }) else { return }
        // One match (the usual `type eq "work"` element) needs no look for `primary`.
        guard let second = elements[(first + 1)...].firstIndex(where: { matches($0, filter) }) else {
            visit(elements[first], segments, at + 1, into: &found)
            return
        }
        // Several: the primary match first, then the other matches in order.
        let primary = elements[first...].firstIndex { matches($0, filter) && isPrimary($0) }
        if let primary { visit(elements[primary], segments, at + 1, into: &found) }
        for index in elements.indices where index >= first && index != primary && !found.isComplete
            && (index == first || index == second || matches(elements[index], filter)) {
            visit(elements[index], segments, at + 1, into: &found)
        }
    }

    private static func visit(_ value: JSONValue, _ segments: [SCIMAttributePath.Segment], _ at: Int, into found: inout Found) {
        if at == segments.count {
            if let text = scalar(value) { found.append(text) }
        } else if case .object(let object) = value, !found.isComplete {
            collect(object, segments, at, into: &found)
        }
    }

    private static let primaryKey = AttributeKey("primary")
    private static let valueKey = AttributeKey("value")

    private static func isPrimary(_ value: JSONValue) -> Bool {
        guard case .object(let object) = value else { return false }
        return primaryKey.value(in: object)?.boolValue == true
    }

    private static func start(_ path: SCIMAttributePath, in record: JSONObject) -> JSONObject? {
        guard let urnKey = path.urnKey else { return record }
        if let object = urnKey.value(in: record)?.objectValue { return object }
        return path.isCoreURN ? record : nil
    }

    private static func matches(_ value: JSONValue, _ filter: SCIMAttributePath.Filter?) -> Bool {
        guard let filter else { return true }
        guard case .object(let object) = value, let actual = filter.key.value(in: object) else { return false }
        guard let text = scalar(actual) else { return false }
        return filter.accepts(text)
    }

    /// Strings as they are, numbers as written, booleans as "True"/"False", a complex value by its `value`.
    static func scalar(_ value: JSONValue) -> String? {
        switch value {
        case .string(let s): return s
        case .number(let n): return n.text
        case .bool(let b): return b ? "True" : "False"
        case .object(let object): return valueKey.value(in: object).flatMap(scalar)
        case .null, .array: return nil
        }
    }
}
