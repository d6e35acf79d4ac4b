import Foundation
import XCTest
@testable import Mapping

/// Guid, RandomString, Redact, SelectUniqueValue, DefaultDomain and the app-role functions; the
/// sources of chance and the target directory are injected. Examples from Microsoft's expression reference.
final class GeneratedFunctionTests: XCTestCase {
    private func context(
        random: RandomSource = .seeded(7), domain: String? = nil, taken: Set<String> = []
    ) -> EvaluationContext {
        EvaluationContext(
            attributes: AttributeInputs(strings(["PreferredFirstName": "John", "PreferredLastName": "Smith",
                                                 "mailNickname": "jsmith"])),
            now: fixedNow, guid: { UUID(uuidString: "00AA00AA-BB11-CC22-DD33-44EE44EE44EE")! }, random: random,
            defaultDomain: domain, isValueTaken: { taken.contains($0) })
    }

    func testGuidComesFromTheInjectedSource() throws {
        // Guid() sample output: "00aa00aa-bb11-cc22-dd33-44ee44ee44ee"
        let result = try Expression.parse("Guid()").evaluate(in: context())
        XCTAssertEqual(result.outcome, .value(.string("00aa00aa-bb11-cc22-dd33-44ee44ee44ee")))
        XCTAssertEqual(result.nonDeterministicFunctions, [.guid])
    }

    func testRandomStringExample1() throws {
        // RandomString(6,3,0,0,3): 6 characters, 3 numbers and 3 lower case characters (1a73qt).
        let result = try Expression.parse("RandomString(6,3,0,0,3)").evaluate(in: context())
        let text = try XCTUnwrap(result.flowingValue?.text)
        XCTAssertEqual(text.count, 6)
        XCTAssertEqual(text.filter(\.isNumber).count, 3)
        XCTAssertEqual(text.filter(\.isLowercase).count, 3)
        XCTAssertEqual(result.nonDeterministicFunctions, [.randomString])
    }

