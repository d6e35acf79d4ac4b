import XCTest
@testable import SCIM

final class ValidatorRulesTests: XCTestCase {
    private let core = SCIMSchema.user
    private let ent = SCIMSchema.enterpriseUser

    /// A valid user; tests change one thing at a time.
    private func user(_ changes: String = "", externalId: String = "\"1\"") -> String {
        #"{"schemas":["\#(core)","\#(ent)"],"externalId":\#(externalId),"userName":"a@contoso.com","active":true\#(changes)}"#
    }

    private func bulk(_ ops: [String], top: String = "") -> String {
        let operations = ops.enumerated().map { i, data in
            #"{"method":"POST","bulkId":"b\#(i)","path":"/Users","data":\#(data)}"#
        }
        return #"{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[\#(operations.joined(separator: ","))],"failOnErrors":null\#(top)}"#
    }

    private func rules(_ json: String) throws -> [String: Diagnostic.Severity] {
        let bytes = Array(json.utf8)
        let ds = Validator().validate(try PayloadReader.read(json: bytes), bytes: bytes)
        var out: [String: Diagnostic.Severity] = [:]
        for d in ds { out[d.rule] = d.severity }
        return out
    }

    func testValidPayloadIsClean() throws {
        XCTAssertEqual(try rules(bulk([user(), user(externalId: "\"2\"").replacingOccurrences(of: "a@", with: "b@")])), [:])
    }

