import Emulator
import Foundation
import Mapping
import Provisioning
import SCIM
import XCTest

/// `GET` and `PUT …/jobs/{jobId}/schema` over loopback: the default mapping, replacing it, the restart
/// a change causes (ENTRA.md §5), and the permission and shape checks.
final class SchemaEndpointTests: XCTestCase {
    private func schemaURL(_ h: EmulatorHarness) -> String {
        h.endpoint.replacingOccurrences(of: "/bulkUpload", with: "/schema")
    }

    private func harness(permissions: [String]? = nil, delay: Double = 0, state: String = "Active") async throws -> EmulatorHarness {
        try await EmulatorHarness(config: EmulatorHarness.config(delay: delay) { c in
            if let permissions { c.tenants[0].apps[0].permissions = permissions }
            c.tenants[0].servicePrincipals[0].jobs[0].state = state
        })
    }

    private func get(_ h: EmulatorHarness, token: String?) async throws -> TransportResponse {
        try await h.request("GET", schemaURL(h), token: token, contentType: nil)
    }

    private func put(_ h: EmulatorHarness, _ body: String, token: String?) async throws -> TransportResponse {
        try await h.request("PUT", schemaURL(h), token: token, contentType: "application/json", body: body)
    }

    /// The default with a custom attribute declared and mapped, as CSV2SCIM's UpdateSchema would leave it.
    private func extended() -> SynchronizationSchema {
        var schema = SynchronizationSchema.defaultAPIDriven
        let badge = "urn:ietf:params:scim:schemas:extension:contoso:1.0:User:badgeId"
        schema.directories[0].objects[0].attributes.append(AttributeDefinition(name: badge))
        schema.synchronizationRules[0].objectMappings[0].attributeMappings.append(
            AttributeMapping(source: .attribute(badge), targetAttributeName: "officeLocation"))
        return schema
    }

    func testGetServesTheDefaultMapping() async throws {
        let h = try await harness()
        let token = try await h.token()
        let r = try await get(h, token: token)
        XCTAssertEqual(r.status, 200)
        XCTAssertEqual(r.header("Content-Type")?.hasPrefix("application/json"), true)
        XCTAssertNotNil(r.header("request-id"))
        let schema = try SynchronizationSchema.decode(r.body)
        XCTAssertEqual(schema, .defaultAPIDriven)
        XCTAssertEqual(schema.matchingAttribute?.targetAttributeName, "employeeId")
        await h.stop()
    }

    func testPutReplacesTheSchemaAndGetReturnsIt() async throws {
        let h = try await harness()
        let token = try await h.token()
        let body = String(decoding: extended().encoded(), as: UTF8.self)
        let r = try await put(h, body, token: token)
        XCTAssertEqual(r.status, 204, String(decoding: r.body, as: UTF8.self))
        let after = try SynchronizationSchema.decode(try await get(h, token: token).body)
        XCTAssertEqual(after, extended())
        XCTAssertTrue(after.reads("urn:ietf:params:scim:schemas:extension:contoso:1.0:User:badgeId"))
        await h.stop()
    }

