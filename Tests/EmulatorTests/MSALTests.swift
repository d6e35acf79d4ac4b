import Crypto
import Emulator
import Foundation
import Provisioning
import SCIM
import XCTest

/// Microsoft's own client library gets a token from the emulator unchanged (issue 10 §6): MSAL
/// Python reads the tenant's OpenID discovery document over HTTPS, signs its own client assertion
/// for the token endpoint that document names, and the token it gets is one bulkUpload accepts.
///
/// `.ci/run` installs MSAL Python; without it these tests fail rather than skip, so a CI that lost
/// the install step cannot pass silently.
final class MSALTests: XCTestCase {
    func testMSALPythonWithASecret() async throws {
        try await withEmulator(EmulatorHarness(tls: true)) { h in
            for trust in [CATrust.verifyArgument, .requestsBundle] {
                let token = try await acquire(h, credential: "\"\(EmulatorHarness.secret)\"", trust: trust)
                try await assertUploadAccepted(h, token: token, method: "1")
            }
        }
    }

    func testMSALPythonWithACertificateThumbprintAndWithThePublicCertificate() async throws {
        let cert = try TestCertificate.make()
        let der = try XCTUnwrap(Self.der(cert.certificatePEM))
        let sha1 = Insecure.SHA1.hash(data: der).map { String(format: "%02X", $0) }.joined()
        // The classic form (SHA-1 thumbprint, RS256 + x5t) and the current one (SHA-256, PS256 + x5t#S256).
        let classic = try Self.json(["private_key": cert.keyPEM, "thumbprint": sha1])
        let current = try Self.json(["private_key": cert.keyPEM, "public_certificate": cert.certificatePEM])
        let config = EmulatorHarness.config { $0.tenants[0].apps[0].certificates = [cert.certificatePEM] }
        try await withEmulator(EmulatorHarness(config: config, tls: true)) { h in
            for credential in [classic, current] {
                let token = try await acquire(h, credential: credential)
                try await assertUploadAccepted(h, token: token, method: "2")
            }
        }
    }

    func testMSALPythonReportsEntrasErrorForAWrongSecret() async throws {
        try await withEmulator(EmulatorHarness(tls: true)) { h in
            let result = try await runMSAL(h, credential: "\"not-the-secret\"")
            XCTAssertEqual(result["error"], "invalid_client", "\(result)")
            XCTAssertEqual(result["error_codes"], [7000215])
            XCTAssertTrue(result["error_description"]?.stringValue?.hasPrefix("AADSTS7000215: ") ?? false, "\(result)")
        }
    }

    // MARK: Helpers

    /// Runs `body` and stops the emulator however it ends (a transport left running traps on deinit).
    private func withEmulator(_ h: EmulatorHarness, _ body: (EmulatorHarness) async throws -> Void) async throws {
        do {
            try await body(h)
        } catch {
            await h.stop()
            throw error
        }
        await h.stop()
    }

    /// How the script trusts the emulator's CA. requests lets `REQUESTS_CA_BUNDLE` / `CURL_CA_BUNDLE`
    /// override MSAL's `verify=` (it applies the environment over a session's setting), so `verify=`
    /// alone works only where neither variable is set; the bundle variable works everywhere.
    enum CATrust { case verifyArgument, requestsBundle }

    private func acquire(_ h: EmulatorHarness, credential: String, trust: CATrust = .requestsBundle,
                         file: StaticString = #filePath, line: UInt = #line) async throws -> String {
        let result = try await runMSAL(h, credential: credential, trust: trust)
        guard let token = result["access_token"]?.stringValue else {
            XCTFail("MSAL got no token: \(result)", file: file, line: line)
            throw MSALFailure(description: "\(result)")
        }
        XCTAssertEqual(result["token_type"]?.stringValue?.lowercased(), "bearer")
        return token
    }

    private func assertUploadAccepted(_ h: EmulatorHarness, token: String, method: String) async throws {
        XCTAssertEqual(try JWT(token).claims["appidacr"]?.stringValue, method)
        let r = try await h.request("POST", h.endpoint, token: token, body: EmulatorHarness.bulk(2, prefix: "msal\(method)-"))
        XCTAssertEqual(r.status, 202, String(decoding: r.body, as: UTF8.self))
    }

    struct MSALFailure: Error, CustomStringConvertible { var description: String }

    /// Runs MSAL Python as a script would: authority = emulator + tenant, the emulator's CA as the
    /// bundle, instance discovery off (MSAL would otherwise ask login.microsoftonline.com about an
    /// unknown host). Answers what `acquire_token_for_client` returned.
    private func runMSAL(_ h: EmulatorHarness, credential: String, trust: CATrust = .requestsBundle) async throws -> JSONObject {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("scimterm-msal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let ca = dir.appendingPathComponent("ca.pem"), out = dir.appendingPathComponent("out"), err = dir.appendingPathComponent("err")
        try Data((h.running.caPEM ?? "").utf8).write(to: ca)
        var environment = ProcessInfo.processInfo.environment
        environment["CURL_CA_BUNDLE"] = nil
        environment["REQUESTS_CA_BUNDLE"] = trust == .requestsBundle ? ca.path : nil
        environment.merge([
            "MSAL_CLIENT_ID": SandboxIds.clientId, "MSAL_CREDENTIAL": credential,
            "MSAL_AUTHORITY": "\(h.base)/\(h.tenant)", "MSAL_CA_FILE": ca.path,
        ]) { $1 }
        let status = try await Self.python(Self.script, environment: environment, stdout: out, stderr: err)
        let output = (try? Data(contentsOf: out)) ?? Data(), errors = String(decoding: (try? Data(contentsOf: err)) ?? Data(), as: UTF8.self)
        if errors.contains("No module named 'msal'") || status == 127 {
            XCTFail("MSAL Python is missing: `.ci/run` installs it (python3 -m pip install msal). \(errors)")
        }
        guard status == 0, let result = try? JSONParser.parse(Array(output)).objectValue else {
            throw MSALFailure(description: "python3 exited \(status): \(errors)\(String(decoding: output, as: UTF8.self))")
        }
        return result
    }

    static let script = """
        import json, os, msal
        app = msal.ConfidentialClientApplication(
            os.environ["MSAL_CLIENT_ID"],
            client_credential=json.loads(os.environ["MSAL_CREDENTIAL"]),
            authority=os.environ["MSAL_AUTHORITY"],
            validate_authority=False,
            instance_discovery=False,
            verify=os.environ["MSAL_CA_FILE"],
        )
        print(json.dumps(app.acquire_token_for_client(scopes=["https://graph.microsoft.com/.default"])))
        """

    /// `python3 -c script` in exactly `environment`, with output to files (a pipe could fill and stall the child), awaited
    /// without blocking a thread the emulator needs.
    static func python(_ script: String, environment: [String: String], stdout: URL, stderr: URL) async throws -> Int32 {
        FileManager.default.createFile(atPath: stdout.path, contents: nil)
        FileManager.default.createFile(atPath: stderr.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: stdout)
        process.standardError = try FileHandle(forWritingTo: stderr)
        return try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
    }

    static func json(_ object: [String: String]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    static func der(_ pem: String) -> Data? {
        let body = pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        return Data(base64Encoded: body)
    }
}
