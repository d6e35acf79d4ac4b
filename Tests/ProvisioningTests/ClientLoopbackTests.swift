import Emulator
import Foundation
import Provisioning
import SCIM
import XCTest

final class ClientLoopbackTests: XCTestCase {
    func testTokenIsCachedAndRefreshedOn401() async throws {
        let loop = try await LoopbackClient.start()
        _ = try await loop.client.jobStatus()
        _ = try await loop.client.jobStatus()
        var tokenCalls = await loop.emulator.core.statistics.tokenRequests
        XCTAssertEqual(tokenCalls, 1, "the token is cached")
        await loop.client.tokens.invalidate()
        _ = try await loop.client.jobStatus()
        tokenCalls = await loop.emulator.core.statistics.tokenRequests
        XCTAssertEqual(tokenCalls, 2)
        await loop.stop()
    }

    func testExpiredTokenIsRefreshedTransparently() async throws {
        let loop = try await LoopbackClient.start { $0.tokenLifetimeSeconds = 1 }
        await loop.client.tokens.setRefreshMarginForTests(0)
        _ = try await loop.client.jobStatus()
        try await Task.sleep(nanoseconds: 1_100_000_000)
        let status = try await loop.client.jobStatus()
        XCTAssertEqual(status.code, "Active")
        let exchanges = await loop.recorder.all()
        XCTAssertTrue(exchanges.contains { $0.response?.status == 401 } || exchanges.filter { $0.purpose == .token }.count == 2)
        await loop.stop()
    }

    func testTokenErrorsAreExplained() async throws {
        let loop = try await LoopbackClient.start()
        let wrong = TokenProvider(settings: loop.client.settings, credential: .secret(.init("wrong")), transport: loop.client.transport, recorder: loop.recorder)
        do {
            _ = try await wrong.token()
            XCTFail("a wrong secret must fail")
        } catch {
            guard case .token(let failure) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(failure.code, 7000215)
            XCTAssertTrue(failure.description.contains("not its Secret ID"), failure.description)
        }
        await loop.stop()
    }

    func testJobControlAndAdvice() async throws {
        let loop = try await LoopbackClient.start { $0.tenants[0].servicePrincipals[0].jobs[0].state = "NotRun" }
        var status = try await loop.client.jobStatus()
        XCTAssertEqual(status.code, "NotRun")
        XCTAssertTrue(status.advice.contains("never started"))
        try await loop.client.jobAction(.start)
        status = try await loop.client.jobStatus()
        XCTAssertEqual(status.code, "Active")
        try await loop.client.jobAction(.pause)
        status = try await loop.client.jobStatus()
        XCTAssertEqual(status.code, "Paused")
        await loop.stop()
    }

    func testProvisioningLogsFiltersAndPaging() async throws {
        let loop = try await LoopbackClient.start()
        var docs = LoopbackClient.documents(30, perDocument: 30)
        docs.append(contentsOf: LoopbackClient.documents(1, prefix: "dup"))
        let empty = BulkUploader.Document(body: Array(#"{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[{"method":"POST","bulkId":"e","path":"/Users","data":{"externalId":"","userName":"nobody@contoso.com","active":true}}],"failOnErrors":null}"#.utf8), externalIds: [""])
        docs.append(empty)
        _ = await BulkUploader(client: loop.client, pacer: .unlimited).send(docs)
        var query = LogQuery()
        query.pageSize = 7
        let all = try await loop.client.provisioningLogs(query)
        XCTAssertEqual(all.count, 32, "paging follows @odata.nextLink")
        XCTAssertEqual(Set(all.map(\.id)).count, 32)
        let one = try await loop.client.provisioningLogs(LogQuery(externalId: "u7"))
        XCTAssertEqual(one.map(\.externalId), ["u7"])
        XCTAssertEqual(one.first?.steps.map(\.name), ["EntryImport", "EntryImportAdd", "EntrySynchronizationScoping", "EntryExportAdd"],
                       "Graph's step identifiers")
        XCTAssertEqual(one.first?.steps.compactMap(\.label), ["Import from API", "Match user", "Determine if User is in scope", "Provision User"],
                       "shown with the portal's labels")
        XCTAssertEqual(one.first?.action, "create")
        let failures = try await loop.client.provisioningLogs(LogQuery(failuresOnly: true))
        XCTAssertEqual(failures.count, 1)
        XCTAssertEqual(failures.first?.reason, "Source identifier of an entry cannot be empty.")
        XCTAssertNotNil(failures.first?.recommendedAction)
        let future = try await loop.client.provisioningLogs(LogQuery(since: Date().addingTimeInterval(3600)))
        XCTAssertTrue(future.isEmpty)
        await loop.stop()
    }

    func testHTTPSWithTheEmulatorsCAAndAClearErrorWithout() async throws {
        let trusted = try await LoopbackClient.start(tls: true)
        XCTAssertTrue(trusted.emulator.baseURL.hasPrefix("https://"))
        let status = try await trusted.client.jobStatus()
        XCTAssertEqual(status.code, "Active")
        await trusted.stop()
        let untrusted = try await LoopbackClient.start(tls: true, trustCA: false)
        do {
            _ = try await untrusted.client.jobStatus()
            XCTFail("an unknown CA must be refused")
        } catch {
            guard case .transport(let e) = error else { return XCTFail("\(error)") }
            guard case .tls = e.kind else { return XCTFail(e.description) }
            XCTAssertTrue(e.description.contains("--ca-file"), e.description)
        }
        await untrusted.stop()
    }
}
