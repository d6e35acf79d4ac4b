@testable import App
import AppTesting
import Foundation
import Provisioning
import XCTest

/// The TUI's resume offer never puts older data over newer silently: an interrupted send that a
/// later send superseded is offered only as "Resend anyway (overwrites …)", with "Not now" the default.
final class SupersededResumeOfferTests: XCTestCase {
    private let endpoint = "https://graph.microsoft.com/beta/servicePrincipals/sp/synchronization/jobs/j/bulkUpload"
    private let base = Date(timeIntervalSince1970: 1_800_000_000)
    private let path = NSTemporaryDirectory() + "journal-offer-\(UUID().uuidString).sqlite"

    override func tearDown() { try? FileManager.default.removeItem(atPath: path) }

    private func connected() -> Keys {
        let k = Keys(Fixture.validated(Fixture.connected()))
        k.send(.connectionTested(generation: 0, .connected(ConnectionReport(jobState: "Active", advice: "", tokenExpiry: "12:00", processesUploads: true))))
        k.state.journalPath = path
        return k
    }

    /// Send A (1001–1004 in two documents) stops after its first; send B, a minute later, carries `laterIds`.
    private func journal(laterIds: [String]) throws -> String {
        let journal = try SendJournal(path: path)
        let a = try journal.begin(endpoint: endpoint, documents: [(Array("{}".utf8), ["1001", "1002"]), (Array("{}".utf8), ["1003", "1004"])],
                                  now: base)
        try journal.update(a, document: 0, state: .accepted, at: base)
        let b = try journal.begin(endpoint: endpoint, documents: [(Array("{}".utf8), laterIds)], now: base.addingTimeInterval(60))
        try journal.update(b, document: 0, state: .accepted, at: base.addingTimeInterval(60))
        try journal.finish(b)
        return a
    }

    func testASupersededSendIsOfferedOnlyAsAnExplicitOverwriteWithNotNowTheDefault() throws {
        let a = try journal(laterIds: ["1003", "1004", "1005"])
        let found = try XCTUnwrap(ProvisioningSession.findResumable(endpoint: endpoint, journalPath: path))
        XCTAssertEqual(found.sendId, a, "the interrupted send, not the later finished one")
        XCTAssertEqual(found.superseded?.overlaps.map(\.externalId), ["1003", "1004"])
        let sandbox = try XCTUnwrap(ProvisioningSession.findResumable(endpoint: nil, journalPath: path), "the sandbox searches every endpoint")
        XCTAssertEqual(sandbox, found)

        let k = connected()
        k.send(.resumableSendFound(found))
        guard case .dialog(let dialog, .resume)? = k.state.overlay else { return XCTFail("no offer") }
        XCTAssertEqual(dialog.title, "The interrupted send is superseded")
        XCTAssertEqual(dialog.buttons, ["Resend anyway (overwrites newer data for 2 users)", "Not now", "Forget it"])
        XCTAssertEqual(dialog.selectedButton, 1, "Not now is the default")
        XCTAssertTrue(dialog.message.contains("has since sent newer data for 2 of those users"), dialog.message)
        XCTAssertTrue(k.text.contains("superseded"), k.text)

        k.press("enter")
        XCTAssertNil(k.state.overlay)
        XCTAssertFalse(k.effects.contains { if case .resumeSend = $0 { return true } else { return false } }, "Enter resends nothing")
        XCTAssertEqual(k.state.message?.text, "the interrupted send stays in the journal for next time")
    }

    func testResendAnywayResumesTheSendAndForgetItMarksItFinished() throws {
        let a = try journal(laterIds: ["1004"])
        let found = try XCTUnwrap(ProvisioningSession.findResumable(endpoint: endpoint, journalPath: path))
        let k = connected()
        k.send(.resumableSendFound(found))
        XCTAssertTrue(k.text.contains("overwrites newer data for 1 user)"), k.text)
        k.press("left enter")
        XCTAssertTrue(k.effects.contains(.resumeSend(k.state.connect.request, sendId: a, journalPath: path)), "\(k.effects)")

        let other = connected()
        other.send(.resumableSendFound(found))
        other.press("right enter")
        XCTAssertEqual(other.effects.last, .forgetSend(sendId: a, journalPath: path))
    }

    func testTheSandboxComparesItsSendsWhateverPortEachRunHad() throws {
        let journal = try SendJournal(path: path)
        let first = "http://127.0.0.1:40001/sandbox/bulkUpload", second = "http://127.0.0.1:40002/sandbox/bulkUpload"
        let a = try journal.begin(endpoint: first, documents: [(Array("{}".utf8), ["1001"])], now: base)
        let b = try journal.begin(endpoint: second, documents: [(Array("{}".utf8), ["1001"])], now: base.addingTimeInterval(60))
        try journal.finish(b)
        XCTAssertEqual(ProvisioningSession.findResumable(endpoint: nil, journalPath: path)?.superseded?.sendId, a)
        let real = try XCTUnwrap(ProvisioningSession.findResumable(endpoint: first, journalPath: path))
        XCTAssertNil(real.superseded, "a real endpoint is compared with itself only")
    }

    func testASendNoLaterSendOverlapsIsOfferedAsBefore() throws {
        _ = try journal(laterIds: ["2001"])
        let found = try XCTUnwrap(ProvisioningSession.findResumable(endpoint: endpoint, journalPath: path))
        XCTAssertNil(found.superseded)
        let k = connected()
        k.send(.resumableSendFound(found))
        guard case .dialog(let dialog, .resume)? = k.state.overlay else { return XCTFail("no offer") }
        XCTAssertEqual(dialog.title, "Resume the interrupted send?")
        XCTAssertEqual(dialog.selectedButton, 0)
    }
}
