import Foundation
import SCIM
import XCTest
@testable import Mapping

/// The schema as the portal downloads it and Graph serves it: decoded, helpers, and written back with
/// everything scimterm does not model still there.
final class SchemaModelTests: XCTestCase {
    /// Shaped like the portal's "download schema" JSON: members scimterm does not model, explicit nulls,
    /// a custom attribute and a Function source with parameters.
    static let portalDownload = #"""
    {
      "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#servicePrincipals('x')/synchronization/jobs('y')/schema/$entity",
      "id": "API2AAD",
      "version": "Date:2026-01-01~~Publisher:Microsoft",
      "directories": [
        {"id": "66e4a8cc-1b7b-435e-95f8-f06cea133828", "name": "Azure Active Directory", "discoverabilities": "AttributeNames",
         "discoveryDateTime": null, "readOnly": true, "version": "x",
         "objects": [{"name": "User", "metadata": [], "supportedApis": [],
                      "attributes": [{"name": "employeeId", "type": "String", "anchor": false, "apiExpressions": [],
                                      "caseExact": false, "defaultValue": null, "flowNullValues": false, "metadata": [],
                                      "multivalued": false, "mutability": "ReadWrite", "referencedObjects": [], "required": false},
                                     {"name": "jobTitle", "type": "String"}]}]},
        {"id": "8ffa6169-f354-4751-9b77-9c00765be92d", "name": "API", "readOnly": false,
         "objects": [{"name": "User",
                      "attributes": [{"name": "externalId", "type": "String", "anchor": true, "required": true},
                                     {"name": "userName", "type": "String"},
                                     {"name": "urn:ietf:params:scim:schemas:extension:contoso:1.0:User:JobCode", "type": "String",
                                      "flowNullValues": true, "metadata": [{"key": "description", "value": "HR job code"}]}]}]}
      ],
      "synchronizationRules": [
        {"id": "03f7d90d-bf71-41b1-bda6-aaf0ddbee5d8", "name": "USER_INBOUND_USER", "sourceDirectoryName": "API",
         "targetDirectoryName": "Azure Active Directory", "editable": true, "priority": 1, "containerFilter": {"includedContainers": []},
         "groupFilter": {"includedGroups": []}, "metadata": [{"key": "defaultSourceObjectMappingName", "value": "User"}],
         "objectMappings": [
           {"name": "Provision API urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "enabled": true,
            "flowTypes": "Add, Update", "sourceObjectName": "User", "targetObjectName": "User", "metadata": [],
            "scope": null,
            "attributeMappings": [
              {"defaultValue": "", "exportMissingReferences": false, "flowBehavior": "FlowWhenChanged", "flowType": "Always",
               "matchingPriority": 1, "targetAttributeName": "employeeId",
               "source": {"expression": "[externalId]", "name": "externalId", "parameters": [], "type": "Attribute"}},
              {"flowType": "Always", "matchingPriority": 0, "targetAttributeName": "jobTitle",
               "source": {"expression": "Switch([urn:ietf:params:scim:schemas:extension:contoso:1.0:User:JobCode], \"Unknown [x]\", \"1\", [title])",
                          "name": "Switch", "type": "Function",
                          "parameters": [{"key": "source", "value": {"name": "urn:ietf:params:scim:schemas:extension:contoso:1.0:User:JobCode",
                                                                     "type": "Attribute", "expression": null}}]}},
              {"flowType": "ObjectAddOnly", "matchingPriority": 0, "targetAttributeName": "usageLocation",
               "source": {"expression": "\"NL\"", "name": "NL", "type": "Constant"}}
            ]}
         ]}
      ]
    }
    """#

    private func decode(_ text: String) throws -> SynchronizationSchema {
        try SynchronizationSchema.decode(Array(text.utf8))
    }

    func testThePortalDownloadDecodesWithItsHelpers() throws {
        let schema = try decode(Self.portalDownload)
        XCTAssertEqual(schema.apiDirectory?.name, "API", "the directory that is not Azure Active Directory")
        XCTAssertEqual(schema.apiRule?.id, "03f7d90d-bf71-41b1-bda6-aaf0ddbee5d8")
        XCTAssertEqual(schema.userObjectMapping?.attributeMappings.count, 3)
        XCTAssertEqual(schema.matchingAttribute?.targetAttributeName, "employeeId")
        XCTAssertEqual(schema.matchingAttribute?.source?.name, "externalId")
        XCTAssertEqual(schema.apiUserAttributes.map(\.name).last, "urn:ietf:params:scim:schemas:extension:contoso:1.0:User:JobCode")
        XCTAssertEqual(schema.userObjectMapping?.mapping(forTarget: "USAGELOCATION")?.source?.type, .constant)
    }

    func testSourceAttributesReadScanExpressionsButNotStringLiteralsOrConstants() throws {
        let schema = try decode(Self.portalDownload)
        XCTAssertEqual(schema.sourceAttributesRead,
                       ["externalId", "urn:ietf:params:scim:schemas:extension:contoso:1.0:User:JobCode", "title"],
                       "\"Unknown [x]\" is a string, the constant NL reads nothing, the parameter repeats JobCode")
        XCTAssertTrue(schema.reads("TITLE"))
        XCTAssertFalse(schema.reads("x"))
    }

    func testNestedBracketsAndEscapedQuotesAreOneReference() {
        let refs = SchemaReferenceScanner.references(
            in: #"Join(" \"]\" ", [emails[type eq "work"].value], [name.givenName])"#)
        XCTAssertEqual(refs, [#"emails[type eq "work"].value"#, "name.givenName"])
    }

    func testRoundTripKeepsUnmodelledMembersAndExplicitNulls() throws {
        let schema = try decode(Self.portalDownload)
        let bytes = schema.encoded()
        let again = try SynchronizationSchema.decode(bytes)
        XCTAssertEqual(again, schema)
        let json = try XCTUnwrap(try JSONParser.parse(bytes).objectValue)
        XCTAssertEqual(json["@odata.context"]?.stringValue?.hasPrefix("https://graph.microsoft.com"), true)
        XCTAssertEqual(json["id"]?.stringValue, "API2AAD")
        let rule = try XCTUnwrap(json["synchronizationRules"]?.arrayValue?.first?.objectValue)
        XCTAssertEqual(rule["containerFilter"], .object(["includedContainers": []]))
        XCTAssertEqual(rule["metadata"]?.arrayValue?.count, 1)
        let objectMapping = try XCTUnwrap(rule["objectMappings"]?.arrayValue?.first?.objectValue)
        XCTAssertEqual(objectMapping["scope"], .null, "an explicit null goes back as null")
        let api = try XCTUnwrap(json["directories"]?.arrayValue?[1].objectValue)
        let custom = try XCTUnwrap(api["objects"]?.arrayValue?.first?.objectValue?["attributes"]?.arrayValue?[2].objectValue)
        XCTAssertEqual(custom["flowNullValues"], .bool(true))
        XCTAssertEqual(custom["metadata"]?.arrayValue?.first?.objectValue?["value"]?.stringValue, "HR job code")
        let aad = try XCTUnwrap(json["directories"]?.arrayValue?.first?.objectValue)
        XCTAssertEqual(aad["discoveryDateTime"], .null)
        XCTAssertEqual(aad["readOnly"], .bool(true))
    }

    func testAnEditedNullMemberGoesOutWithItsNewValue() throws {
        var schema = try decode(Self.portalDownload)
        XCTAssertNil(schema.synchronizationRules[0].objectMappings[0].attributeMappings[1].source?.parameters?[0].value?.expression)
        schema.synchronizationRules[0].objectMappings[0].attributeMappings[1].source?.parameters?[0].value?.expression = "[x]"
        let again = try SynchronizationSchema.decode(schema.encoded())
        XCTAssertEqual(again.synchronizationRules[0].objectMappings[0].attributeMappings[1].source?.parameters?[0].value?.expression, "[x]")
    }

    func testEncodingIsStableAcrossRoundTrips() throws {
        let once = try decode(Self.portalDownload).encoded()
        let twice = try SynchronizationSchema.decode(once).encoded()
        XCTAssertEqual(once, twice)
    }

    func testBadFilesSayWhatIsWrongAndWhere() {
        func message(_ text: String) -> String {
            do {
                _ = try SynchronizationSchema.decode(Array(text.utf8))
                return "decoded"
            } catch {
                return error.description
            }
        }
        XCTAssertTrue(message("{nope").hasPrefix("not valid JSON"), message("{nope"))
        XCTAssertTrue(message("{}").contains("neither directories nor synchronizationRules"), message("{}"))
        XCTAssertTrue(message("[1]").contains("top level"), message("[1]"))
        let missing = message(#"{"synchronizationRules":[{"objectMappings":[{"sourceObjectName":"User","targetObjectName":"User","attributeMappings":[{"source":null}]}]}]}"#)
        XCTAssertEqual(missing, #"synchronizationRules[0].objectMappings[0].attributeMappings[0]: missing "targetAttributeName""#)
        let wrongType = message(#"{"directories":[{"name":"API","objects":[{"name":"User","attributes":[{"name":"a","multivalued":"no"}]}]}]}"#)
        XCTAssertEqual(wrongType, "directories[0].objects[0].attributes[0].multivalued: expected true or false")
    }

    func testLoadNamesTheFile() throws {
        let path = NSTemporaryDirectory() + "scimterm-schema-\(UUID().uuidString).json"
        XCTAssertThrowsError(try SynchronizationSchema.load(path: path)) { error in
            XCTAssertEqual("\(error)", "\(path): cannot read the file")
        }
        try Data(Self.portalDownload.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        XCTAssertEqual(try SynchronizationSchema.load(path: path).apiDirectory?.name, "API")
    }
}
