import Foundation
import SCIM
import XCTest
@testable import Mapping

/// "Check with Entra", the pure half: which parseExpression questions a user's mappings make, and
/// what each of Entra's answers says about the local value.
final class ExpressionCheckTests: XCTestCase {
    private let context = EvaluationContext(now: fixedNow)

    private let record: JSONObject = [
        "externalId": "701984", "userName": "bjensen@contoso.com", "active": true,
        "name": ["givenName": "Barbara", "familyName": "Jensen"],
        "emails": [["type": "home", "value": "b@home.example"], ["type": "work", "value": "bjensen@contoso.com"]],
        "nickNames": ["Babs", "B"],
    ]

    private func plan(_ mappings: [AttributeMapping], schema: SynchronizationSchema = .defaultAPIDriven)
        -> (items: [ExpressionCheck.Item], local: ComputedUser) {
        let compiled = CompiledMapping(mappings: mappings)
        let local = compiled.evaluate(record, in: context)
        return (ExpressionCheck.plan(compiled, schema: schema, record: record, computed: local), local)
    }

    func testTheQuestionCarriesTheExpressionTheUsersValuesAndBothDefinitions() throws {
        let (items, _) = plan([
            AttributeMapping(source: .function(#"Join(" ", [name.givenName], [name.familyName], [title])"#), targetAttributeName: "displayName"),
            AttributeMapping(source: .attribute(#"emails[type eq "work"].value"#), targetAttributeName: "mail"),
        ])
        let join = try XCTUnwrap(items[0].request)
        XCTAssertEqual(join.expression, #"Join(" ", [name.givenName], [name.familyName], [title])"#)
        XCTAssertEqual(join.properties, [.init(key: "name.givenName", values: ["Barbara"]), .init(key: "name.familyName", values: ["Jensen"])],
                       "title is absent: left out, so Entra reads it as null as a real run would")
        XCTAssertEqual(join.inputDefinition?.name, "User")
        XCTAssertEqual(join.inputDefinition?.attributes.map(\.name), ["name.givenName", "name.familyName", "title"])
        XCTAssertEqual(join.targetAttributeDefinition?.name, "displayName", "the definition from the Entra ID directory")
        let mail = try XCTUnwrap(items[1].request)
        XCTAssertEqual(mail.expression, #"[emails[type eq "work"].value]"#, "a direct mapping is asked as its attribute reference")
        XCTAssertEqual(mail.properties, [.init(key: #"emails[type eq "work"].value"#, values: ["bjensen@contoso.com"])],
                       "the filtered path resolved locally: the work address, not the home one")
    }

    func testAMultiValuedAttributeIsSentAsACollection() throws {
        let (items, _) = plan([AttributeMapping(source: .function(#"Join(",", [nickNames])"#), targetAttributeName: "extensionAttribute1")])
        let request = try XCTUnwrap(items[0].request)
        XCTAssertEqual(request.properties, [.init(key: "nickNames", values: ["Babs", "B"], multivalued: true)])
        let body = JSONWriter.compact.string(request.body)
        XCTAssertTrue(body.contains(##"{"key":"nickNames","value@odata.type":"#Collection(String)","value":["Babs","B"]}"##), body)
    }

    func testConstantsAndNonDeterministicFunctionsAreNotAsked() {
        let (items, _) = plan([
            AttributeMapping(source: .constant("Contoso"), targetAttributeName: "companyName"),
            AttributeMapping(source: .function("Guid()"), targetAttributeName: "extensionAttribute2"),
            AttributeMapping(source: .function(#"IIF([active]="False", Now(), "x")"#), targetAttributeName: "extensionAttribute3"),
        ])
        XCTAssertEqual(items.map(\.request), [nil, nil, nil])
        XCTAssertEqual(items[0].notAskedReason, "a constant: nothing to evaluate")
        XCTAssertEqual(items[1].notAskedReason, "Now, Guid or RandomString: another value each time")
        XCTAssertEqual(items[2].notAskedReason, items[1].notAskedReason, "even in a branch this user does not take")
        XCTAssertEqual(ExpressionCheck.unasked(items[1]), .notAsked("Now, Guid or RandomString: another value each time"))
    }

    func testAnExpressionThatDoesNotParseLocallyIsStillAsked() throws {
        let (items, _) = plan([AttributeMapping(source: .function(#"Join(",", [userName]"#), targetAttributeName: "mailNickname")])
        XCTAssertEqual(items[0].request?.expression, #"Join(",", [userName]"#)
        XCTAssertFalse(items[0].parsesLocally)
    }

    // MARK: verdicts

    private func verdict(_ mapping: AttributeMapping, _ answer: ParseExpressionResult) -> ExpressionCheck.Verdict {
        let (items, local) = plan([mapping])
        return ExpressionCheck.verdict(items[0], local: local.attributes[0], reply: .answered(answer))
    }

    private let nickname = AttributeMapping(source: .function(#"Replace([userName], , "(?<Suffix>@(.)*)", "Suffix", "", , )"#),
                                            targetAttributeName: "mailNickname")

    func testTheSameValueAgreesAndAnotherDiffers() {
        XCTAssertEqual(verdict(nickname, .init(parsingSucceeded: true, evaluationSucceeded: true, evaluationResult: ["bjensen"])), .agrees)
        XCTAssertEqual(verdict(nickname, .init(parsingSucceeded: true, evaluationSucceeded: true, evaluationResult: ["BJENSEN"])),
                       .differs(entra: ["BJENSEN"]), "compared exactly: case matters to Entra's attribute values")
        XCTAssertEqual(verdict(nickname, .init(parsingSucceeded: true, evaluationSucceeded: true, evaluationResult: [])),
                       .differs(entra: []))
    }

    func testANullLocallyExpectsNothingFromEntraEvenWithADefault() {
        let title = AttributeMapping(source: .attribute("title"), targetAttributeName: "jobTitle", defaultValue: "Staff")
        XCTAssertEqual(verdict(title, .init(parsingSucceeded: true, evaluationSucceeded: true, evaluationResult: [])), .agrees,
                       "parseExpression knows no mapping default: a null is an empty result")
        XCTAssertEqual(verdict(title, .init(parsingSucceeded: true, evaluationSucceeded: true, evaluationResult: ["Staff"])),
                       .differs(entra: ["Staff"]))
    }

    func testFailuresOnEitherSide() {
        let cdate = AttributeMapping(source: .function("CDate([userName])"), targetAttributeName: "employeeHireDate")
        let failed = ParseExpressionResult(parsingSucceeded: true, evaluationSucceeded: false, evaluationResult: [], error: "E: not a date")
        XCTAssertEqual(verdict(cdate, failed), .agrees, "both fail this user")
        XCTAssertEqual(verdict(nickname, failed), .entraFailedToEvaluate("E: not a date"))
        XCTAssertEqual(verdict(cdate, .init(parsingSucceeded: true, evaluationSucceeded: true, evaluationResult: ["x"])), .differs(entra: ["x"]))
        let unparsed = ParseExpressionResult(parsingSucceeded: false, evaluationSucceeded: false, evaluationResult: [], error: "P: column 3")
        XCTAssertEqual(verdict(nickname, unparsed), .entraCouldNotParse("P: column 3"))
        let broken = AttributeMapping(source: .function(#"Join(",", [userName]"#), targetAttributeName: "x")
        XCTAssertEqual(verdict(broken, unparsed), .agrees, "neither parses it")
    }

    func testAFailedCallIsUnansweredAndTheTallyCountsEachKind() {
        let (items, local) = plan([nickname])
        XCTAssertEqual(ExpressionCheck.verdict(items[0], local: local.attributes[0], reply: .failed("503")), .unanswered("503"))
        let tally = ExpressionCheck.Tally([.agrees, .agrees, .differs(entra: []), .entraCouldNotParse("p"), .notAsked("c"), .unanswered("u")])
        XCTAssertEqual(tally, { var t = ExpressionCheck.Tally([]); t.agree = 2; t.differ = 2; t.notAsked = 1; t.unanswered = 1; return t }())
        XCTAssertEqual(tally.text, "2 agree, 2 differ, 1 not asked, 1 unanswered")
        XCTAssertEqual(ExpressionCheck.Tally([.agrees, .differs(entra: ["a"])]).text, "1 agrees, 1 differs")
    }

    func testTheAnswerIsReadFromGraphsShape() throws {
        let json = try JSONParser.parse(#"""
        {"error":null,"evaluationSucceeded":true,"evaluationResult":["EN_US"],"parsedExpression":{"name":"Replace"},"parsingSucceeded":true}
        """#)
        XCTAssertEqual(ParseExpressionResult(json: json), .init(parsingSucceeded: true, evaluationSucceeded: true, evaluationResult: ["EN_US"]))
        let failed = try JSONParser.parse(#"{"parsingSucceeded":false,"evaluationSucceeded":false,"evaluationResult":null,"error":{"code":"X","message":"bad"}}"#)
        XCTAssertEqual(ParseExpressionResult(json: failed)?.error, "X: bad")
        XCTAssertNil(ParseExpressionResult(json: ["value": []]), "not a parseExpressionResponse")
    }
}
