import Crypto
import Emulator
import Foundation
import Provisioning
import SCIM
import X509
import XCTest
import _CryptoExtras

/// The identity platform's metadata as Entra serves it, and access tokens that validate against it.
final class DiscoveryTests: XCTestCase {
    func testV2DocumentHasEntrasFieldsAndPointsBackAtTheEmulator() async throws {
        let h = try await EmulatorHarness()
        let tid = SandboxIds.tenant
        for segment in [tid, "sandbox.onmicrosoft.com"] {
            let r = try await h.request("GET", "\(h.base)/\(segment)/v2.0/.well-known/openid-configuration", token: nil, contentType: nil)
            XCTAssertEqual(r.status, 200, segment)
            let doc = try XCTUnwrap(r.json, segment)
            XCTAssertEqual(doc.keys.first, "token_endpoint", "Entra's order")
            XCTAssertEqual(doc["token_endpoint"], .string("\(h.base)/\(tid)/oauth2/v2.0/token"), "the GUID, even when asked by domain")
            XCTAssertEqual(doc["authorization_endpoint"], .string("\(h.base)/\(tid)/oauth2/v2.0/authorize"))
            XCTAssertEqual(doc["device_authorization_endpoint"], .string("\(h.base)/\(tid)/oauth2/v2.0/devicecode"))
            XCTAssertEqual(doc["jwks_uri"], .string("\(h.base)/\(tid)/discovery/v2.0/keys"))
            XCTAssertEqual(doc["issuer"], .string("\(h.base)/\(tid)/v2.0"))
            XCTAssertEqual(doc["token_endpoint_auth_methods_supported"], ["client_secret_post", "private_key_jwt", "client_secret_basic"])
            XCTAssertEqual(doc["id_token_signing_alg_values_supported"], ["RS256"])
            XCTAssertEqual(doc["subject_types_supported"], ["pairwise"])
            XCTAssertEqual(doc["response_types_supported"], ["code", "id_token", "code id_token", "id_token token"])
            XCTAssertEqual(doc["tenant_region_scope"], "WW")
            XCTAssertEqual(doc["cloud_instance_name"], "microsoftonline.com")
            XCTAssertEqual(doc["cloud_graph_host_name"], "graph.windows.net")
            XCTAssertEqual(doc["msgraph_host"], "graph.microsoft.com")
            XCTAssertEqual(doc["userinfo_endpoint"], "https://graph.microsoft.com/oidc/userinfo")
            XCTAssertEqual(r.header("Cache-Control"), "max-age=86400, private")
        }
        await h.stop()
    }

    func testV1DocumentAndCommonAuthority() async throws {
        let h = try await EmulatorHarness()
        let tid = SandboxIds.tenant
        let v1 = try await h.request("GET", "\(h.base)/\(tid)/.well-known/openid-configuration", token: nil, contentType: nil)
        XCTAssertEqual(v1.status, 200)
        XCTAssertEqual(v1.json?["issuer"], .string("https://sts.windows.net/\(tid)/"))
        XCTAssertEqual(v1.json?["token_endpoint"], .string("\(h.base)/\(tid)/oauth2/token"))
        XCTAssertEqual(v1.json?["jwks_uri"], .string("\(h.base)/\(tid)/discovery/keys"))
        let common = try await h.request("GET", "\(h.base)/common/v2.0/.well-known/openid-configuration", token: nil, contentType: nil)
        XCTAssertEqual(common.status, 200)
        XCTAssertEqual(common.json?["issuer"], .string("\(h.base)/{tenantid}/v2.0"))
        XCTAssertEqual(common.json?["token_endpoint"], .string("\(h.base)/common/oauth2/v2.0/token"))
        XCTAssertEqual(common.json?["tenant_region_scope"], .null)
        await h.stop()
    }

