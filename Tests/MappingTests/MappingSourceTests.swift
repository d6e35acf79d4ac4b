import XCTest
@testable import Mapping
import SCIM

/// The parsed expression as Graph's attributeMappingSource, checked against Graph's own example
/// (api-reference/beta/resources/synchronization_attributeMappingSource.md): Mid([userPrincipalName], 1, 8).
final class MappingSourceTests: XCTestCase {
    func testGraphsMidExample() throws {
        let source = try Expression.parse("Mid([userPrincipalName], 1, 8)").mappingSource
        let expected: JSONValue = [
            "expression": "Mid([userPrincipalName], 1, 8)", "name": "Mid",
            "parameters": [
                ["key": "source", "value": ["expression": "[userPrincipalName]", "name": "userPrincipalName", "parameters": [], "type": "Attribute"]],
                ["key": "start", "value": ["expression": "\"1\"", "name": "1", "parameters": [], "type": "Constant"]],
                ["key": "length", "value": ["expression": "\"8\"", "name": "8", "parameters": [], "type": "Constant"]],
            ],
            "type": "Function",
        ]
        XCTAssertEqual(source, expected)
    }

    func testGraphsAttributeExample() throws {
        XCTAssertEqual(try Expression.parse("[mail]").mappingSource,
                       ["expression": "[mail]", "name": "mail", "parameters": [], "type": "Attribute"])
    }

    func testOmittedArgumentsAreLeftOutAndNamesFollowTheReference() throws {
        let source = try Expression.parse(#"Replace([mail], "@contoso.com", , , "", , )"#).mappingSource
        let keys = source.objectValue?["parameters"]?.arrayValue?.compactMap { $0.objectValue?["key"]?.stringValue }
        XCTAssertEqual(keys, ["source", "oldValue", "replacementValue"])
        let switchKeys = try Expression.parse(#"Switch([a], "d", "k1", "v1", "k2", "v2")"#).mappingSource
            .objectValue?["parameters"]?.arrayValue?.compactMap { $0.objectValue?["key"]?.stringValue }
        XCTAssertEqual(switchKeys, ["source", "defaultValue", "key1", "value1", "key2", "value2"])
    }

    func testExpressionTextRoundTrips() throws {
        let text = #"IIF([country] = "US\"A", Join(", ", [a], "b\\c"), Guid())"#
        let node = try Expression.parse(text).root
        XCTAssertEqual(node.expressionText, text)
        XCTAssertEqual(try Expression.parse(node.expressionText).root, node)
    }
}
