import Foundation
import SCIM
import XCTest
@testable import Provisioning

final class ExchangeExportTests: XCTestCase {
    let token = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.secret-payload.signature"
    let secret = "s3cr3t~Value.With-Chars"

    private func tokenExchange() -> HTTPExchange {
        let form = "client_id=abc&client_secret=\(secret)&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default&grant_type=client_credentials"
        let request = Redactor.request(method: "POST", url: "https://login.microsoftonline.com/t/oauth2/v2.0/token",
                                       headers: [HTTPHeader("Content-Type", "application/x-www-form-urlencoded")], body: Array(form.utf8))
        let response = Redactor.response(status: 200, headers: [HTTPHeader("Content-Type", "application/json; charset=utf-8")],
                                         body: Array(#"{"token_type":"Bearer","expires_in":3599,"access_token":"\#(token)"}"#.utf8))
        return HTTPExchange(id: 1, purpose: .token, startedAt: Date(timeIntervalSince1970: 1_700_000_000), request: request,
                            response: response, failure: nil, durationMilliseconds: 41.6, attempt: 0)
    }

    private func uploadExchange() -> HTTPExchange {
        let body = #"{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[{"method":"POST","bulkId":"1","path":"/Users","data":{"externalId":"1","password":"Hunter2!"}}]}"#
        let request = Redactor.request(method: "POST", url: "https://graph.microsoft.com/v1.0/servicePrincipals/x/synchronization/jobs/y/bulkUpload",
                                       headers: [HTTPHeader("Authorization", "Bearer \(token)"), HTTPHeader("Content-Type", "application/scim+json")],
                                       body: Array(body.utf8))
        let response = Redactor.response(status: 202, headers: [HTTPHeader("request-id", "r-1"), HTTPHeader("client-request-id", "c-1")], body: [])
        return HTTPExchange(id: 2, purpose: .bulkUpload(document: 0), startedAt: Date(), request: request, response: response,
                            failure: nil, durationMilliseconds: 120, attempt: 1)
    }

    func testSecretsNeverSurviveRecording() {
        let all = [tokenExchange(), uploadExchange()]
        let har = String(decoding: HARExport.bytes(all), as: UTF8.self)
        let curl = all.map { CurlExport.command($0.request) }.joined(separator: "\n")
        for text in [har, curl] {
            XCTAssertFalse(text.contains(secret))
            XCTAssertFalse(text.contains("secret-payload"), "the token body leaked")
            XCTAssertFalse(text.contains("Hunter2!"), "a SCIM password leaked")
        }
        XCTAssertEqual(uploadExchange().request.header("authorization"), "Bearer eyJ0…[redacted]")
        XCTAssertTrue(har.contains("client_secret=[redacted]"))
        let tokenBody = String(decoding: tokenExchange().response?.body ?? [], as: UTF8.self)
        XCTAssertEqual(tokenBody, #"{"token_type":"Bearer","expires_in":3599,"access_token":"[redacted]"}"#)
    }

    func testHARIsValidAndComplete() throws {
        let har = try JSONParser.parse(HARExport.bytes([tokenExchange(), uploadExchange()]))
        let log = try XCTUnwrap(har.objectValue?["log"]?.objectValue)
        XCTAssertEqual(log["version"], "1.2")
        let entries = try XCTUnwrap(log["entries"]?.arrayValue)
        XCTAssertEqual(entries.count, 2)
        let upload = try XCTUnwrap(entries[1].objectValue)
        XCTAssertEqual(upload["response"]?.objectValue?["status"], 202)
        XCTAssertEqual(upload["response"]?.objectValue?["statusText"], "Accepted")
        XCTAssertEqual(upload["request"]?.objectValue?["postData"]?.objectValue?["mimeType"], "application/scim+json")
        XCTAssertEqual(entries[0].objectValue?["startedDateTime"], "2023-11-14T22:13:20.000Z")
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(HARExport.bytes([uploadExchange()]))))
    }

    func testCurlUsesTokenVariableAndKeepsTheBody() {
        let command = CurlExport.command(uploadExchange().request)
        XCTAssertTrue(command.contains("-H \"Authorization: Bearer $TOKEN\""), command)
        XCTAssertTrue(command.contains("-H 'Content-Type: application/scim+json'"), command)
        XCTAssertTrue(command.contains("--data-binary @- <<'SCIMTERM_BODY'\n{\"schemas\""), command)
        XCTAssertTrue(CurlExport.command(tokenExchange().request).contains("client_secret=$CLIENT_SECRET"))
    }
}
