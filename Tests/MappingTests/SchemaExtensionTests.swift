import Mapping
import SCIM
import XCTest

/// `SchemaExtension`: what `schema extend` would add to the API directory's User object, and that
/// the rest of the schema goes back exactly as it came.
final class SchemaExtensionTests: XCTestCase {
    let contoso = "urn:ietf:params:scim:schemas:extension:contoso:1.0:User"

    private func record(_ json: String) throws -> JSONObject {
        try XCTUnwrap(JSONParser.parse(Array(json.utf8)).objectValue)
    }

    private func attributes(_ records: String...) throws -> [InputAttributes.Attribute] {
        var found = InputAttributes()
        for r in records { found.add(record: try record(r)) }
        return found.attributes
    }

    func testNothingToAddWhenTheDefaultDeclaresEverything() throws {
        let input = try attributes(#"""
            {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "externalId": "1", "userName": "a@contoso.com",
             "name": {"givenName": "A", "familyName": "B"}, "active": true,
             "emails": [{"type": "work", "value": "a@contoso.com", "primary": true}],
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "HR", "manager": {"value": "2"}}}
            """#)
        let change = SchemaExtension(schema: .defaultAPIDriven, input: input, urn: contoso)
        XCTAssertTrue(change.isEmpty, "\(change.diffLines)")
        XCTAssertEqual(change.skipped, [])
        XCTAssertEqual(change.extended(.defaultAPIDriven), .defaultAPIDriven)
    }

    func testCustomAttributesAreAddedWithTheirType() throws {
        let input = try attributes(#"""
            {"externalId": "1", "urn:ietf:params:scim:schemas:extension:contoso:1.0:User": {"badgeId": "B1", "floor": 3, "remote": true}}
            """#, #"""
            {"externalId": "2", "nickName": "x", "urn:ietf:params:scim:schemas:extension:contoso:1.0:User": {"floor": "3b", "remote": false},
             "urn:other:ext": {"x": "y"}, "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"employeeNumber": "7"}}
            """#)
        let change = SchemaExtension(schema: .defaultAPIDriven, input: input, urn: contoso)
        XCTAssertEqual(change.diffLines, [
            "+ \(contoso):badgeId (String)",
            "+ \(contoso):floor (String)",
            "+ \(contoso):remote (Boolean)",
        ], "floor came as a number and as text: String; nickName and employeeNumber are declared already")
        XCTAssertEqual(change.skipped.map(\.name), ["urn:other:ext:x"])
        let extended = try XCTUnwrap(change.extended(.defaultAPIDriven))
        let badge = try XCTUnwrap(extended.apiDirectory?.object("User")?.attribute("\(contoso):badgeId"))
        XCTAssertEqual(badge.type, "String")
        XCTAssertEqual(badge.multivalued, false)
        XCTAssertEqual(badge.mutability, "ReadWrite")
        XCTAssertEqual(extended.apiUserAttributes.count, SynchronizationSchema.defaultAPIDriven.apiUserAttributes.count + 3)
        XCTAssertEqual(extended.directories[1], SynchronizationSchema.defaultAPIDriven.directories[1], "Entra's side is untouched")
        XCTAssertEqual(extended.synchronizationRules, SynchronizationSchema.defaultAPIDriven.synchronizationRules)
    }

    func testAttributesWithoutAURNThatAreNotSCIMGoUnderTheURN() throws {
        var found = InputAttributes()
        found.add(csvHeader: ["WorkerID", "userName", "BadgeId", "title"], mapping: nil, remainingURN: contoso)
        XCTAssertEqual(found.names, ["userName", "title", "\(contoso):WorkerID", "\(contoso):BadgeId"])
        var plain = InputAttributes()
        plain.add(record: try record(#"{"externalId": "1", "costCentre": "42"}"#))
        let change = SchemaExtension(schema: .defaultAPIDriven, input: found.attributes + plain.attributes, urn: contoso)
        XCTAssertEqual(change.additions.map(\.name), ["\(contoso):WorkerID", "\(contoso):BadgeId", "\(contoso):costCentre"])
    }

    func testACoreAttributeTheSchemaLacksIsAddedUnderItsOwnName() throws {
        var schema = SynchronizationSchema.defaultAPIDriven
        schema.directories[0].objects[0].attributes.removeAll { $0.name == "userType" || $0.name.hasSuffix(":manager") }
        let input = try attributes(#"""
            {"externalId": "1", "userType": "Employee", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"manager": {"value": "9"}}}
            """#)
        let change = SchemaExtension(schema: schema, input: input, urn: contoso)
        XCTAssertEqual(change.diffLines, ["+ userType (String)", "+ urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager (Reference)"])
    }

    func testUnknownFieldsRoundTripInTheJSON() throws {
        let json = #"""
            {"zeta": {"kept": [1, 2]}, "directories": [
              {"name": "Azure Active Directory", "objects": [{"name": "User", "attributes": [], "tenantThing": 1}]},
              {"id": "API", "name": "API", "extra": "x", "objects": [{"name": "User", "attributes": [{"name": "externalId", "type": "String", "odd": true}]}]}
            ], "synchronizationRules": [{"sourceDirectoryName": "API", "targetDirectoryName": "Azure Active Directory", "objectMappings": []}],
            "alpha": null}
            """#
        let value = try JSONParser.parse(Array(json.utf8))
        let schema = try SynchronizationSchema.decode(Array(json.utf8))
        let change = SchemaExtension(schema: schema, input: [.init(name: "\(contoso):badgeId", type: "String")], urn: contoso)
        let out = try XCTUnwrap(change.extended(json: value))
        let text = String(decoding: JSONWriter.compact.bytes(out), as: UTF8.self)
        XCTAssertTrue(text.hasPrefix(#"{"zeta":{"kept":[1,2]},"directories":[{"name":"Azure Active Directory","objects":[{"name":"User","attributes":[],"tenantThing":1}]},{"id":"API","name":"API","extra":"x","objects":[{"name":"User","attributes":[{"name":"externalId","type":"String","odd":true},{"name":"\#(contoso):badgeId","type":"String""#), text)
        XCTAssertTrue(text.hasSuffix(#""synchronizationRules":[{"sourceDirectoryName":"API","targetDirectoryName":"Azure Active Directory","objectMappings":[]}],"alpha":null}"#), text)
        let decoded = try SynchronizationSchema.decode(JSONWriter.compact.bytes(out))
        XCTAssertEqual(decoded, change.extended(schema), "the JSON edit and the model's agree")
        XCTAssertEqual(decoded.apiDirectory?.object("User")?.attribute("externalId")?.unmodelled.members["odd"], JSONValue.bool(true))
    }
}
