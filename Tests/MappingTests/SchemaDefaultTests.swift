import Foundation
import SCIM
import XCTest
@testable import Mapping

/// The default mapping of an API-driven job to Entra ID: the invariants every later check relies on.
final class SchemaDefaultTests: XCTestCase {
    let schema = SynchronizationSchema.defaultAPIDriven

    func testUsersAreMatchedOnEmployeeIdFromExternalId() throws {
        let matching = try XCTUnwrap(schema.matchingAttribute)
        XCTAssertEqual(matching.targetAttributeName, "employeeId")
        XCTAssertEqual(matching.matchingPriority, 1)
        XCTAssertEqual(matching.source?.type, .attribute)
        XCTAssertEqual(matching.source?.name, "externalId")
        let others = schema.userObjectMapping?.attributeMappings.filter(\.isMatching) ?? []
        XCTAssertEqual(others.count, 1, "one matching attribute")
    }

    func testEverySourceAttributeExistsInTheAPIDirectorysUserObject() throws {
        let declared = Set(schema.apiUserAttributes.map { $0.name.lowercased() })
        XCTAssertFalse(schema.sourceAttributesRead.isEmpty)
        for name in schema.sourceAttributesRead {
            XCTAssertTrue(declared.contains(name.lowercased()), "\(name) is read but not declared in the API directory")
        }
    }

    func testEveryTargetExistsInEntrasUserObjectOnce() throws {
        let entra = try XCTUnwrap(schema.directories.first(where: \.isEntra)?.object("User"))
        let targets = schema.userObjectMapping?.attributeMappings.map(\.targetAttributeName) ?? []
        XCTAssertEqual(Set(targets.map { $0.lowercased() }).count, targets.count, "no target is mapped twice")
        for target in targets {
            XCTAssertNotNil(entra.attribute(target), "\(target) is not an Entra user attribute of the schema")
        }
    }

    func testTheDirectoriesAndTheRuleAgree() throws {
        XCTAssertEqual(schema.apiDirectory?.name, SynchronizationSchema.apiDirectoryName)
        let rule = try XCTUnwrap(schema.apiRule)
        XCTAssertEqual(rule.sourceDirectoryName, schema.apiDirectory?.name)
        XCTAssertEqual(rule.targetDirectoryName, "Azure Active Directory")
        XCTAssertEqual(schema.userObjectMapping?.enabled, true)
    }

    func testTheDocumentedDefaultsAreThere() throws {
        let user = try XCTUnwrap(schema.userObjectMapping)
        XCTAssertEqual(user.mapping(forTarget: "givenName")?.source?.name, "name.givenName")
        XCTAssertEqual(user.mapping(forTarget: "surname")?.source?.name, "name.familyName")
        XCTAssertEqual(user.mapping(forTarget: "mail")?.source?.name, #"emails[type eq "work"].value"#)
        XCTAssertEqual(user.mapping(forTarget: "department")?.source?.name,
                       "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department")
        XCTAssertEqual(user.mapping(forTarget: "accountEnabled")?.source?.attributesRead, ["active"])
        XCTAssertEqual(user.mapping(forTarget: "mailNickname")?.source?.type, .function)
        XCTAssertEqual(user.mapping(forTarget: "mailNickname")?.source?.attributesRead, ["userName"])
        XCTAssertEqual(schema.apiUserAttributes.first?.anchor, true, "externalId is the source anchor")
    }

    func testTheDefaultRoundTrips() throws {
        XCTAssertEqual(try SynchronizationSchema.decode(schema.encoded()), schema)
    }
}

/// The default's expressions as the expression library parses and evaluates them.
final class SchemaDefaultExpressionTests: XCTestCase {
    let user = SynchronizationSchema.defaultAPIDriven.userObjectMapping

    private func evaluate(_ target: String, _ record: JSONObject) throws -> EvaluationResult {
        let text = try XCTUnwrap(user?.mapping(forTarget: target)?.source?.expression)
        let context = EvaluationContext(attributes: AttributeInputs([:], record: record), now: Date(timeIntervalSince1970: 0))
        return try Expression.parse(text).evaluate(in: context)
    }

    func testEveryFunctionSourceParses() throws {
        for mapping in user?.attributeMappings ?? [] where mapping.source?.type == .function {
            let text = try XCTUnwrap(mapping.source?.expression)
            XCTAssertNoThrow(try Expression.parse(text), "\(mapping.targetAttributeName): \(text)")
        }
    }

    func testAccountEnabledFollowsActiveAndALeftOutActiveDisables() throws {
        XCTAssertEqual(try evaluate("accountEnabled", ["active": true]).flowingValue, .string("True"))
        XCTAssertEqual(try evaluate("accountEnabled", ["active": false]).flowingValue, .string("False"))
        XCTAssertEqual(try evaluate("accountEnabled", ["userName": "a@contoso.com"]).flowingValue, .string("False"))
    }

    func testMailNicknameIsTheUserNameBeforeTheAt() throws {
        XCTAssertEqual(try evaluate("mailNickname", ["userName": "jdoe@contoso.com"]).flowingValue, .string("jdoe"))
    }

    func testABrokenExpressionStillCountsWhatItNames() {
        let source = AttributeMappingSource.function(#"Join(" ", [name.givenName], [name.familyName]"#)
        XCTAssertEqual(source.attributesRead, ["name.givenName", "name.familyName"], "the scan stands in for the parser")
    }
}
