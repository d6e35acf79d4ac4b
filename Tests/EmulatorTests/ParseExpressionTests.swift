import Emulator
import Foundation
import Mapping
import Provisioning
import SCIM
import XCTest

/// `POST …/jobs/{jobId}/schema/parseExpression` over loopback (ENTRA.md §5): the same library the
/// processing and the client use answers, with Graph's parseExpressionResponse shape.
final class ParseExpressionTests: XCTestCase {
    private func url(_ h: EmulatorHarness) -> String {
        h.endpoint.replacingOccurrences(of: "/bulkUpload", with: "/schema/parseExpression")
    }

    private func body(_ expression: String, _ properties: [(String, String)]) -> String {
        let props = properties.map { #"{"key":"\#($0.0)","value":"\#($0.1)"}"# }.joined(separator: ",")
        let quoted = JSONWriter.compact.string(.string(expression))
        return #"""
        {"expression":\#(quoted),
         "testInputObject":{"definition":{"name":"User","attributes":[]},"properties":[\#(props)]},
         "targetAttributeDefinition":null}
        """#
    }

    private func parse(_ h: EmulatorHarness, _ token: String, _ expression: String,
                       _ properties: [(String, String)] = []) async throws -> (status: Int, json: JSONObject) {
        let r = try await h.request("POST", url(h), token: token, contentType: "application/json", body: body(expression, properties))
        return (r.status, try XCTUnwrap(r.json, String(decoding: r.body, as: UTF8.self)))
    }

    func testASuccessfulEvaluationGivesTheValuesAndTheParsedExpression() async throws {
        let h = try await EmulatorHarness()
        let token = try await h.token()
        let expression = #"Replace([userName], , "(?<Suffix>@(.)*)", "Suffix", "", , )"#
        let (status, json) = try await parse(h, token, expression, [("userName", "bjensen@contoso.com")])
        XCTAssertEqual(status, 200)
        XCTAssertEqual(json["parsingSucceeded"], .bool(true))
        XCTAssertEqual(json["evaluationSucceeded"], .bool(true))
        XCTAssertEqual(json["evaluationResult"], .array([.string("bjensen")]))
        XCTAssertEqual(json["error"], .null)
        let parsed = try XCTUnwrap(json["parsedExpression"]?.objectValue)
        XCTAssertEqual(parsed.string("type"), "Function")
        XCTAssertEqual(parsed.string("name"), "Replace")
        XCTAssertEqual(json["parsedExpression"], try EntraExpression.parse(expression).mappingSource,
                       "the same library as the client's: they agree by construction")

        let (_, split) = try await parse(h, token, #"Split([proxies], ",")"#, [("proxies", "a,b")])
        XCTAssertEqual(split["evaluationResult"], .array([.string("a"), .string("b")]))
        let (_, absent) = try await parse(h, token, "[title]")
        XCTAssertEqual(absent["evaluationSucceeded"], .bool(true))
        XCTAssertEqual(absent["evaluationResult"], .array([]), "a null result flows nothing")
        await h.stop()
    }

    func testAParseFailureIsA200ThatSaysSoWithTheColumn() async throws {
        let h = try await EmulatorHarness()
        let token = try await h.token()
        let (status, json) = try await parse(h, token, #"Join(",", [givenName]"#, [("givenName", "Ada")])
        XCTAssertEqual(status, 200)
        XCTAssertEqual(json["parsingSucceeded"], .bool(false))
        XCTAssertEqual(json["evaluationSucceeded"], .bool(false))
        XCTAssertEqual(json["parsedExpression"], .null)
        let error = try XCTUnwrap(json["error"]?.objectValue)
        XCTAssertEqual(error.string("code"), "ExpressionParsingFailed")
        XCTAssertTrue(error.string("message")?.contains("column") == true, "\(error)")
        await h.stop()
    }

    func testAnEvaluationFailureKeepsTheParsedExpression() async throws {
        let h = try await EmulatorHarness()
        let token = try await h.token()
        let (status, json) = try await parse(h, token, "CDate([hireDate])", [("hireDate", "30.06.2021")])
        XCTAssertEqual(status, 200)
        XCTAssertEqual(json["parsingSucceeded"], .bool(true))
        XCTAssertEqual(json["evaluationSucceeded"], .bool(false))
        XCTAssertEqual(json["evaluationResult"], .null)
        XCTAssertEqual(json["parsedExpression"]?.objectValue?.string("name"), "CDate")
        let error = try XCTUnwrap(json["error"]?.objectValue)
        XCTAssertEqual(error.string("code"), "ExpressionEvaluationFailed")
        XCTAssertTrue(error.string("message")?.contains("is not a date") == true, "\(error)")
        await h.stop()
    }

    /// Graph's table: Application.ReadWrite.OwnedBy or Synchronization.ReadWrite.All; reading the
    /// schema is not enough.
    func testItNeedsAJobWriteRoleAndARequestBody() async throws {
        let h = try await EmulatorHarness(config: EmulatorHarness.config { c in
            c.tenants[0].apps[0].permissions = ["SynchronizationData-User.Upload", "Synchronization.Read.All"]
        })
        let token = try await h.token()
        let refused = try await h.request("POST", url(h), token: token, contentType: "application/json", body: body("[a]", []))
        XCTAssertEqual(refused.status, 403)
        XCTAssertTrue(refused.json?["error"]?.objectValue?["message"]?.stringValue?.contains("Synchronization.ReadWrite.All") == true)
        await h.stop()

        let reader = try await EmulatorHarness(config: EmulatorHarness.config { c in
            c.tenants[0].apps[0].permissions = ["Application.ReadWrite.OwnedBy"]
        })
        let readerToken = try await reader.token()
        let bad = try await reader.request("POST", url(reader), token: readerToken, contentType: "application/json", body: #"{"testInputObject":{}}"#)
        XCTAssertEqual(bad.status, 400)
        XCTAssertEqual(bad.graphCode, "BadRequest")
        let get = try await reader.request("GET", url(reader), token: readerToken, contentType: nil)
        XCTAssertEqual(get.status, 405)
        await reader.stop()
    }
}
