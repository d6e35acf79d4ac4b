import App
import AppTesting
import Emulator
import Foundation
import Provisioning
import SCIM
import TerminalUI
import XCTest

/// Sends from the TUI to the emulator over loopback: the connection test, the 202s in Activity,
/// the statuses in Users, the journal, and retries under injected faults.
final class SendLoopbackTests: XCTestCase {
    func testSendingTheSandboxUsersShowsEvery202AndMarksThemSent() throws {
        let sandbox = try LiveSandbox()
        sandbox.waitFor("the job state") { $0.contains("job Active") }
        sandbox.terminal.send(.function(5))
        sandbox.waitFor("the confirmation") { $0.contains("[ Send all 25 ]") }
        sandbox.terminal.send(.enter)
        sandbox.waitFor("the end of the send") { $0.contains("✓ done: every request accepted (202)") }
        sandbox.waitFor("the 202 in the list") { $0.contains("bulkUpload #1") && $0.contains("202") && $0.contains("request-id") }
        let purposes = sandbox.loop.state.activity.exchanges.map(\.purpose)
        XCTAssertTrue(purposes.contains(.token) && purposes.contains(.job) && purposes.contains(.bulkUpload(document: 0)), "\(purposes)")
        let listed = try XCTUnwrap(sandbox.loop.state.activity.exchanges.first { $0.purpose == .bulkUpload(document: 0) })
        XCTAssertEqual(listed.status, 202)
        XCTAssertNotNil(listed.requestId)
        let recorded = try sandbox.recordedExchanges()
        let upload = try XCTUnwrap(recorded.first { $0.purpose == .bulkUpload(document: 0) })
        XCTAssertEqual(upload.request.header("content-type"), "application/scim+json")
        XCTAssertFalse(String(decoding: HARExport.bytes(recorded), as: UTF8.self).contains("sandbox-secret"),
                       "no secret in what the session recorded")
        XCTAssertEqual(sandbox.loop.state.sendStatus.values.filter { $0 == .accepted || { if case .provisioned = $0 { return true } else { return false } }($0) }.count, 25)
        XCTAssertTrue(sandbox.loop.state.unsent.isEmpty, "sent users are no longer unsent")
        let journal = try SendJournal(path: sandbox.directory + "/data/scimterm/sandbox-journal.sqlite")
        XCTAssertNil(try journal.latestInterrupted(endpoint: nil), "a finished send is not offered for resume")
    }

    func testThrottlingAndServerErrorsAreRetriedUntilEveryRecordIsAccepted() throws {
        let sandbox = try LiveSandbox(batchSize: 5) { config in
            config.rateLimit = 2
            config.faults.internalErrorRate = 0.3
            config.faults.seed = 7
        }
        sandbox.waitFor("the job state") { $0.contains("job Active") }
        sandbox.terminal.send(.function(5))
        sandbox.waitFor("the confirmation") { $0.contains("5 requests of at most 5 operations") }
        sandbox.terminal.send(.enter)
        sandbox.waitFor("a wait with its reason", timeout: 30) { $0.contains("waiting") && ($0.contains("429") || $0.contains("500")) }
        sandbox.waitFor("the end of the send", timeout: 90) { $0.contains("✓ done: every request accepted (202)") }
        let progress = try XCTUnwrap(sandbox.loop.state.send)
        XCTAssertEqual(progress.acceptedRecords, 25)
        XCTAssertGreaterThan(progress.retries, 0)
        // The list takes the recorder's summaries when the loop settles: the last may follow the end by a moment.
        sandbox.waitFor("every 202 in the Activity list") { _ in sandbox.loop.state.activity.exchanges.filter { $0.status == 202 }.count == 5 }
        let statuses = sandbox.loop.state.activity.exchanges.compactMap(\.status)
        XCTAssertTrue(statuses.contains(429) || statuses.contains(500), "\(statuses)")
        XCTAssertEqual(statuses.filter { $0 == 202 }.count, 5)
    }
}
