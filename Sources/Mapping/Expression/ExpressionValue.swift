/// Entra's value model for expressions: an attribute is absent (null), one string, or several
/// strings. Numbers, booleans ("True"/"False") and dates ("M/d/yyyy h:mm:ss tt") travel as strings.
public enum ExpressionValue: Sendable, Equatable, Hashable {
    case null
    case string(String)
    case multi([String])

    public static let `true` = ExpressionValue.string("True")
    public static let `false` = ExpressionValue.string("False")

    public static func boolean(_ value: Bool) -> ExpressionValue { value ? .true : .false }

    /// Several values, or null when there are none (an empty multi-valued attribute is absent).
    static func values(_ values: [String]) -> ExpressionValue {
        values.isEmpty ? .null : .multi(values)
    }

    public var isNull: Bool { self == .null }

    /// Null, an empty string, or no values: what IgnoreFlowIfNullOrEmpty and IsNullOrEmpty test.
    public var isNullOrEmpty: Bool {
        switch self {
        case .null: return true
        case .string(let s): return s.isEmpty
        case .multi(let values): return values.isEmpty
        }
    }

    /// The value a single-string parameter receives: a multi-valued input gives its first value.
    public var text: String? {
        switch self {
        case .null: return nil
        case .string(let s): return s
        case .multi(let values): return values.first
        }
    }

    /// Every value, for Join, Count, Item and RemoveDuplicates.
    public var all: [String] {
        switch self {
        case .null: return []
        case .string(let s): return [s]
        case .multi(let values): return values
        }
    }

    /// VBA truthiness as CBool and IIF read it: "True" (any case) or a non-zero number.
    var isTrue: Bool {
        guard let text = text?.trimmingSpaces else { return false }
        if text.lowercased() == "true" { return true }
        if let number = Double(text) { return number != 0 }
        return false
    }

    /// Applies a per-string transformation to each value (ToLower on a multi-valued attribute lowers them all).
    func map(_ transform: (String) throws -> String) rethrows -> ExpressionValue {
        switch self {
        case .null: return .null
        case .string(let s): return .string(try transform(s))
        case .multi(let values): return .multi(try values.map(transform))
        }
    }
}
