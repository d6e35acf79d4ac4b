import Emulator
import Foundation
import Provisioning
import SCIM
import XCTest

final class TokenEndpointTests: XCTestCase {
    let scope = "scope=https%3A%2F%2Fgraph.microsoft.com%2F.default"

    func testSecretInBodyAndBasicAuth() async throws {
        let h = try await EmulatorHarness()
        let body = try await h.post(h.tokenURL, form: "client_id=\(SandboxIds.clientId)&client_secret=\(EmulatorHarness.secret)&\(scope)&grant_type=client_credentials")
        XCTAssertEqual(body.status, 200)
        XCTAssertEqual(body.json?["token_type"], "Bearer")
        XCTAssertEqual(body.json?["expires_in"], 3599)
        let basic = Data("\(SandboxIds.clientId):\(EmulatorHarness.secret)".utf8).base64EncodedString()
        let viaBasic = try await h.post(h.tokenURL, form: "\(scope)&grant_type=client_credentials", headers: [HTTPHeader("Authorization", "Basic \(basic)")])
        XCTAssertEqual(viaBasic.status, 200, String(decoding: viaBasic.body, as: UTF8.self))
        let byDomain = try await h.post("\(h.base)/sandbox.onmicrosoft.com/oauth2/v2.0/token",
                                        form: "client_id=\(SandboxIds.clientId)&client_secret=\(EmulatorHarness.secret)&\(scope)&grant_type=client_credentials")
        XCTAssertEqual(byDomain.status, 200, "a verified domain names the tenant too")
        await h.stop()
    }

    func testEachTokenErrorInTheAADShape() async throws {
        let h = try await EmulatorHarness(config: EmulatorHarness.config { c in
            c.tenants[0].apps[0].secrets.append(.init(value: "old-secret", expired: true))
        })
        let id = SandboxIds.clientId, good = EmulatorHarness.secret
        let cases: [(String, String, Int, Int?, String)] = [
            (h.tokenURL, "client_id=\(id)&client_secret=nope&\(scope)&grant_type=client_credentials", 401, 7000215, "invalid_client"),
            (h.tokenURL, "client_id=\(id)&client_secret=old-secret&\(scope)&grant_type=client_credentials", 401, 7000222, "invalid_client"),
            (h.tokenURL, "client_id=\(id)&\(scope)&grant_type=client_credentials", 401, 7000218, "invalid_client"),
            (h.tokenURL, "client_id=00000000-0000-0000-0000-000000000000&client_secret=\(good)&\(scope)&grant_type=client_credentials", 400, 700016, "unauthorized_client"),
            ("\(h.base)/contoso.onmicrosoft.com/oauth2/v2.0/token", "client_id=\(id)&client_secret=\(good)&\(scope)&grant_type=client_credentials", 400, 90002, "invalid_request"),
            (h.tokenURL, "client_id=\(id)&client_secret=\(good)&scope=User.Read&grant_type=client_credentials", 400, 70011, "invalid_scope"),
            (h.tokenURL, "client_id=\(id)&client_secret=\(good)&\(scope)&grant_type=password", 400, 70003, "unsupported_grant_type"),
            (h.tokenURL, "client_id=\(id)&client_secret=\(good)&resource=https%3A%2F%2Fgraph.microsoft.com&grant_type=client_credentials", 400, 901002, "invalid_request"),
        ]
        for (url, form, status, code, error) in cases {
            let r = try await h.post(url, form: form)
            XCTAssertEqual(r.status, status, form)
            XCTAssertEqual(r.aadCode, code, form)
            XCTAssertEqual(r.json?["error"]?.stringValue, error, form)
            let description = r.json?["error_description"]?.stringValue ?? ""
            XCTAssertTrue(description.hasPrefix("AADSTS\(code ?? 0): "), description)
            // Entra's lines: message, Trace ID, Correlation ID, Timestamp, joined with CR LF.
            let lines = description.components(separatedBy: "\r\n")
            XCTAssertEqual(lines.count, 4, description)
            XCTAssertEqual(lines.dropFirst().map { $0.prefix { $0 != ":" } }, ["Trace ID", "Correlation ID", "Timestamp"], description)
            XCTAssertEqual(lines.last, "Timestamp: \(r.json?["timestamp"]?.stringValue ?? "?")")
            for key in ["timestamp", "trace_id", "correlation_id"] { XCTAssertNotNil(r.json?[key], key) }
        }
        await h.stop()
    }

    func testCertificateAssertionsBothAlgorithmsAndFailures() async throws {
        let cert = try TestCertificate.make(), other = try TestCertificate.make()
        let h = try await EmulatorHarness(config: EmulatorHarness.config { c in c.tenants[0].apps[0].certificates = [cert.certificatePEM] })
        func form(_ assertion: String) -> String {
            "client_id=\(SandboxIds.clientId)&\(scope)&grant_type=client_credentials&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion=\(assertion)"
        }
        for alg in CertificateCredential.Algorithm.allCases {
            let credential = try CertificateCredential(certificatePEM: cert.certificatePEM, privateKeyPEM: cert.keyPEM, algorithm: alg)
            let ok = try await h.post(h.tokenURL, form: form(try credential.assertion(clientId: SandboxIds.clientId, tokenURL: h.tokenURL)))
            XCTAssertEqual(ok.status, 200, "\(alg): \(String(decoding: ok.body, as: UTF8.self))")
            let token = try JWT(ok.json?["access_token"]?.stringValue ?? "")
            XCTAssertEqual(token.claims["appidacr"], "2", "a certificate")
        }
        let stranger = try CertificateCredential(certificatePEM: other.certificatePEM, privateKeyPEM: other.keyPEM)
        let unknown = try await h.post(h.tokenURL, form: form(try stranger.assertion(clientId: SandboxIds.clientId, tokenURL: h.tokenURL)))
        XCTAssertEqual(unknown.aadCode, 700027)
        // The right thumbprint with another key's signature.
        let mine = try CertificateCredential(certificatePEM: cert.certificatePEM, privateKeyPEM: other.keyPEM)
        let forged = try await h.post(h.tokenURL, form: form(try mine.assertion(clientId: SandboxIds.clientId, tokenURL: h.tokenURL)))
        XCTAssertEqual(forged.aadCode, 700027)
        let good = try CertificateCredential(certificatePEM: cert.certificatePEM, privateKeyPEM: cert.keyPEM)
        let wrongAudience = try await h.post(h.tokenURL, form: form(try good.assertion(clientId: SandboxIds.clientId, tokenURL: "https://example.com/token")))
        XCTAssertEqual(wrongAudience.aadCode, 700023)
        let old = try await h.post(h.tokenURL, form: form(try good.assertion(clientId: SandboxIds.clientId, tokenURL: h.tokenURL, now: Date() - 3600)))
        XCTAssertEqual(old.aadCode, 700024)
        await h.stop()
    }

    func testTokensExpire() async throws {
        let h = try await EmulatorHarness(config: EmulatorHarness.config { $0.tokenLifetimeSeconds = 1 })
        let token = try await h.token()
        try await Task.sleep(nanoseconds: 1_200_000_000)
        let r = try await h.request("POST", h.endpoint, token: token, body: EmulatorHarness.bulk(1))
        XCTAssertEqual(r.status, 401)
        XCTAssertEqual(r.json?["error"]?.objectValue?["message"], "Access token has expired or is not yet valid.")
        await h.stop()
    }
}
