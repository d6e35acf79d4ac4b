import App
import AppTesting
import Foundation
import Provisioning
import SCIM
import TerminalUI
import XCTest

/// The send confirmation compares the users with the journal's last accepted sends: it says how many
/// are new, disabled, renamed or re-managed, and when too many would be disabled, Cancel is the default.
final class SendImpactConfirmationTests: XCTestCase {
    private func opened() -> Keys {
        var state = Fixture.connected()
        state.journalPath = "/nonexistent/journal.sqlite"
        return Keys(state).press("2 f5")
    }

    /// Each user last accepted as enabled; the first `leavers` now leave `active` out.
    private func impact(_ records: [UserRecord], leavers: Int) -> SendImpact {
        var previous: [String: SendJournal.SentAttributes] = [:]
        for r in records { previous[r.externalId ?? ""] = .init(paths: [], at: Date(timeIntervalSince1970: 0), active: .enabled, userName: r.userName) }
        let now = records.enumerated().map { i, r -> UserRecord in
            var copy = r
            if i < leavers { copy.data.setAttribute("active", nil) }
            return copy
        }
        var impact = SendImpact()
        impact.add(now, previous: previous)
        return impact
    }

    private func message(_ k: Keys) -> String {
        guard case .dialog(let dialog, .send)? = k.state.overlay else { return "" }
        return dialog.message
    }

    func testTheConfirmationAsksTheJournalAndSaysWhatChanges() {
        let k = opened()
        let asked = k.effects.contains { effect in
            if case .assessSendImpact(let records, _, "/nonexistent/journal.sqlite") = effect { return records.count == 25 }
            return false
        }
        XCTAssertTrue(asked, "the confirmation asks the journal for all 25 users")
        XCTAssertTrue(message(k).contains("Changes: comparing with the last accepted sends…"), message(k))
        // The sample set's intern (1024) leaves `active` out already: with one more, two are disabled.
        let found = impact(k.state.store.records, leavers: 0)
        XCTAssertEqual(found.disabled, 1, "1024 has no active")
        k.send(.sendImpactAssessed(.success(found)))
        XCTAssertTrue(message(k).contains("Changes: 25 users: 0 new, 1 disabled (enabled → active false or left out), 0 userName changed"), message(k))
        XCTAssertFalse(message(k).contains("DISABLED"), "one leaver is within the limit")
    }

    func testTooManyDisabledMakesCancelTheDefaultAndSaysWho() {
        let k = opened()
        guard case .dialog(var dialog, let purpose)? = k.state.overlay else { return XCTFail(k.text) }
        dialog.selectedButton = 0
        k.state.overlay = .dialog(dialog, purpose)
        k.send(.sendImpactAssessed(.success(impact(k.state.store.records, leavers: 3))))
        guard case .dialog(let after, .send)? = k.state.overlay else { return XCTFail(k.text) }
        XCTAssertEqual(after.selectedButton, after.buttons.count - 1, "Cancel is the default")
        XCTAssertEqual(after.buttons.last, "Cancel")
        XCTAssertTrue(after.message.contains("⚠ 4 users would be DISABLED (1001, 1002, 1003, 1024), over the limit of 1"), after.message)
        XCTAssertTrue(k.text.contains("DISABLED"), "on screen")
        k.effects = []
        k.press("enter")
        XCTAssertNil(k.state.overlay)
        XCTAssertFalse(k.effects.contains { if case .send = $0 { return true } else { return false } }, "Enter cancelled")
    }
}
