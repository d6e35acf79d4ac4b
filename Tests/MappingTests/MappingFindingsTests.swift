import Foundation
import SCIM
import XCTest
@testable import Mapping

/// The job's mapping against users, without files: which attributes are read, what is said once
/// per file, and which targets are reported.
final class MappingFindingsTests: XCTestCase {
    let context = EvaluationContext(now: fixedNow)

    private func findings(_ extra: [AttributeMapping] = []) -> MappingFindings {
        var schema = SynchronizationSchema.defaultAPIDriven
        schema.synchronizationRules[0].objectMappings[0].attributeMappings += extra
        return MappingFindings(schema: schema, context: context)
    }

    func testSourceKeysDropFiltersAndTheCoreURN() {
        XCTAssertEqual(PayloadAttributes.key(ofSource: #"emails[type eq "work"].value"#), "emails.value")
        XCTAssertEqual(PayloadAttributes.key(ofSource: "urn:ietf:params:scim:schemas:core:2.0:User:userName"), "username")
        XCTAssertTrue(PayloadAttributes.covers("urn:x:user:manager", "urn:x:user:manager"))
        XCTAssertTrue(PayloadAttributes.covers("name", "name.givenname"))
        XCTAssertFalse(PayloadAttributes.covers("name.givenname", "name.familyname"))
        XCTAssertFalse(PayloadAttributes.covers("user", "username"), "a prefix of the name is not a parent")
    }

    func testOnlyUnreadAttributesAreWarnedAbout() {
        var f = findings()
        let record: JSONObject = ["schemas": .array([]), "externalId": "1", "userName": "a@contoso.com", "active": true,
                                  "emails": .array([.object(["value": "a@contoso.com", "type": "work", "primary": true])]),
                                  "urn:contoso:1.0:User": .object(["badgeId": "7"])]
        let unread = f.check(record).filter { $0.rule == "schema.attribute.unread" }
        XCTAssertEqual(unread.map(\.message), [
            "accepted and ignored: the job's mapping does not read urn:contoso:1.0:User:badgeId; add it to the schema and a mapping",
        ])
        XCTAssertEqual(unread.first?.path, JSONPath.root.appending("urn:contoso:1.0:User").appending("badgeId"))
    }

    /// nickName is declared by the default API directory but no default mapping reads it: the fix
    /// is a mapping, not a schema extension. Without the schema's declarations, both are named.
    func testAnUnreadAttributeTheSchemaDeclaresAsksForAMappingOnly() {
        let record: JSONObject = ["externalId": "1", "nickName": "Babs", "urn:contoso:1.0:User": .object(["badgeId": "7"])]
        var withSchema = findings()
        XCTAssertEqual(withSchema.check(record).filter { $0.rule == "schema.attribute.unread" }.map(\.message), [
            "accepted and ignored: nickName is in the job's schema, but no mapping reads it yet",
            "accepted and ignored: the job's mapping does not read urn:contoso:1.0:User:badgeId; add it to the schema and a mapping",
        ])
        var compiledOnly = MappingFindings(compiled: CompiledMapping(schema: .defaultAPIDriven), context: context)
        XCTAssertEqual(compiledOnly.check(record).filter { $0.rule == "schema.attribute.unread" }.first?.message,
                       "accepted and ignored: the job's mapping does not read nickName; add it to the schema and a mapping")
    }

    func testAbsentSourcesAreNotedOnceForTheFileAndAFilterCounts() {
        var f = findings()
        _ = f.check(["externalId": "1", "phoneNumbers": .array([.object(["value": "1", "type": "work"])])])
        _ = f.check(["externalId": "2", "title": "Guide"])
        let notes = f.fileNotes().map(\.message)
        XCTAssertFalse(notes.contains { $0.contains("(for jobTitle)") }, "the second user carries a title")
        XCTAssertFalse(notes.contains { $0.contains("(for telephoneNumber)") })
        XCTAssertEqual(notes.filter { $0.contains("(for mobile)") }.count, 1, "a work phone is not a mobile one; said once")
    }

    func testAMatchingAttributeOtherThanExternalIdIsAnErrorWhenEmpty() {
        var schema = SynchronizationSchema.defaultAPIDriven
        for i in schema.synchronizationRules[0].objectMappings[0].attributeMappings.indices {
            let m = schema.synchronizationRules[0].objectMappings[0].attributeMappings[i]
            schema.synchronizationRules[0].objectMappings[0].attributeMappings[i].matchingPriority = m.targetAttributeName == "userPrincipalName" ? 1 : 0
        }
        var f = MappingFindings(schema: schema, context: context)
        XCTAssertEqual(f.check(["externalId": "1", "userName": ""]).filter { $0.rule == "schema.matching.empty" }.map(\.severity), [.error])
        XCTAssertTrue(f.check(["externalId": "1", "userName": "a@b.c"]).filter { $0.rule == "schema.matching.empty" }.isEmpty)
        var plain = findings()
        XCTAssertTrue(plain.check(["userName": "a"]).filter { $0.rule == "schema.matching.empty" }.isEmpty,
                      "a missing externalId is entra.externalId.missing already")
    }

    func testDirectMappingsOfAbsentAttributesAreNotWarnedPerUser() {
        var f = findings()
        let found = f.check(["externalId": "1", "userName": "a@contoso.com", "active": true])
        XCTAssertTrue(found.filter { $0.rule == "schema.target.nothing" }.isEmpty, found.map(\.message).joined(separator: "\n"))
    }

    func testADateWithATimeIsFine() {
        var f = findings([AttributeMapping(source: .attribute("urn:x:1.0:User:hire"), targetAttributeName: "employeeHireDate")])
        XCTAssertEqual(f.check(["externalId": "1", "urn:x:1.0:User": .object(["hire": "2026-01-05"])]).filter { $0.rule == "schema.hireDate.time" }.count, 1)
        XCTAssertTrue(f.check(["externalId": "1", "urn:x:1.0:User": .object(["hire": "2026-01-05T08:00:00Z"])])
            .filter { $0.rule == "schema.hireDate.time" }.isEmpty)
    }
}
