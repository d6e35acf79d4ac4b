import App
import AppTesting
import Foundation
import Provisioning
import XCTest

/// R on Logs: a restart purges every accepted upload Entra has not processed (ENTRA.md §5). The
/// confirmation says how many of scimterm's that is, read afresh; afterwards they are offered again.
final class RestartConfirmationTests: XCTestCase {
    let base = Date(timeIntervalSince1970: 1_800_000_000)

    private func pending(_ count: Int, usersEach: Int) -> [SendJournal.AcceptedDocument] {
        (0..<count).map { i in
            SendJournal.AcceptedDocument(sendId: "s1", index: i, externalIds: (0..<usersEach).map { "u\(i)-\($0)" },
                                         acceptedAt: base.addingTimeInterval(Double(i)))
        }
    }

    func testTheConfirmationSaysWhatTheRestartDiscardsAndTheDiscardedAreOfferedAgain() throws {
        let k = LogFixture.connected()
        k.state.journalPath = "/tmp/scimterm-test-journal-\(UUID().uuidString).sqlite"
        k.press("6")
        _ = k.takeEffects()
        k.press("R")
        guard case .dialog(let reading, .jobAction(.restart))? = k.state.overlay else { return XCTFail("no confirmation") }
        XCTAssertTrue(reading.message.contains("Reading the provisioning logs to see which accepted uploads a restart would discard"), reading.message)
        XCTAssertEqual(k.takeEffects(), [.readRestartImpact(k.state.connect.request, journalPath: try XCTUnwrap(k.state.journalPath))])

        let impact = RestartImpact(pending: pending(3, usersEach: 5), logsProblem: nil, readAt: base)
        k.send(.restartImpactRead(impact))
        guard case .dialog(let dialog, .jobAction(.restart))? = k.state.overlay else { return XCTFail("the confirmation closed") }
        XCTAssertTrue(dialog.message.contains("⚠ Entra will discard 3 accepted documents (15 users) not yet seen in the provisioning logs"), dialog.message)
        XCTAssertTrue(dialog.message.contains("offers to send them again"), dialog.message)
        XCTAssertEqual(dialog.selectedButton, 1, "Cancel stays the default")
        XCTAssertTrue(k.text.contains("Entra will discard 3 accepted"), k.text)

        k.press("left enter")
        XCTAssertEqual(k.takeEffects(), [.jobAction(k.state.connect.request, .restart)])
        k.send(.jobActionFinished(.restart, error: nil))
        let effects = k.takeEffects()
        XCTAssertTrue(effects.contains(.purgeAfterRestart(k.state.connect.request, impact, journalPath: try XCTUnwrap(k.state.journalPath))), "\(effects)")

        k.send(.resumableSendFound(ResumableSend(sendId: "resend", created: base, documents: [["a"], ["b", "c"], ["d"]],
                                                 accepted: [false, false, false], purgedByRestart: true)))
        guard case .dialog(let offer, .resume)? = k.state.overlay else { return XCTFail("no resend offer") }
        XCTAssertEqual(offer.title, "Send again what the restart discarded?")
        XCTAssertTrue(offer.message.contains("purged 3 accepted request(s) (4 users)"), offer.message)
        XCTAssertEqual(offer.buttons.first, "Resend")
    }

    func testAFailedRestartPurgesNothing() {
        let k = LogFixture.connected()
        k.state.journalPath = "/tmp/unused.sqlite"
        k.press("6 R")
        k.send(.restartImpactRead(RestartImpact(pending: pending(1, usersEach: 2), logsProblem: nil, readAt: base)))
        k.press("left enter")
        _ = k.takeEffects()
        k.send(.jobActionFinished(.restart, error: "Graph answered 403"))
        XCTAssertFalse(k.takeEffects().contains { if case .purgeAfterRestart = $0 { return true } else { return false } },
                       "Entra did not restart: nothing was purged")
    }

    func testNothingPendingIsSaidPlainly() {
        let k = LogFixture.connected()
        k.state.journalPath = "/tmp/unused.sqlite"
        k.press("6 R")
        k.send(.restartImpactRead(RestartImpact(pending: [], logsProblem: nil, readAt: base)))
        guard case .dialog(let dialog, .jobAction(.restart))? = k.state.overlay else { return XCTFail("no confirmation") }
        XCTAssertTrue(dialog.message.hasSuffix("The journal holds no accepted upload still waiting to be processed: a restart discards nothing of scimterm's."),
                      dialog.message)
        XCTAssertTrue(k.text.contains("discards nothing of scimterm's."), k.text)
    }
}
