import SCIM

/// The parsed expression as Graph's attributeMappingSource (`{expression, name, parameters, type}`),
/// what `POST …/schema/parseExpression` answers as `parsedExpression` and a schema's mapping `source` holds.
extension Expression {
    public var mappingSource: JSONValue {
        root.mappingSource(expression: text.trimmingSpaces)
    }
}

extension ExpressionNode {
    /// The node written back as expression text (constants quoted, as Graph's example writes them).
    public var expressionText: String {
        switch self {
        case .call(let function, let arguments, _):
            return function.rawValue + "(" + arguments.map(\.expressionText).joined(separator: ", ") + ")"
        case .attribute(let reference, _): return "[" + reference.name + "]"
        case .string(let text, _), .number(let text, _), .identifier(let text, _): return Self.quoted(text)
        case .omitted: return ""
        case .comparison(let op, let lhs, let rhs, _): return lhs.expressionText + " " + op.rawValue + " " + rhs.expressionText
        }
    }

    /// Omitted arguments are left out; a comparison is a Function named by its operator (ours: Graph's
    /// own rendering of IIF's conditions is not documented).
    func mappingSource(expression: String? = nil) -> JSONValue {
        let written = JSONValue.string(expression ?? expressionText)
        switch self {
        case .attribute(let reference, _):
            return ["expression": written, "name": .string(reference.name), "parameters": [], "type": "Attribute"]
        case .string(let text, _), .number(let text, _), .identifier(let text, _):
            return ["expression": written, "name": .string(text), "parameters": [], "type": "Constant"]
        case .omitted:
            return ["expression": "", "name": "", "parameters": [], "type": "Constant"]
        case .comparison(let op, let lhs, let rhs, _):
            let parameters: [JSONValue] = [["key": "left", "value": lhs.mappingSource()], ["key": "right", "value": rhs.mappingSource()]]
            return ["expression": written, "name": .string(op.rawValue), "parameters": .array(parameters), "type": "Function"]
        case .call(let function, let arguments, _):
            let parameters = arguments.enumerated().filter { !$0.element.isOmitted }.map { index, argument -> JSONValue in
                ["key": .string(function.parameterName(at: index, of: arguments.count)), "value": argument.mappingSource()]
            }
            return ["expression": written, "name": .string(function.rawValue), "parameters": .array(parameters), "type": "Function"]
        }
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingBackslashesAndQuotes + "\""
    }
}

extension String {
    /// The escaping of Entra's string constants: `\` and `"` get a backslash.
    var replacingBackslashesAndQuotes: String {
        var out = ""
        for c in self {
            if c == "\\" || c == "\"" { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
