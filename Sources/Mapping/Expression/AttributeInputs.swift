import SCIM

/// The source object an expression reads: a flat bag (`--attribute NAME=VALUE`, the
/// parseExpression test object) and/or a SCIM user record read by path. The bag wins when both
/// name an attribute, so a person can override one value of a record.
public struct AttributeInputs: Sendable {
    private var bag: [String: ExpressionValue]
    public var record: JSONObject?

    public init(_ attributes: [String: ExpressionValue] = [:], record: JSONObject? = nil) {
        bag = [:]
        for (name, value) in attributes { bag[name.lowercased()] = value }
        self.record = record
    }

    public init(record: UserRecord) {
        self.init([:], record: record.data)
    }

    /// Adds one `NAME=VALUE`; a name given twice becomes multi-valued.
    public mutating func add(_ name: String, _ value: String) {
        let key = name.lowercased()
        switch bag[key] {
        case nil, .null?: bag[key] = .string(value)
        case .string(let first)?: bag[key] = .multi([first, value])
        case .multi(let values)?: bag[key] = .multi(values + [value])
        }
    }

    func value(of reference: AttributeReference) -> ExpressionValue {
        if let value = bag[reference.lowercasedName] { return value }
        guard let record else { return .null }
        return SCIMPathResolver.resolve(reference.path, in: record)
    }
}

/// Reads a SCIM path out of a user record the way Entra's API source directory names attributes.
enum SCIMPathResolver {
    static let coreUser = "urn:ietf:params:scim:schemas:core:2.0:User"

    static func resolve(_ path: SCIMAttributePath, in record: JSONObject) -> ExpressionValue {
        guard let root = start(path.urn, in: record) else { return .null }
        var current: [JSONValue] = [.object(root)]
        var fromArray = false
        for segment in path.segments {
            var next: [JSONValue] = []
            for case .object(let object) in current {
                guard let value = object.attribute(segment.name) else { continue }
                if case .array(let elements) = value {
                    fromArray = true
                    let matching = elements.filter { matches($0, segment.filter) }
                    next += segment.filter == nil ? matching : primaryFirst(matching)
                } else if matches(value, segment.filter) {
                    next.append(value)
                }
            }
            current = next
        }
        return value(of: current, fromArray: fromArray, filtered: path.hasFilter)
    }

    private static func primaryFirst(_ elements: [JSONValue]) -> [JSONValue] {
        guard let i = elements.firstIndex(where: { $0.objectValue?.attribute("primary")?.boolValue == true }), i > 0 else {
            return elements
        }
        var ordered = elements
        ordered.insert(ordered.remove(at: i), at: 0)
        return ordered
    }

    private static func start(_ urn: String?, in record: JSONObject) -> JSONObject? {
        guard let urn else { return record }
        if let object = record.attribute(urn)?.objectValue { return object }
        return urn.equalsIgnoringCase(coreUser) ? record : nil
    }

    private static func matches(_ value: JSONValue, _ filter: SCIMAttributePath.Filter?) -> Bool {
        guard let filter else { return true }
        guard case .object(let object) = value, let actual = object.attribute(filter.attribute) else { return false }
        guard let text = scalar(actual) else { return false }
        return text.equalsIgnoringCase(filter.value)
    }

    /// A filtered path (`emails[type eq "work"].value`) is single-valued in Entra's API schema:
    /// the primary match, else the first. An unfiltered array stays multi-valued.
    private static func value(of values: [JSONValue], fromArray: Bool, filtered: Bool) -> ExpressionValue {
        let texts = values.compactMap(scalar)
        if texts.isEmpty { return .null }
        if filtered || !fromArray { return .string(texts[0]) }
        return .multi(texts)
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

extension String {
    func equalsIgnoringCase(_ other: String) -> Bool {
        lowercased() == other.lowercased()
    }
}
