import Foundation
import XCTest
@testable import Provisioning

final class CredentialTests: XCTestCase {
    func testSecretFileMustBePrivate() throws {
        let path = NSTemporaryDirectory() + "secret-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("  s3cret\n".utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        XCTAssertThrowsError(try SecretSource.file(path).read()) { error in
            XCTAssertTrue("\(error)".contains("chmod 600"), "\(error)")
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        let secret = try SecretSource.file(path).read()
        XCTAssertEqual(secret.value, "s3cret")
        XCTAssertEqual("\(secret)", "[redacted]", "a secret never prints itself")
        XCTAssertEqual(String(reflecting: ClientCredential.secret(secret)).contains("s3cret"), false)
    }

    func testMissingEnvironmentVariable() {
        XCTAssertThrowsError(try SecretSource.environment("SCIMTERM_TEST_SURELY_UNSET_\(UUID().uuidString.prefix(6))").read())
    }

    func testProxyFromEnvironment() {
        let env = ["HTTPS_PROXY": "http://user:pw@proxy.corp:3128", "NO_PROXY": "localhost,.internal.corp"]
        XCTAssertEqual(ProxySettings.from(environment: env, targetHost: "graph.microsoft.com"), ProxySettings(host: "proxy.corp", port: 3128))
        XCTAssertNil(ProxySettings.from(environment: env, targetHost: "api.internal.corp"))
        XCTAssertNil(ProxySettings.from(environment: env, targetHost: "127.0.0.1"), "loopback never goes through a proxy")
        XCTAssertNil(ProxySettings.from(environment: [:], targetHost: "graph.microsoft.com"))
    }

    func testTokenFailureExplainsKnownCodes() {
        let body = #"{"error":"invalid_request","error_description":"AADSTS90002: Tenant 'x' not found. Trace ID: 1 Correlation ID: 2","error_codes":[90002],"correlation_id":"c"}"#
        let f = TokenFailure.parse(status: 400, body: Array(body.utf8))
        XCTAssertEqual(f.code, 90002)
        XCTAssertEqual(f.serverMessage, "AADSTS90002: Tenant 'x' not found.")
        XCTAssertTrue(f.fix.contains("cloud"))
        XCTAssertEqual(f.correlationId, "c")
        let html = TokenFailure.parse(status: 502, body: Array("<html>proxy error</html>".utf8))
        XCTAssertNil(html.code)
        XCTAssertTrue(html.fix.contains("proxy"))
    }
}
