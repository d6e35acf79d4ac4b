import Emulator
import Foundation
import SCIM
import XCTest
@testable import Provisioning

/// Entra's token errors read line by line (ENTRA.md §1), from literal bodies and from the emulator.
final class TokenFailureTests: XCTestCase {
    func testDescriptionSplitsOnCRLF() {
        let body = #"{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value.\r\nTrace ID: 0b9e0c5c-0d6f-4f0e-a7a1-4f6d2b1e1f00\r\nCorrelation ID: 3f1c2e4d-5b6a-4c7d-8e9f-0a1b2c3d4e5f\r\nTimestamp: 2024-05-01 10:11:12Z","error_codes":[7000215]}"#
        let f = TokenFailure.parse(status: 401, body: Array(body.utf8))
        XCTAssertEqual(f.serverMessage, "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value.")
        XCTAssertEqual(f.traceId, "0b9e0c5c-0d6f-4f0e-a7a1-4f6d2b1e1f00")
        XCTAssertEqual(f.correlationId, "3f1c2e4d-5b6a-4c7d-8e9f-0a1b2c3d4e5f", "taken from the description when the body has no field")
        XCTAssertEqual(f.timestamp, "2024-05-01 10:11:12Z")
        XCTAssertEqual(f.code, 7000215)
        XCTAssertTrue(f.explanation.contains("secret is wrong"), f.explanation)
    }

    func testLoneLineFeedsAndTheOneLineFormReadTheSame() {
        let lf = TokenFailure.Description("AADSTS90002: Tenant 'x' not found.\nTrace ID: t\nCorrelation ID: c\nTimestamp: 2024-05-01 10:11:12Z")
        let oneLine = TokenFailure.Description("AADSTS90002: Tenant 'x' not found. Trace ID: t Correlation ID: c Timestamp: 2024-05-01 10:11:12Z")
        for d in [lf, oneLine] {
            XCTAssertEqual(d.message, "AADSTS90002: Tenant 'x' not found.")
            XCTAssertEqual(d.traceId, "t")
            XCTAssertEqual(d.correlationId, "c")
            XCTAssertEqual(d.timestamp, "2024-05-01 10:11:12Z")
        }
        let bare = TokenFailure.Description("AADSTS50000: There was an error issuing a token.")
        XCTAssertEqual(bare.message, "AADSTS50000: There was an error issuing a token.")
        XCTAssertNil(bare.traceId)
    }

    func testTopLevelFieldsWinOverTheDescription() {
        let body = #"{"error":"invalid_request","error_description":"AADSTS90002: Tenant 'x' not found.\r\nTrace ID: old\r\nCorrelation ID: old\r\nTimestamp: old","error_codes":[90002],"trace_id":"t","correlation_id":"c","timestamp":"2024-05-01 10:11:12Z"}"#
        let f = TokenFailure.parse(status: 400, body: Array(body.utf8))
        XCTAssertEqual([f.traceId, f.correlationId, f.timestamp], ["t", "c", "2024-05-01 10:11:12Z"])
        XCTAssertTrue(f.fix.contains("cloud"))
    }

    func testResourceOnTheV2EndpointIsExplainedFromTheEmulatorsAnswer() async throws {
        let loop = try await LoopbackClient.start()
        let settings = loop.client.settings
        let form = "client_id=\(settings.clientId)&client_secret=\(TokenProvider.formEncode(LoopbackClient.secret))"
            + "&resource=\(TokenProvider.formEncode("https://graph.microsoft.com"))&grant_type=client_credentials"
        let r = try await loop.client.transport.send(TransportRequest(
            method: "POST", url: settings.tokenURL, headers: [HTTPHeader("Content-Type", "application/x-www-form-urlencoded")],
            body: Array(form.utf8)))
        XCTAssertEqual(r.status, 400)
        let f = TokenFailure.parse(status: r.status, body: r.body)
        XCTAssertEqual(f.code, 901002)
        XCTAssertEqual(f.error, "invalid_request")
        XCTAssertEqual(f.serverMessage, "AADSTS901002: The 'resource' request parameter is not supported.")
        XCTAssertTrue(f.fix.contains("scope="), f.fix)
        let json = try XCTUnwrap(try JSONParser.parse(r.body).objectValue)
        XCTAssertEqual(f.traceId, json["trace_id"]?.stringValue)
        XCTAssertEqual(f.timestamp, json["timestamp"]?.stringValue)
        XCTAssertNotNil(f.traceId)
        await loop.stop()
    }

    func testAWrongSecretThroughTheProviderKeepsOnlyTheMessage() async throws {
        let loop = try await LoopbackClient.start()
        let wrong = TokenProvider(settings: loop.client.settings, credential: .secret(.init("wrong")),
                                  transport: loop.client.transport, recorder: loop.recorder)
        do {
            _ = try await wrong.token(now: Date(timeIntervalSince1970: 1_800_000_000))
            XCTFail("a wrong secret must fail")
        } catch {
            guard case .token(let f) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(f.serverMessage.hasPrefix("AADSTS7000215: "), f.serverMessage)
            XCTAssertFalse(f.serverMessage.contains("Trace ID"), f.serverMessage)
            XCTAssertFalse(f.serverMessage.contains("\r") || f.serverMessage.contains("\n"))
            XCTAssertNotNil(f.traceId)
            XCTAssertNotNil(f.correlationId)
        }
        await loop.stop()
    }
}
