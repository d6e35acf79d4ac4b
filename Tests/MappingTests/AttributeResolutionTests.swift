import XCTest
@testable import Mapping
import SCIM

/// `[attribute]` references read from the flat bag and from a SCIM user record by path: core
/// attributes, sub-attributes, `[type eq "work"]` filters, extension URNs; and one parse, many records.
final class AttributeResolutionTests: XCTestCase {
    private let user: JSONObject = [
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
        "externalId": "701984",
        "userName": "bjensen@contoso.com",
        "active": true,
        "name": ["givenName": "Barbara", "familyName": "Jensen"],
        "emails": [
            ["value": "bj@home.example", "type": "home"],
            ["value": "bjensen@contoso.com", "type": "work"],
            ["value": "barbara@contoso.com", "type": "Work", "primary": true],
        ],
        "phoneNumbers": [["value": "+1 555 0100", "type": "work"]],
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": [
            "department": "Tour Operations", "employeeNumber": 42,
            "manager": ["value": "701000", "displayName": "Boss"],
        ],
    ]

    private func read(_ path: String, bag: [String: ExpressionValue] = [:]) throws -> ExpressionValue? {
        guard case .value(let value) = try evaluate("[\(path)]", bag, record: user).outcome else { return nil }
        return value
    }

    func testCoreAttributesAndSubAttributes() throws {
        XCTAssertEqual(try read("userName"), .string("bjensen@contoso.com"))
        XCTAssertEqual(try read("USERNAME"), .string("bjensen@contoso.com"))
        XCTAssertEqual(try read("name.givenName"), .string("Barbara"))
        XCTAssertEqual(try read("active"), .string("True"))
        XCTAssertEqual(try read("urn:ietf:params:scim:schemas:core:2.0:User:userName"), .string("bjensen@contoso.com"))
        XCTAssertEqual(try read("name.middleName"), .null)
        XCTAssertEqual(try read("nickName"), .null)
    }

    func testFilteredMultiValuedAttributesPreferThePrimaryMatch() throws {
        XCTAssertEqual(try read(#"emails[type eq "work"].value"#), .string("barbara@contoso.com"))
        XCTAssertEqual(try read(#"emails[type eq "home"].value"#), .string("bj@home.example"))
        XCTAssertEqual(try read(#"emails[type eq "other"].value"#), .null)
        XCTAssertEqual(try read(#"phoneNumbers[type eq "work"].value"#), .string("+1 555 0100"))
        XCTAssertEqual(try read("emails.value"), .multi(["bj@home.example", "bjensen@contoso.com", "barbara@contoso.com"]))
        XCTAssertEqual(try read("emails"), .multi(["bj@home.example", "bjensen@contoso.com", "barbara@contoso.com"]))
    }

    func testExtensionAttributesByURN() throws {
        let enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
        XCTAssertEqual(try read("\(enterprise):department"), .string("Tour Operations"))
        XCTAssertEqual(try read("\(enterprise):employeeNumber"), .string("42"))
        XCTAssertEqual(try read("\(enterprise):manager.value"), .string("701000"))
        XCTAssertEqual(try read("\(enterprise):manager"), .string("701000"))
        XCTAssertEqual(try read("urn:contoso:1.0:User:badgeId"), .null)
    }

    func testTheBagOverridesTheRecord() throws {
        XCTAssertEqual(try read("userName", bag: ["username": .string("override")]), .string("override"))
    }

    func testAnUPNFromTheRecord() throws {
        let result = try evaluate(
            #"ToLower(Join("@", NormalizeDiacritics(StripSpaces(Join(".", [name.givenName], [name.familyName]))), "contoso.com"))"#,
            record: user)
        XCTAssertEqual(result.outcome, .value(.string("barbara.jensen@contoso.com")))
    }

    func testRepeatedBagNamesBecomeMultiValued() {
        var inputs = AttributeInputs()
        inputs.add("proxyAddresses", "a")
        inputs.add("ProxyAddresses", "b")
        XCTAssertEqual(inputs.value(of: AttributeReference("proxyaddresses")), .multi(["a", "b"]))
    }

    func testOneParseEvaluatesManyRecords() throws {
        let expression = try Expression.parse(#"Join(" ", [name.givenName], [name.familyName])"#)
        let records: [JSONObject] = (0..<3).map { i in ["name": ["givenName": .string("G\(i)"), "familyName": "F"]] }
        let results = expression.evaluate(records: records, in: EvaluationContext(now: fixedNow))
        XCTAssertEqual(results.map(\.outcome), [.value(.string("G0 F")), .value(.string("G1 F")), .value(.string("G2 F"))])
        XCTAssertEqual(expression.attributeNames, ["name.givenName", "name.familyName"])
    }

    func testManyRecordsDoNotLeakOneRecordsFlowIntoTheNext() throws {
        let expression = try Expression.parse("IgnoreFlowIfNullOrEmpty(Redact([department]))")
        let records: [JSONObject] = [[:], ["department": "Ops"], ["department": ""]]
        let results = expression.evaluate(records: records, in: EvaluationContext(now: fixedNow))
        XCTAssertEqual(results.map(\.outcome), [.ignored, .value(.string("Ops")), .ignored])
        XCTAssertTrue(results.allSatisfy(\.isRedacted))
        let overridden = expression.evaluate(
            records: records, in: EvaluationContext(attributes: AttributeInputs(["department": .string("HR")]), now: fixedNow))
        XCTAssertEqual(overridden.map(\.outcome), Array(repeating: .value(.string("HR")), count: 3))
    }
}