    func testUnknownTenantIsInvalidTenant90002WithCRLFLines() async throws {
        let h = try await EmulatorHarness()
        let requestId = "5e2b1c6a-0d7e-4f4f-9a51-0f1e2d3c4b5a"
        for path in ["contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration", "contoso.onmicrosoft.com/discovery/v2.0/keys"] {
            let r = try await h.transport.send(TransportRequest(method: "GET", url: "\(h.base)/\(path)",
                                                                 headers: [HTTPHeader("client-request-id", requestId)]))
            XCTAssertEqual(r.status, 400, path)
            XCTAssertEqual(r.json?["error"], "invalid_tenant")
            XCTAssertEqual(r.aadCode, 90002)
            let lines = (r.json?["error_description"]?.stringValue ?? "").components(separatedBy: "\r\n")
            XCTAssertEqual(lines.count, 4, "\(lines)")
            XCTAssertTrue(lines[0].hasPrefix("AADSTS90002: Tenant 'contoso.onmicrosoft.com' not found."), lines[0])
            XCTAssertEqual(lines[1], "Trace ID: \(r.json?["trace_id"]?.stringValue ?? "?")")
            XCTAssertEqual(lines[2], "Correlation ID: \(requestId)", "Entra echoes client-request-id")
            XCTAssertEqual(lines[3], "Timestamp: \(r.json?["timestamp"]?.stringValue ?? "?")")
            XCTAssertEqual(r.json?["error_uri"], "https://login.microsoftonline.com/error?code=90002")
        }
        await h.stop()
    }

    func testAccessTokenIsAnRS256AppTokenThatThePublishedKeyVerifies() async throws {
        let h = try await EmulatorHarness()
        let token = try await h.token()
        let jwt = try JWT(token)
        XCTAssertEqual(jwt.header["alg"], "RS256")
        XCTAssertEqual(jwt.header["typ"], "JWT")
        let kid = try XCTUnwrap(jwt.header["kid"]?.stringValue)
        XCTAssertEqual(jwt.header["x5t"]?.stringValue, kid)

        let keys = try await h.request("GET", "\(h.base)/\(h.tenant)/discovery/v2.0/keys", token: nil, contentType: nil)
        let jwk = try XCTUnwrap(keys.json?["keys"]?.arrayValue?.first?.objectValue)
        XCTAssertEqual(jwk["kid"]?.stringValue, kid)
        XCTAssertEqual(jwk["kty"], "RSA")
        XCTAssertEqual(jwk["use"], "sig")
        XCTAssertEqual(jwk["e"], "AQAB")
        XCTAssertEqual(jwk["issuer"], .string("\(h.base)/\(h.tenant)/v2.0"))
        // kid is the SHA-1 thumbprint of x5c, whose key is n/e: three views of one key.
        let der = try XCTUnwrap(Data(base64Encoded: jwk["x5c"]?.arrayValue?.first?.stringValue ?? ""))
        XCTAssertEqual(Base64URL.encode(Insecure.SHA1.hash(data: der)), kid)
        let certificateKey = try XCTUnwrap(_RSA.Signing.PublicKey(try Certificate(derEncoded: Array(der)).publicKey))
        let n = try XCTUnwrap(Base64URL.decode(jwk["n"]?.stringValue ?? "")), e = try XCTUnwrap(Base64URL.decode("AQAB"))
        let published = try _RSA.Signing.PublicKey(n: n, e: e)
        XCTAssertEqual(published.derRepresentation, certificateKey.derRepresentation)
        XCTAssertTrue(published.isValidSignature(.init(rawRepresentation: jwt.signature), for: SHA256.hash(data: jwt.signingInput),
                                                 padding: .insecurePKCS1v1_5), "the token verifies with the JWKS key alone")

        let c = jwt.claims
        XCTAssertEqual(c["aud"], "https://graph.microsoft.com")
        XCTAssertEqual(c["iss"], .string("https://sts.windows.net/\(h.tenant)/"))
        XCTAssertEqual(c["idp"], c["iss"])
        XCTAssertEqual(c["tid"], .string(h.tenant))
        XCTAssertEqual(c["appid"], .string(SandboxIds.clientId))
        XCTAssertEqual(c["appidacr"], "1", "a secret")
        XCTAssertEqual(c["idtyp"], "app")
        XCTAssertEqual(c["ver"], "1.0")
        XCTAssertEqual(c["roles"], .array(EmulatorConfig.App.allPermissions.map { .string($0) }))
        XCTAssertNotNil(UUID(uuidString: c["oid"]?.stringValue ?? ""), "oid is a GUID")
        XCTAssertEqual(c["sub"], c["oid"])
        XCTAssertEqual((c["uti"]?.stringValue ?? "").count, 22)
        let iat = c["iat"]?.numberValue?.intValue ?? 0
        XCTAssertEqual(c["nbf"]?.numberValue?.intValue, iat)
        XCTAssertEqual(c["exp"]?.numberValue?.intValue, iat + 3599)
        let again = try JWT(try await h.token())
        XCTAssertEqual(again.claims["oid"], c["oid"], "the same service principal every time")
        XCTAssertNotEqual(again.claims["uti"], c["uti"])
        await h.stop()
    }

