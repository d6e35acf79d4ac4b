import Foundation
import XCTest
@testable import Provisioning

/// Redaction hides secrets and tokens only: Graph error codes and a job's status code are what a
/// support case reads first.
final class RedactorCodeTests: XCTestCase {
    func testGraphErrorAndJobCodesStayReadable() {
        let error = #"{"error":{"code":"TooManyRequests","message":"slow down","innerError":{"code":"Throttled"}}}"#
        let job = #"{"status":{"code":"Quarantine","quarantine":{"error":{"code":"AzureActiveDirectoryInvalidCredential"}}}}"#
        for body in [error, job] {
            let response = Redactor.response(status: 429, headers: [HTTPHeader("Content-Type", "application/json")], body: Array(body.utf8))
            XCTAssertEqual(String(decoding: response.body, as: UTF8.self), body)
        }
    }

    func testJSONSecretsAreStillRedactedBesideACode() {
        let body = #"{"code":"ok","access_token":"eyJ0.secret.sig","refresh_token":"r"}"#
        let response = Redactor.response(status: 200, headers: [HTTPHeader("Content-Type", "application/json")], body: Array(body.utf8))
        XCTAssertEqual(String(decoding: response.body, as: UTF8.self),
                       #"{"code":"ok","access_token":"[redacted]","refresh_token":"[redacted]"}"#)
    }

    /// In a form body or a query string `code` is an OAuth authorization code: a short-lived secret.
    func testAuthorizationCodeInFormAndQueryIsRedacted() {
        let request = Redactor.request(method: "POST", url: "https://login.example/t/oauth2/v2.0/token?code=abc123&state=s",
                                       headers: [HTTPHeader("Content-Type", "application/x-www-form-urlencoded")],
                                       body: Array("grant_type=authorization_code&code=abc123".utf8))
        XCTAssertEqual(String(decoding: request.body, as: UTF8.self), "grant_type=authorization_code&code=[redacted]")
        XCTAssertFalse(request.url.contains("abc123"), request.url)
        XCTAssertTrue(request.url.contains("state=s"), request.url)
    }
}
