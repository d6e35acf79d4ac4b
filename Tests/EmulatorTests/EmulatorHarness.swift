import Crypto
import Emulator
import Foundation
import Provisioning
import SCIM
import X509
import XCTest
import _CryptoExtras

/// A private emulator on 127.0.0.1 per test, and raw HTTP to it through the real transport.
final class EmulatorHarness {
    let running: RunningEmulator
    let transport: AsyncHTTPTransport
    let config: EmulatorConfig
    private var caPath: String?

    static let secret = "sandbox-secret~value.1234567890abcdefghij"

    init(config: EmulatorConfig = EmulatorHarness.config(), tls: Bool = false) async throws {
        self.config = config
        running = try await EmulatorServer.start(config: config, tls: tls)
        if let pem = running.caPEM {
            let path = NSTemporaryDirectory() + "scimterm-test-ca-\(UUID().uuidString).pem"
            try Data(pem.utf8).write(to: URL(fileURLWithPath: path))
            caPath = path
        }
        transport = try AsyncHTTPTransport(options: .init(caFile: caPath))
    }

    func stop() async {
        await transport.shutdown()
        await running.stop()
        if let caPath { try? FileManager.default.removeItem(atPath: caPath) }
    }

    static func config(rateLimit: Int = 0, delay: Double = 0, configure: (inout EmulatorConfig) -> Void = { _ in }) -> EmulatorConfig {
        var c = EmulatorConfig.sandbox(secret: secret)
        c.rateLimit = rateLimit
        c.processingDelaySeconds = delay
        configure(&c)
        return c
    }

    var base: String { running.baseURL }
    var tenant: String { SandboxIds.tenant }
    var endpoint: String { running.endpoint }
    var tokenURL: String { "\(base)/\(tenant)/oauth2/v2.0/token" }

    func post(_ url: String, form: String, headers: [HTTPHeader] = []) async throws -> TransportResponse {
        try await transport.send(TransportRequest(method: "POST", url: url,
                                                  headers: [HTTPHeader("Content-Type", "application/x-www-form-urlencoded")] + headers,
                                                  body: Array(form.utf8)))
    }

    func request(_ method: String, _ url: String, token: String?, contentType: String? = "application/scim+json",
                 body: String = "") async throws -> TransportResponse {
        var headers: [HTTPHeader] = []
        if let token { headers.append(HTTPHeader("Authorization", "Bearer \(token)")) }
        if let contentType { headers.append(HTTPHeader("Content-Type", contentType)) }
        return try await transport.send(TransportRequest(method: method, url: url, headers: headers, body: Array(body.utf8)))
    }

    func token(secret: String = EmulatorHarness.secret) async throws -> String {
        let r = try await post(tokenURL, form: "client_id=\(SandboxIds.clientId)&client_secret=\(secret)&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default&grant_type=client_credentials")
        guard r.status == 200, let token = try JSONParser.parse(r.body).objectValue?["access_token"]?.stringValue else {
            throw XCTSkip("no token: \(String(decoding: r.body, as: UTF8.self))")
        }
        return token
    }

    static func bulk(_ count: Int, prefix: String = "u", active: Bool = true) -> String {
        let ops = (0..<count).map { i in
            #"{"method":"POST","bulkId":"\#(prefix)\#(i)","path":"/Users","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"externalId":"\#(prefix)\#(i)","userName":"\#(prefix)\#(i)@contoso.com","active":\#(active)}}"#
        }
        return #"{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[\#(ops.joined(separator: ","))],"failOnErrors":null}"#
    }
}

/// A self-signed RSA certificate for client assertions.
struct TestCertificate {
    let certificatePEM: String
    let keyPEM: String

    static func make() throws -> TestCertificate {
        let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        let name = try DistinguishedName { CommonName("scimterm test app") }
        let now = Date()
        let cert = try Certificate(version: .v3, serialNumber: .init(), publicKey: .init(key.publicKey),
                                   notValidBefore: now - 60, notValidAfter: now + 3600, issuer: name, subject: name,
                                   signatureAlgorithm: .sha256WithRSAEncryption, extensions: .init(), issuerPrivateKey: .init(key))
        return TestCertificate(certificatePEM: try cert.serializeAsPEM().pemString, keyPEM: key.pemRepresentation)
    }
}

extension TransportResponse {
    var json: JSONObject? { (try? JSONParser.parse(body))?.objectValue }
    var aadCode: Int? { json?["error_codes"]?.arrayValue?.first?.numberValue?.intValue }
    var graphCode: String? { json?["error"]?.objectValue?["code"]?.stringValue }
}