    func testPutKeepsMembersTheEmulatorDoesNotModel() async throws {
        let h = try await harness()
        let token = try await h.token()
        let body = String(decoding: SynchronizationSchema.defaultAPIDriven.encoded(), as: UTF8.self)
            .replacingOccurrences(of: #""directories""#, with: #""tenantSetting" : {"keep": [1, "two"]}, "directories""#)
        let r1 = try await put(h, body, token: token)
        XCTAssertEqual(r1.status, 204)
        let served = try await get(h, token: token)
        let json = try XCTUnwrap(served.json)
        XCTAssertEqual(json["tenantSetting"], .object(["keep": [1, "two"]]))
        await h.stop()
    }

    func testPutRestartsTheJobPurgingWhatWasPending() async throws {
        let h = try await harness(delay: 3600)
        let token = try await h.token()
        for doc in 0..<2 {
            let r = try await h.request("POST", h.endpoint, token: token, body: EmulatorHarness.bulk(3, prefix: "p\(doc)-"))
            XCTAssertEqual(r.status, 202)
        }
        let pending = await h.running.core.pendingUploads()
        XCTAssertEqual(pending, 2)
        let r = try await put(h, String(decoding: extended().encoded(), as: UTF8.self), token: token)
        XCTAssertEqual(r.status, 204)
        let left = await h.running.core.pendingUploads()
        XCTAssertEqual(left, 0, "a schema change restarts the job, which purges pending uploads")
        let purged = await h.running.core.purgedOperations()
        XCTAssertEqual(purged, 6)
        let job = try await h.request("GET", h.endpoint.replacingOccurrences(of: "/bulkUpload", with: ""), token: token, contentType: nil)
        XCTAssertEqual(job.json?["status"]?.objectValue?["code"]?.stringValue, "Active")
        await h.stop()
    }

    func testPutOnAPausedJobPurgesButDoesNotStartIt() async throws {
        let h = try await harness(state: "Paused")
        let token = try await h.token()
        let r2 = try await h.request("POST", h.endpoint, token: token, body: EmulatorHarness.bulk(2))
        XCTAssertEqual(r2.status, 202)
        let r3 = try await put(h, String(decoding: extended().encoded(), as: UTF8.self), token: token)
        XCTAssertEqual(r3.status, 204)
        let left = await h.running.core.pendingUploads()
        XCTAssertEqual(left, 0)
        let job = try await h.request("GET", h.endpoint.replacingOccurrences(of: "/bulkUpload", with: ""), token: token, contentType: nil)
        XCTAssertEqual(job.json?["status"]?.objectValue?["code"]?.stringValue, "Paused")
        await h.stop()
    }

    func testReadingNeedsAJobReadRoleAndWritingNeedsReadWrite() async throws {
        let none = try await harness(permissions: ["SynchronizationData-User.Upload"])
        var token = try await none.token()
        let refused = try await get(none, token: token)
        XCTAssertEqual(refused.status, 403)
        XCTAssertEqual(refused.graphCode, "Authorization_RequestDenied")
        XCTAssertTrue(refused.json?["error"]?.objectValue?["message"]?.stringValue?.contains("Synchronization.Read.All") == true)
        await none.stop()

        let reader = try await harness(permissions: ["Synchronization.Read.All"])
        token = try await reader.token()
        let r4 = try await get(reader, token: token)
        XCTAssertEqual(r4.status, 200)
        let write = try await put(reader, String(decoding: extended().encoded(), as: UTF8.self), token: token)
        XCTAssertEqual(write.status, 403)
        XCTAssertTrue(write.json?["error"]?.objectValue?["message"]?.stringValue?.contains("Synchronization.ReadWrite.All") == true)
        let unchanged = try SynchronizationSchema.decode(try await get(reader, token: token).body)
        XCTAssertEqual(unchanged, .defaultAPIDriven, "a refused PUT changes nothing")
        await reader.stop()
    }

    func testNoTokenIs401() async throws {
        let h = try await harness()
        let r = try await get(h, token: nil)
        XCTAssertEqual(r.status, 401)
        XCTAssertEqual(r.graphCode, "InvalidAuthenticationToken")
        await h.stop()
    }

    func testABadBodyIs400WithAGraphErrorAndChangesNothing() async throws {
        let h = try await harness(delay: 3600)
        let token = try await h.token()
        let r5 = try await h.request("POST", h.endpoint, token: token, body: EmulatorHarness.bulk(1))
        XCTAssertEqual(r5.status, 202)
        var noMatching = SynchronizationSchema.defaultAPIDriven
        noMatching.synchronizationRules[0].objectMappings[0].attributeMappings[0].matchingPriority = 0
        let bodies = ["not json", "{}", #"{"directories": "API"}"#, String(decoding: noMatching.encoded(), as: UTF8.self)]
        for body in bodies {
            let r = try await put(h, body, token: token)
            XCTAssertEqual(r.status, 400, body)
            XCTAssertEqual(r.graphCode, "BadRequest", body)
            XCTAssertNotNil(r.json?["error"]?.objectValue?["innerError"]?.objectValue?["request-id"], body)
        }
        let pending = await h.running.core.pendingUploads()
        XCTAssertEqual(pending, 1, "a refused PUT does not restart the job")
        let r6 = try await get(h, token: token)
        XCTAssertEqual(try SynchronizationSchema.decode(r6.body), .defaultAPIDriven)
        await h.stop()
    }

    func testAnotherJobOrAPathBelowSchemaIs404() async throws {
        let h = try await harness()
        let token = try await h.token()
        let other = schemaURL(h).replacingOccurrences(of: SandboxIds.job, with: "API2AAD.0.0")
        let r7 = try await h.request("GET", other, token: token, contentType: nil)
        XCTAssertEqual(r7.status, 404)
        let r8 = try await h.request("GET", schemaURL(h) + "/nothing", token: token, contentType: nil)
        XCTAssertEqual(r8.status, 404)
        let r9 = try await h.request("DELETE", schemaURL(h), token: token, contentType: nil)
        XCTAssertEqual(r9.status, 405)
        await h.stop()
    }
}