    func testGraphRejectsTokensThisEmulatorDidNotSign() async throws {
        let h = try await EmulatorHarness(), other = try await EmulatorHarness()
        let good = try await h.token()
        let ok = try await h.request("POST", h.endpoint, token: good, body: EmulatorHarness.bulk(1))
        XCTAssertEqual(ok.status, 202)

        let foreign = try await other.token()
        let parts = good.split(separator: ".").map(String.init)
        var claims = try JWT(good).claims
        claims["roles"] = ["SynchronizationData-User.Upload", "Directory.ReadWrite.All"]
        let tampered = "\(parts[0]).\(Base64URL.encode(JSONWriter.compact.bytes(.object(claims)))).\(parts[2])"
        let hs256 = "\(Base64URL.encode(Array(#"{"typ":"JWT","alg":"HS256"}"#.utf8))).\(parts[1]).\(parts[2])"
        for (name, token) in [("another emulator's key", foreign), ("edited claims", tampered), ("alg swapped", hs256)] {
            let r = try await h.request("POST", h.endpoint, token: token, body: EmulatorHarness.bulk(1))
            XCTAssertEqual(r.status, 401, name)
            XCTAssertEqual(r.graphCode, "InvalidAuthenticationToken", name)
        }
        await other.stop()
        await h.stop()
    }

    func testTheCloudFollowsTheHostTheClientUsed() async throws {
        let h = try await EmulatorHarness()
        let core = h.running.core
        let host = "login.microsoftonline.us"
        let doc = await core.handle(EmulatorRequest(method: "GET", path: "/\(h.tenant)/v2.0/.well-known/openid-configuration",
                                                    headers: [("Host", host)]))
        let json = try XCTUnwrap(try JSONParser.parse(doc.body).objectValue)
        XCTAssertEqual(json["cloud_instance_name"], "microsoftonline.us")
        XCTAssertEqual(json["msgraph_host"], "graph.microsoft.us")
        XCTAssertEqual(json["tenant_region_scope"], "USGov")
        XCTAssertEqual(json["token_endpoint"], .string("http://\(host)/\(h.tenant)/oauth2/v2.0/token"))

        let form = "client_id=\(SandboxIds.clientId)&client_secret=\(EmulatorHarness.secret)&scope=https%3A%2F%2Fgraph.microsoft.us%2F.default&grant_type=client_credentials"
        let answer = await core.handle(EmulatorRequest(method: "POST", path: "/\(h.tenant)/oauth2/v2.0/token",
                                                       headers: [("Host", host), ("Content-Type", "application/x-www-form-urlencoded")],
                                                       body: Array(form.utf8)))
        let token = try XCTUnwrap(try JSONParser.parse(answer.body).objectValue?["access_token"]?.stringValue)
        let claims = try JWT(token).claims
        XCTAssertEqual(claims["iss"], .string("https://login.microsoftonline.us/\(h.tenant)/"))
        XCTAssertEqual(claims["aud"], "https://graph.microsoft.us")
        let upload = try await h.request("POST", h.endpoint, token: token, body: EmulatorHarness.bulk(1))
        XCTAssertEqual(upload.status, 202, "a US Gov token is still this emulator's token")
        await h.stop()
    }
}

/// A JWT split into its parts, for tests that look inside tokens.
struct JWT {
    var header: JSONObject
    var claims: JSONObject
    var signature: [UInt8]
    var signingInput: [UInt8]

    struct Malformed: Error {}

    init(_ token: String) throws {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let h = Base64URL.decode(parts[0]), let c = Base64URL.decode(parts[1]),
            let s = Base64URL.decode(parts[2]),
            let header = try JSONParser.parse(h).objectValue, let claims = try JSONParser.parse(c).objectValue
        else { throw Malformed() }
        self.header = header
        self.claims = claims
        signature = s
        signingInput = Array("\(parts[0]).\(parts[1])".utf8)
    }
}
