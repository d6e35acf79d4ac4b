import Foundation
import SCIM

/// One question to Entra's `POST …/jobs/{jobId}/schema/parseExpression` (Graph's body: `expression`,
/// `testInputObject` an expressionInputObject, `targetAttributeDefinition` an attributeDefinition):
/// what the job would compute from this expression for one test object.
public struct ParseExpressionRequest: Sendable, Equatable {
    /// One of the test object's properties: a source attribute as the expression names it and its
    /// value(s) as text, the way the portal's "test expression" box takes them.
    public struct Property: Sendable, Equatable {
        public var key: String
        public var values: [String]
        /// Sent as a `#Collection(String)` (Graph's example does so for appRoleAssignments).
        public var multivalued: Bool

        public init(key: String, values: [String], multivalued: Bool = false) {
            self.key = key
            self.values = values
            self.multivalued = multivalued
        }
    }

    public var expression: String
    public var properties: [Property]
    /// The test object's definition: the source object with the attributes the expression reads
    /// (Graph's example sends null; Entra types the values by it when given).
    public var inputDefinition: ObjectDefinition?
    public var targetAttributeDefinition: AttributeDefinition?

    public init(expression: String, properties: [Property], inputDefinition: ObjectDefinition? = nil,
                targetAttributeDefinition: AttributeDefinition? = nil) {
        self.expression = expression
        self.properties = properties
        self.inputDefinition = inputDefinition
        self.targetAttributeDefinition = targetAttributeDefinition
    }

    /// The request body, members in Graph's documented order.
    public var body: JSONValue {
        [
            "expression": .string(expression),
            "testInputObject": [
                "definition": Self.json(inputDefinition),
                "properties": .array(properties.map(Self.property)),
            ],
            "targetAttributeDefinition": Self.json(targetAttributeDefinition),
        ]
    }

    private static func property(_ property: Property) -> JSONValue {
        guard property.multivalued else {
            return ["key": .string(property.key), "value": .string(property.values.first ?? "")]
        }
        return ["key": .string(property.key), "value@odata.type": "#Collection(String)",
                "value": .array(property.values.map(JSONValue.string))]
    }

    /// A schema type as Graph spells it (the types keep their unmodelled members), or null.
    private static func json<T: Encodable>(_ value: T?) -> JSONValue {
        guard let value, let data = try? JSONEncoder().encode(value), let json = try? JSONParser.parse([UInt8](data)) else { return .null }
        return json
    }
}

/// Graph's parseExpressionResponse, as far as a check reads it.
public struct ParseExpressionResult: Sendable, Equatable {
    public var parsingSucceeded: Bool
    public var evaluationSucceeded: Bool
    /// The computed value(s); empty when nothing flows (a null result).
    public var evaluationResult: [String]
    /// The publicError's message (and code), when Entra gave one.
    public var error: String?

    public init(parsingSucceeded: Bool, evaluationSucceeded: Bool, evaluationResult: [String], error: String? = nil) {
        self.parsingSucceeded = parsingSucceeded
        self.evaluationSucceeded = evaluationSucceeded
        self.evaluationResult = evaluationResult
        self.error = error
    }

    /// Reads the answer; nil when it is not a parseExpressionResponse object.
    public init?(json: JSONValue) {
        guard let object = json.objectValue, let parsed = object.attribute("parsingSucceeded")?.boolValue else { return nil }
        parsingSucceeded = parsed
        evaluationSucceeded = object.attribute("evaluationSucceeded")?.boolValue ?? false
        evaluationResult = (object.attribute("evaluationResult")?.arrayValue ?? []).compactMap(Self.text)
        error = object.attribute("error")?.objectValue.flatMap(Self.message)
    }

    /// A value of the result as text (Entra answers strings; a number or boolean is read as written).
    private static func text(_ value: JSONValue) -> String? {
        switch value {
        case .string(let s): return s
        case .number(let n): return n.text
        case .bool(let b): return b ? "True" : "False"
        case .null, .array, .object: return nil
        }
    }

    private static func message(_ error: JSONObject) -> String? {
        let message = error.attribute("message")?.stringValue
        let code = error.attribute("code")?.stringValue
        switch (code, message) {
        case (let code?, let message?): return "\(code): \(message)"
        case (nil, let message?): return message
        case (let code?, nil): return code
        case (nil, nil): return nil
        }
    }
}
