import XCTest
@testable import Provisioning

final class ProvisioningEndpointTests: XCTestCase {
    let sp = "0b2b8f2c-7b71-4f8a-9a56-6c5d4e3f2a10"
    let job = "API2AAD.4f0f5f0d1c2b4a6e8d9c0b1a2f3e4d5c.1d2c3b4a-5e6f-4a8b-9c0d-1e2f3a4b5c6d"

    func testParsesThePortalURL() throws {
        let url = "https://graph.microsoft.com/v1.0/servicePrincipals/\(sp)/synchronization/jobs/\(job)/bulkUpload"
        let e = try ProvisioningEndpoint(parsing: "  \(url)\n")
        XCTAssertEqual(e.cloud, .global)
        XCTAssertEqual(e.version, .v1)
        XCTAssertEqual(e.servicePrincipalId, sp)
        XCTAssertEqual(e.jobId, job)
        XCTAssertNil(e.graphBase)
        XCTAssertEqual(e.bulkUploadURL, url)
        XCTAssertEqual(e.scope, "https://graph.microsoft.com/.default")
        XCTAssertEqual(e.provisioningLogsURL, "https://graph.microsoft.com/v1.0/auditLogs/provisioning")
    }

    func testOtherCloudsAndLocalHosts() throws {
        let gov = try ProvisioningEndpoint(parsing: "https://dod-graph.microsoft.us/beta/servicePrincipals/\(sp)/synchronization/jobs/\(job)/bulkUpload")
        XCTAssertEqual(gov.cloud, .dod)
        XCTAssertEqual(gov.version, .beta)
        XCTAssertEqual(gov.cloud.loginHost, "login.microsoftonline.us")
        let local = try ProvisioningEndpoint(parsing: "http://127.0.0.1:8080/v1.0/servicePrincipals/\(sp)/synchronization/jobs/\(job)/bulkUpload")
        XCTAssertEqual(local.graphBase, "http://127.0.0.1:8080")
        XCTAssertEqual(local.jobActionURL(.pause), "http://127.0.0.1:8080/v1.0/servicePrincipals/\(sp)/synchronization/jobs/\(job)/pause")
    }

    func testMistakesAreExplained() {
        let cases: [(String, String)] = [
            ("not a url", "not a URL"),
            ("https://graph.microsoft.com/v1.0/users", "expected …/v1.0/servicePrincipals"),
            ("https://graph.microsoft.com/v1.0/servicePrincipals/my-app/synchronization/jobs/\(job)/bulkUpload", "object id"),
            ("https://graph.microsoft.com/v1.0/servicePrincipals/\(sp)/synchronization/jobs/API2AAD.123/bulkUpload", "does not look like"),
            ("https://graph.microsoft.com/v1.0/servicePrincipals/\(sp)/synchronization/jobs/\(job)/start", "should end with /bulkUpload"),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try ProvisioningEndpoint(parsing: text), text) { error in
                XCTAssertTrue("\(error)".contains(expected), "\(error)")
            }
        }
    }
}
