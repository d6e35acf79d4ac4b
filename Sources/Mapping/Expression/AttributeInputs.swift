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
        if !bag.isEmpty, let value = bag[reference.lowercasedName] { return value }
        guard let record else { return .null }
        return SCIMPathResolver.resolve(reference.path, in: record)
    }
}
