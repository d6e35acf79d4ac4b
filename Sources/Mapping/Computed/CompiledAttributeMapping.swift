import Foundation

/// One attribute mapping made ready to evaluate: its source parsed once, whatever its kind, so a
/// schema's mappings are parsed once and then evaluated for any number of users.
public struct CompiledAttributeMapping: Sendable {
    /// Where the value comes from, as evaluation needs it.
    public enum Source: Sendable {
        /// An Attribute or Function mapping: the parsed expression (`[userName]` for a direct one).
        case expression(EntraExpression)
        /// A Constant mapping's value, written as it is.
        case constant(String)
        /// The source does not parse (or is missing): every user fails this attribute the same way.
        case invalid(String)
    }

    public let mapping: AttributeMapping
    public let source: Source
    /// What the person reads as the mapping's source: the expression, the source attribute of a
    /// direct mapping, or the constant.
    public let sourceText: String
    /// What every user's entry for this mapping shares.
    public let target: ComputedAttribute.Target

    public init(_ mapping: AttributeMapping) {
        self.mapping = mapping
        (source, sourceText) = Self.compile(mapping.source)
        target = ComputedAttribute.Target(
            targetAttributeName: mapping.targetAttributeName, sourceText: sourceText, kind: mapping.source?.type,
            flowType: mapping.flowType ?? "Always", matchingPriority: mapping.matchingPriority ?? 0, defaultValue: mapping.defaultValue)
    }

    public var targetAttributeName: String { mapping.targetAttributeName }
    public var kind: AttributeMappingSource.Kind? { mapping.source?.type }
    public var flowType: String { mapping.flowType ?? "Always" }
    public var matchingPriority: Int { mapping.matchingPriority ?? 0 }
    public var defaultValue: String? { mapping.defaultValue }

    /// The source attributes this mapping reads (empty for a constant).
    public var attributesRead: [String] { mapping.source?.attributesRead ?? [] }

    private static func compile(_ source: AttributeMappingSource?) -> (Source, String) {
        guard let source else { return (.invalid("the mapping has no source"), "") }
        switch source.type {
        case .constant:
            let value = source.name ?? unquoted(source.expression) ?? ""
            return (.constant(value), AttributeMappingSource.constant(value).expression ?? value)
        case .attribute:
            guard let name = source.name, !name.isEmpty else {
                return parsed(source.expression, shown: source.expression ?? "")
            }
            return parsed("[\(name)]", shown: name)
        default:
            return parsed(source.expression, shown: source.expression ?? source.name ?? "")
        }
    }

    private static func parsed(_ text: String?, shown: String) -> (Source, String) {
        guard let text, !text.isEmpty else { return (.invalid("the mapping has no expression"), shown) }
        do {
            return (.expression(try EntraExpression.parse(text)), shown)
        } catch {
            return (.invalid("the expression does not parse: \(error.description)"), shown)
        }
    }

    /// A constant kept only as its quoted expression (`"True"`): the text between the quotes.
    private static func unquoted(_ expression: String?) -> String? {
        guard let expression, let parsed = try? EntraExpression.parse(expression),
              case .string(let text, _) = parsed.root else { return expression }
        return text
    }
}
