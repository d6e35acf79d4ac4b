import Foundation
import Mapping
import SCIM

extension EmulatorCore {
    static let parseExpressionPermissions = jobWritePermissions

    /// `POST …/jobs/{jobId}/schema/parseExpression`: what Entra would compute for one test object,
    /// answered by the same expression library the processing and the client use, so the three agree
    /// by construction. Graph's permission table for this call lists Application.ReadWrite.OwnedBy or
    /// Synchronization.ReadWrite.All: reading the schema (Synchronization.Read.All) is not enough.
    ///
    /// A parse or evaluation failure is a 200 whose `parsingSucceeded` / `evaluationSucceeded` say so,
    /// with a publicError in `error`; only a body that is not a parseExpression request is a 400.
    func parseExpression(_ request: EmulatorRequest, sp: String, job: String, claims: TokenIssuer.Claims,
                         ids: [(String, String)], now: Date) throws(GraphError) -> EmulatorResponse {
        guard request.method == "POST" else { throw .methodNotAllowed }
        try require(claims, Self.parseExpressionPermissions, sp: sp, job: job)
        let parsed = try ParseExpressionRequest(body: request.body)
        let domain = config.tenants.first { $0.id == claims.tenant }?.domains.first
        let context = EvaluationContext(attributes: parsed.inputs, now: now, defaultDomain: domain)
        return .json(200, Self.parseExpressionResponse(parsed.expression, context), headers: ids)
    }

    /// The parseExpressionResponse for one expression and test object.
    static func parseExpressionResponse(_ text: String, _ context: EvaluationContext) -> JSONValue {
        let expression: EntraExpression
        do { expression = try EntraExpression.parse(text) } catch {
            return response(parsed: nil, evaluated: nil, error: publicError("ExpressionParsingFailed", error.description))
        }
        let result = expression.evaluate(in: context)
        switch result.outcome {
        case .failed(let failure):
            return response(parsed: expression, evaluated: nil, error: publicError("ExpressionEvaluationFailed", failure.description))
        case .ignored:
            return response(parsed: expression, evaluated: [], error: nil)
        case .value(let value):
            return response(parsed: expression, evaluated: value.all, error: nil)
        }
    }

    private static func response(parsed: EntraExpression?, evaluated: [String]?, error: JSONValue?) -> JSONValue {
        .object([
            "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#microsoft.graph.parseExpressionResponse",
            "parsingSucceeded": .bool(parsed != nil),
            "evaluationSucceeded": .bool(evaluated != nil),
            "evaluationResult": evaluated.map { .array($0.map(JSONValue.string)) } ?? .null,
            "parsedExpression": parsed?.mappingSource ?? .null,
            "error": error ?? .null,
        ])
    }

    /// Graph's publicError; the codes are ours (Microsoft documents none for parseExpression).
    private static func publicError(_ code: String, _ message: String) -> JSONValue {
        .object(["code": .string(code), "message": .string(message), "target": "expression", "details": .array([])])
    }
}

/// The body of a parseExpression call: `{expression, testInputObject:{definition, properties:[{key,
/// value}]}, targetAttributeDefinition}`. The definitions are read by Entra to type the values; the
/// emulator only needs the properties (a number is read as its text, an object is not a value).
struct ParseExpressionRequest {
    var expression: String
    var inputs: AttributeInputs

    init(body: [UInt8]) throws(GraphError) {
        guard let value = try? JSONParser.parse(body), let object = value.objectValue else {
            throw .badRequest("The request body is not a parseExpression request.")
        }
        guard let expression = object.attribute("expression")?.stringValue else {
            throw .badRequest("The parseExpression request has no 'expression'.")
        }
        self.expression = expression
        inputs = AttributeInputs()
        let properties = object.attribute("testInputObject")?.objectValue?.attribute("properties")?.arrayValue ?? []
        for property in properties {
            guard let pair = property.objectValue, let key = pair.attribute("key")?.stringValue else { continue }
            for text in Self.texts(pair.attribute("value")) { inputs.add(key, text) }
        }
    }

    /// A property's value(s): a string as it is, an array as several values, null as none.
    private static func texts(_ value: JSONValue?) -> [String] {
        switch value {
        case .none, .null?: return []
        case .string(let s)?: return [s]
        case .bool(let b)?: return [b ? "True" : "False"]
        case .array(let items)?: return items.flatMap { texts($0) }
        case .number(let n)?: return [n.text]
        case .object?: return []
        }
    }
}