    func testEnvelopeRules() throws {
        XCTAssertEqual(try rules(bulk([user()]).replacingOccurrences(of: "\"Operations\"", with: "\"operations\""))["entra.operations.case"], .error)
        XCTAssertEqual(try rules(bulk([user()]).replacingOccurrences(of: "\"POST\"", with: "\"PATCH\""))["entra.method"], .error)
        XCTAssertEqual(try rules(bulk([user()]).replacingOccurrences(of: "\"/Users\"", with: "\"/users\""))["bulk.path.case"], .warning)
        XCTAssertEqual(try rules(bulk([user()]).replacingOccurrences(of: "\"/Users\"", with: "\"/Groups\""))["entra.path"], .error)
        XCTAssertEqual(try rules(bulk([user()]).replacingOccurrences(of: "\"bulkId\":\"b0\",", with: ""))["bulk.bulkId.missing"], .error)
        XCTAssertEqual(try rules(bulk([user()]).replacingOccurrences(of: "urn:ietf:params:scim:api:messages:2.0:BulkRequest", with: "x"))["bulk.schemas.urn"], .error)
        XCTAssertEqual(try rules(bulk([user()], top: #","failOnErrors":"yes""#))["bulk.failOnErrors.type"], .warning)
        XCTAssertEqual(try rules(bulk([]))["bulk.operations.empty"], .warning)
        let dupIds = bulk([user(), user(externalId: "\"2\"")]).replacingOccurrences(of: "\"b1\"", with: "\"b0\"")
        XCTAssertEqual(try rules(dupIds)["bulk.bulkId.duplicate"], .warning)
        XCTAssertEqual(try rules(bulk([user(), "\"x\""]))["bulk.data.type"], .error)
    }

    func testMoreThanFiftyOperationsIsAnError() throws {
        let ops = (0..<51).map { user(externalId: "\"\($0)\"").replacingOccurrences(of: "a@", with: "u\($0)@") }
        XCTAssertEqual(try rules(bulk(ops))["entra.operations.limit"], .error)
        XCTAssertNil(try rules(bulk(Array(ops.prefix(50))))["entra.operations.limit"])
    }

    func testExternalIdRules() throws {
        XCTAssertEqual(try rules(user().replacingOccurrences(of: #""externalId":"1","#, with: ""))["entra.externalId.missing"], .error)
        XCTAssertEqual(try rules(user(externalId: "\" \""))["entra.externalId.empty"], .error)
        XCTAssertEqual(try rules(user(externalId: "701984"))["entra.externalId.type"], .error)
        let twice = "[\(user()),\(user().replacingOccurrences(of: "a@", with: "b@"))]"
        XCTAssertEqual(try rules(twice)["entra.externalId.duplicate"], .warning)
    }

    func testUserNameAndActive() throws {
        XCTAssertEqual(try rules(user().replacingOccurrences(of: #""userName":"a@contoso.com","#, with: ""))["scim.userName.missing"], .warning)
        XCTAssertEqual(try rules(user().replacingOccurrences(of: #","active":true"#, with: ""))["entra.active.missing"], .warning)
        XCTAssertEqual(try rules(user().replacingOccurrences(of: #""active":true"#, with: #""active":"True""#))["scim.type.boolean"], .error)
        let sameName = "[\(user()),\(user(externalId: "\"2\""))]"
        XCTAssertEqual(try rules(sameName)["entra.userName.duplicate"], .warning)
    }

    func testTypesAndMultiValues() throws {
        XCTAssertEqual(try rules(user(#","emails":{"value":"a@b.c","type":"work"}"#))["scim.type.multiValued"], .error)
        XCTAssertEqual(try rules(user(#","displayName":["a"]"#))["scim.type.singleValued"], .error)
        XCTAssertEqual(try rules(user(#","name":"Babs""#))["scim.type"], .error)
        XCTAssertEqual(try rules(user(#","emails":[{"value":"a@b.c","type":"home"}]"#))["entra.type.notWork"], .warning)
        XCTAssertEqual(try rules(user(#","phoneNumbers":[{"value":"1"}]"#))["entra.type.notWork"], .warning)
        let twoPrimaries = #","emails":[{"value":"a","type":"work","primary":true},{"value":"b","type":"work","primary":true}]"#
        XCTAssertEqual(try rules(user(twoPrimaries))["scim.primary.multiple"], .warning)
        XCTAssertEqual(try rules(user(#","favouriteColour":"blue""#))["scim.attribute.unknown"], .note)
        XCTAssertEqual(try rules(user(#","displayname":"Babs""#))["scim.attribute.case"], .warning)
    }

    func testExtensionsAndManager() throws {
        XCTAssertEqual(try rules(user(#","urn:contoso:employee":{"badge":"42"}"#))["scim.schemas.extension"], .warning)
        XCTAssertEqual(try rules(user(#","urn:contoso:employee":"42""#))["scim.extension.type"], .error)
        XCTAssertEqual(try rules(user(#","\#(ent)":{"manager":{"value":"999"}}"#))["entra.manager.outside"], .note)
        XCTAssertEqual(try rules(user(#","\#(ent)":{"manager":{"value":"1"}}"#))["entra.manager.self"], .warning)
        XCTAssertEqual(try rules(user(#","\#(ent)":{"department":7}"#))["scim.type"], .error)
        let managerInSet = "[\(user(#","\#(ent)":{"manager":{"value":"2"}}"#)),\(user(externalId: "\"2\"").replacingOccurrences(of: "a@", with: "m@"))]"
        XCTAssertNil(try rules(managerInSet)["entra.manager.outside"])
    }

    func testHostileBytesAndDuplicateKeys() throws {
        XCTAssertEqual(try rules(user(#","displayName":"Evil\u001b[2J\u202e""#))["input.controlCharacters"], .warning)
        XCTAssertEqual(try rules(user(#","title":"a","title":"b""#))["json.key.duplicate"], .warning)
    }

    func testRecordDiagnosticsFromCSVCarryTheLine() {
        var r = UserRecord(origin: RecordOrigin(document: 0, index: 0, offset: 0, csvLine: 7))
        r.userName = "x"
        let ds = Validator().recordDiagnostics([r])
        let missing = ds.first { $0.rule == "entra.externalId.missing" }
        XCTAssertEqual(missing?.position, SourcePosition(line: 7, column: 1))
        XCTAssertEqual(missing?.record, 0)
    }
}
