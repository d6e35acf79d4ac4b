import Foundation
import SCIM
import XCTest
@testable import Mapping

/// The compiled User mapping: each kind of source, the default value, the flows that stop, and the
/// default schema on Microsoft's own sample user.
final class CompiledMappingTests: XCTestCase {
    let context = EvaluationContext(now: fixedNow, guid: { UUID(uuidString: "00AA00AA-BB11-CC22-DD33-44EE44EE44EE")! },
                                    random: .seeded(7))

    private func compute(_ mappings: [AttributeMapping], _ record: JSONObject) -> ComputedUser {
        CompiledMapping(mappings: mappings).evaluate(record, in: context)
    }

    func testADirectMappingCopiesTheSourceAttributeAndShowsItsName() throws {
        let user = compute([AttributeMapping(source: .attribute("name.givenName"), targetAttributeName: "givenName")],
                           ["name": .object(["givenName": "Barbara"])])
        let given = try XCTUnwrap(user["givenName"])
        XCTAssertEqual(given.outcome, .value(.string("Barbara")))
        XCTAssertEqual(given.sourceText, "name.givenName")
        XCTAssertEqual(given.kind, .attribute)
        XCTAssertEqual(given.flowType, "Always")
    }

    func testAFunctionMappingEvaluatesItsExpression() throws {
        let expression = #"ToLower(Join(".", [name.givenName], [name.familyName]))"#
        let user = compute([AttributeMapping(source: .function(expression), targetAttributeName: "mailNickname")],
                           ["name": .object(["givenName": "Barbara", "familyName": "Jensen"])])
        XCTAssertEqual(user["mailNickname"]?.outcome, .value(.string("barbara.jensen")))
        XCTAssertEqual(user["mailNickname"]?.sourceText, expression)
    }

    func testAConstantIsWrittenAsItIsForEveryUser() {
        let user = compute([AttributeMapping(source: .constant("Contoso \"HQ\""), targetAttributeName: "companyName")], [:])
        XCTAssertEqual(user["companyName"]?.outcome, .value(.string("Contoso \"HQ\"")))
        XCTAssertEqual(user["companyName"]?.kind, .constant)
        XCTAssertEqual(user["companyName"]?.sourceText, #""Contoso \"HQ\"""#, "quoted, as the expression language writes it")
    }

    func testTheDefaultValueStandsInOnlyForANullSource() {
        let mapping = AttributeMapping(source: .attribute("title"), targetAttributeName: "jobTitle", defaultValue: "Staff")
        XCTAssertEqual(compute([mapping], [:])["jobTitle"]?.outcome, .defaulted("Staff"))
        XCTAssertEqual(compute([mapping], [:])["jobTitle"]?.flowingValue, .string("Staff"))
        XCTAssertEqual(compute([mapping], ["title": ""])["jobTitle"]?.outcome, .value(.string("")), "empty is a value")
        XCTAssertEqual(compute([mapping], ["title": "Guide"])["jobTitle"]?.outcome, .value(.string("Guide")))
        let noDefault = AttributeMapping(source: .attribute("title"), targetAttributeName: "jobTitle")
        XCTAssertEqual(compute([noDefault], [:])["jobTitle"]?.outcome, .null)
        XCTAssertTrue(compute([noDefault], [:])["jobTitle"]?.yieldsNothing ?? false)
    }

    func testIgnoreFlowIsNotNullAndTakesNoDefault() {
        let mapping = AttributeMapping(source: .function("IgnoreFlowIfNullOrEmpty([title])"), targetAttributeName: "jobTitle",
                                       defaultValue: "Staff")
        XCTAssertEqual(compute([mapping], ["title": ""])["jobTitle"]?.outcome, .ignored)
        XCTAssertNil(compute([mapping], ["title": ""])["jobTitle"]?.flowingValue)
    }

    func testAFailingExpressionFailsThatAttributeOnly() throws {
        let user = compute([
            AttributeMapping(source: .function(#"CDate([title])"#), targetAttributeName: "employeeHireDate"),
            AttributeMapping(source: .attribute("title"), targetAttributeName: "jobTitle"),
        ], ["title": "not a date"])
        XCTAssertNotNil(try XCTUnwrap(user["employeeHireDate"]).failureMessage)
        XCTAssertEqual(user["jobTitle"]?.outcome, .value(.string("not a date")))
    }

    func testAnExpressionThatDoesNotParseFailsForEveryUserWithTheParseError() throws {
        let compiled = CompiledMapping(mappings: [AttributeMapping(source: .function("Join(\"x\", "), targetAttributeName: "displayName")])
        guard case .invalid(let message) = try XCTUnwrap(compiled.mappings.first).source else {
            return XCTFail("a broken expression compiles to .invalid")
        }
        XCTAssertTrue(message.contains("does not parse"), message)
        let user = compiled.evaluate([:], in: context)
        XCTAssertEqual(user["displayName"]?.failureMessage, message)
    }

    func testEachExpressionIsParsedOnceAndManyRecordsComeBackInOrder() {
        let compiled = CompiledMapping(schema: .defaultAPIDriven)
        let records: [JSONObject] = (0..<50).map { ["externalId": .string("E\($0)"), "userName": .string("u\($0)@contoso.com")] }
        let users = compiled.evaluate(records: records, in: context)
        XCTAssertEqual(users.map { $0["employeeId"]?.flowingValue }, records.indices.map { .string("E\($0)") })
        XCTAssertEqual(users[7]["mailNickname"]?.outcome, .value(.string("u7")))
        XCTAssertEqual(compiled.matching?.targetAttributeName, "employeeId")
    }

    func testTheDefaultSchemaOnMicrosoftsSampleUser() throws {
        let bytes = try Array(Data(contentsOf: Self.samples.appendingPathComponent("Extended-SCIM-bulk-request-Core+Enterprise.json")))
        let record = try XCTUnwrap(PayloadReader.read(json: bytes).records.first)
        let user = CompiledMapping(schema: .defaultAPIDriven).evaluate(record.data, in: context)
        let expected: [String: ExpressionValue] = [
            "employeeId": .string("701984"), "accountEnabled": .string("True"),
            "userPrincipalName": .string("bjensen@example.com"), "mailNickname": .string("bjensen"),
            "displayName": .string("Babs Jensen"), "givenName": .string("Barbara"), "surname": .string("Jensen"),
            "jobTitle": .string("Tour Guide"), "mail": .string("bjensen@example.com"),
            "telephoneNumber": .string("555-555-5555"), "city": .string("Hollywood"), "state": .string("CA"),
            "postalCode": .string("91608"), "country": .string("USA"), "employeeType": .string("Employee"),
        ]
        for (target, value) in expected {
            XCTAssertEqual(user[target]?.outcome, .value(value), target)
        }
        XCTAssertEqual(user.attributes.map(\.targetAttributeName),
                       SynchronizationSchema.defaultAPIDriven.userObjectMapping?.attributeMappings.map(\.targetAttributeName))
        XCTAssertEqual(user["mobile"]?.outcome, .null, "the sample has no mobile number")
    }

    static var samples: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("SCIMTests/Fixtures/microsoft-samples")
    }
}
