import Emulator
import Foundation
import Provisioning
import XCTest

/// Failures that no wait can heal are typed in Transport and stop a send after one attempt, with
/// the host and the fix in the message.
final class TransportFailureLoopbackTests: XCTestCase {
    /// A client of the loopback emulator whose sign-in goes to `authority` instead.
    private func client(_ loop: LoopbackClient, authority: String) -> GraphClient {
        var settings = loop.client.settings
        settings.authority = authority
        let tokens = TokenProvider(settings: settings, credential: .secret(.init(LoopbackClient.secret)),
                                   transport: loop.client.transport, recorder: loop.recorder)
        return GraphClient(settings: settings, tokens: tokens, transport: loop.client.transport, recorder: loop.recorder)
    }

    func testAnUntrustedCertificateIsTriedOnceAndNamesHostIssuerAndFix() async throws {
        let loop = try await LoopbackClient.start(tls: true, trustCA: false)
        let summary = await BulkUploader(client: loop.client, pacer: .unlimited, sleep: { _ in }).send(LoopbackClient.documents(3, perDocument: 1))
        guard case .cannotHeal(let reason) = summary.stopped else { return XCTFail("\(String(describing: summary.stopped))") }
        XCTAssertTrue(reason.contains("127.0.0.1"), reason)
        XCTAssertTrue(reason.contains("CN=scimterm emulator CA"), "the issuer, read by the probe: \(reason)")
        XCTAssertTrue(reason.contains("--ca-file"), reason)
        XCTAssertTrue(reason.contains("SSL_CERT_FILE"), reason)
        XCTAssertEqual(summary.pending, [0, 1, 2])
        let exchanges = await loop.recorder.all()
        XCTAssertEqual(exchanges.count, 1, "one attempt only: \(exchanges.map { $0.failure ?? "" })")
        let stats = await loop.emulator.core.statistics
        XCTAssertEqual(stats.tokenRequests, 0)
        await loop.stop()
    }

    func testTheTLSKindCarriesHostAndIssuer() async throws {
        let loop = try await LoopbackClient.start(tls: true, trustCA: false)
        do {
            _ = try await loop.client.transport.send(TransportRequest(method: "GET", url: loop.emulator.baseURL + "/", timeout: 5))
            XCTFail("an unknown CA must be refused")
        } catch {
            guard case .tls(let host, let issuer, let detail) = error.kind else { return XCTFail(error.description) }
            XCTAssertEqual(host, "127.0.0.1")
            XCTAssertEqual(issuer, "CN=scimterm emulator CA, O=scimterm")
            XCTAssertEqual(detail, "certificate verification failed")
            XCTAssertFalse(error.canHeal)
        }
        await loop.stop()
    }

    func testAnUnresolvableSignInHostFailsAfterOneAttemptWithAHint() async throws {
        let loop = try await LoopbackClient.start()
        let summary = await BulkUploader(client: client(loop, authority: "https://login.scimterm.invalid"), pacer: .unlimited, sleep: { _ in })
            .send(LoopbackClient.documents(2, perDocument: 1))
        guard case .cannotHeal(let reason) = summary.stopped else { return XCTFail("\(String(describing: summary.stopped))") }
        XCTAssertTrue(reason.contains("login.scimterm.invalid"), reason)
        for hint in ["--authority", "--cloud", "HTTPS_PROXY", "NO_PROXY", "--sandbox"] {
            XCTAssertTrue(reason.contains(hint), "\(hint) missing from: \(reason)")
        }
        let exchanges = await loop.recorder.all()
        XCTAssertEqual(exchanges.count, 1, "one attempt only")
        XCTAssertEqual(exchanges.first?.purpose, .token)
        let stats = await loop.emulator.core.statistics
        XCTAssertEqual(stats.bulkUploads, 0)
        await loop.stop()
    }

    func testTheDNSKindNamesTheHost() async throws {
        let transport = try AsyncHTTPTransport()
        do {
            _ = try await transport.send(TransportRequest(method: "GET", url: "https://graph.scimterm.invalid/v1.0/", timeout: 5))
            XCTFail("an .invalid name never resolves (RFC 2606)")
        } catch {
            XCTAssertEqual(error.kind, .dns(host: "graph.scimterm.invalid"), error.description)
            XCTAssertFalse(error.canHeal)
        }
        await transport.shutdown()
    }

    func testARefusedConnectionIsNotRetried() async throws {
        let loop = try await LoopbackClient.start()
        let summary = await BulkUploader(client: client(loop, authority: "http://127.0.0.1:1"), pacer: .unlimited, sleep: { _ in })
            .send(LoopbackClient.documents(2, perDocument: 1))
        guard case .cannotHeal(let reason) = summary.stopped else { return XCTFail("\(String(describing: summary.stopped))") }
        XCTAssertTrue(reason.contains("127.0.0.1:1 refused the connection"), reason)
        let exchanges = await loop.recorder.all()
        XCTAssertEqual(exchanges.count, 1, "one attempt only")
        await loop.stop()
    }
}