    func testRandomStringExample2() throws {
        // RandomString(10,2,2,2,1,"?,"): at least 2 numbers, 2 special, 2 capitals, 1 lower; no "?" or ",".
        for seed in UInt64(0)..<50 {
            let result = try Expression.parse(#"RandomString(10,2,2,2,1,"?,")"#).evaluate(in: context(random: .seeded(seed)))
            let text = try XCTUnwrap(result.flowingValue?.text)
            XCTAssertEqual(text.count, 10)
            XCTAssertGreaterThanOrEqual(text.filter(\.isNumber).count, 2)
            XCTAssertGreaterThanOrEqual(text.filter { Evaluator.specialCharacters.contains($0) }.count, 2)
            XCTAssertGreaterThanOrEqual(text.filter(\.isUppercase).count, 2)
            XCTAssertGreaterThanOrEqual(text.filter(\.isLowercase).count, 1)
            XCTAssertFalse(text.contains("?") || text.contains(","), text)
        }
    }

    func testRandomStringIsReproducibleWithASeedAndChecksItsArguments() throws {
        let expression = try Expression.parse("RandomString(12,1,1,1,1)")
        XCTAssertEqual(expression.evaluate(in: context(random: .seeded(9))), expression.evaluate(in: context(random: .seeded(9))))
        XCTAssertNotEqual(expression.evaluate(in: context(random: .seeded(9))), expression.evaluate(in: context(random: .seeded(10))))
        let tooShort = try Expression.parse("RandomString(3,2,2,0,0)").evaluate(in: context())
        XCTAssertEqual(tooShort.failure?.message.contains("at least the sum of the minimums"), true)
    }

    func testRedactExamplesFlowTheValueAndMarkIt() throws {
        // Redact([userPrincipalName]), Redact("StringToBeRedacted"), Redact(RandomString(6,3,0,0,3))
        let attribute = try Expression.parse("Redact([mailNickname])").evaluate(in: context())
        XCTAssertEqual(attribute.outcome, .value(.string("jsmith")))
        XCTAssertTrue(attribute.isRedacted)
        let constant = try Expression.parse(#"Redact("StringToBeRedacted")"#).evaluate(in: context())
        XCTAssertEqual(constant.outcome, .value(.string("StringToBeRedacted")))
        let random = try Expression.parse("Redact(RandomString(6,3,0,0,3))").evaluate(in: context())
        XCTAssertTrue(random.isRedacted)
        XCTAssertEqual(random.flowingValue?.text?.count, 6)
        XCTAssertFalse(try Expression.parse("[mailNickname]").evaluate(in: context()).isRedacted)
    }

    func testSelectUniqueValueExample() throws {
        // SelectUniqueValue(Join("@", NormalizeDiacritics(StripSpaces(Join(".", [PreferredFirstName], [PreferredLastName]))), "contoso.com"), …)
        let expression = try Expression.parse("""
            SelectUniqueValue(
                Join("@", NormalizeDiacritics(StripSpaces(Join(".",  [PreferredFirstName], [PreferredLastName]))), "contoso.com"),
                Join("@", NormalizeDiacritics(StripSpaces(Join(".",  Mid([PreferredFirstName], 1, 1), [PreferredLastName]))), "contoso.com"),
                Join("@", NormalizeDiacritics(StripSpaces(Join(".",  Mid([PreferredFirstName], 1, 2), [PreferredLastName]))), "contoso.com")
            )
            """)
        XCTAssertEqual(expression.evaluate(in: context()).outcome, .value(.string("John.Smith@contoso.com")))
        XCTAssertEqual(expression.evaluate(in: context(taken: ["John.Smith@contoso.com"])).outcome,
                       .value(.string("J.Smith@contoso.com")))
        XCTAssertEqual(expression.evaluate(in: context(taken: ["John.Smith@contoso.com", "J.Smith@contoso.com"])).outcome,
                       .value(.string("Jo.Smith@contoso.com")))
        let all: Set = ["John.Smith@contoso.com", "J.Smith@contoso.com", "Jo.Smith@contoso.com"]
        XCTAssertEqual(expression.evaluate(in: context(taken: all)).failure?.message.contains("escrows"), true)
    }

    func testSelectUniqueValueMustNotBeNested() throws {
        let nested = try Expression.parse(#"ToLower(SelectUniqueValue("a", "b"))"#).evaluate(in: context())
        XCTAssertEqual(nested.failure?.message, "SelectUniqueValue must be the whole expression; it cannot be nested")
        XCTAssertEqual(nested.failure?.column, 9)
    }

    func testDefaultDomainExample() throws {
        // Join("@", [mailNickname], DefaultDomain())
        let expression = try Expression.parse(#"Join("@", [mailNickname], DefaultDomain())"#)
        XCTAssertEqual(expression.evaluate(in: context(domain: "contoso.com")).outcome, .value(.string("jsmith@contoso.com")))
        XCTAssertEqual(expression.evaluate(in: context()).failure?.message.hasPrefix("DefaultDomain:"), true)
    }

    func testAppRoleFunctions() throws {
        let one = EvaluationContext(attributes: AttributeInputs(["appRoleAssignments": .multi(["Admin"])]), now: fixedNow)
        XCTAssertEqual(try Expression.parse("SingleAppRoleAssignment([appRoleAssignments])").evaluate(in: one).outcome,
                       .value(.string("Admin")))
        let two = EvaluationContext(attributes: AttributeInputs(["appRoleAssignments": .multi(["A", "B"])]), now: fixedNow)
        XCTAssertNotNil(try Expression.parse("SingleAppRoleAssignment([appRoleAssignments])").evaluate(in: two).failure)
        let complex = try Expression.parse("AppRoleAssignmentsComplex([appRoleAssignments])").evaluate(in: one)
        XCTAssertEqual(complex.failure?.message.hasPrefix("AppRoleAssignmentsComplex is not supported here"), true)
    }

    func testEveryDocumentedFunctionIsKnown() {
        let documented = """
            Append AppRoleAssignmentsComplex BitAnd CBool CDate Coalesce ConvertToBase64 ConvertToUTF8Hex Count CStr \
            DateAdd DateDiff DateFromNum DefaultDomain FormatDateTime Guid IgnoreFlowIfNullOrEmpty IIF InStr IsNull \
            IsNullOrEmpty IsPresent IsString Item Join Left Len Mid NormalizeDiacritics Not Now NumFromDate PCase \
            RandomString Redact RemoveDuplicates Replace SelectUniqueValue SingleAppRoleAssignment Split StripSpaces \
            Switch ToLower ToUpper Word
            """.split(separator: " ").map(String.init)
        XCTAssertEqual(documented.count, 45)
        XCTAssertEqual(Set(documented), Set(ExpressionFunction.allCases.map(\.rawValue)))
    }

    func testRandomStringWithHugeMinimumsFailsInsteadOfTrapping() throws {
        let result = try Expression.parse("RandomString(10,9223372036854775807,9223372036854775807,0,0)").evaluate(in: context())
        XCTAssertEqual(result.failure?.message.contains("at least the sum of the minimums"), true)
    }
}
