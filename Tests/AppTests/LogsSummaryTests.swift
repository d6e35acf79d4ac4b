@testable import App
import AppTesting
import Foundation
@testable import Provisioning
import SCIM
import TerminalUI
import XCTest

/// The Logs screen's upload summary (issue 13 §4): `s` reads the followed send from the journal and
/// reconciles it with the entries by `UploadReconciliation`; Enter on a failure shows its user in
/// Users; F resends exactly the failed users' current records through the send confirmation. The
/// clock is fixed; the journal's answer is sent as the runner would.
final class LogsSummaryTests: XCTestCase {
    private let base = LogFixture.base
    private let journal = "/tmp/scimterm-summary-test.sqlite"

    /// A send of four users in two documents, both accepted at `base`.
    private func storedSend(id: String = "send-1", documents: [[String]] = [["1001", "1002"], ["1003", "1005"]]) -> SendJournal.StoredSend {
        Self.storedSend(id: id, documents: documents, at: base)
    }

    /// A journaled send as the journal reads it back without payloads, every document accepted at `at`
    /// (the other screen tests build theirs here: the initialisers are the journal's own).
    static func storedSend(id: String = "send-1", documents: [[String]], at: Date) -> SendJournal.StoredSend {
        let docs = documents.enumerated().map { i, ids in
            SendJournal.StoredDocument(index: i, body: [], externalIds: ids, state: .accepted, attempts: 1,
                                       requestId: "req-\(i + 1)", reason: nil, acceptedAt: at)
        }
        return SendJournal.StoredSend(id: id, endpoint: "e", created: at, documents: docs)
    }

    /// After the send: 1001 created, 1002 updated, 1005 failed (an older failure of 1001 does not
    /// count), 1003 not seen yet; the Logs screen shown.
    private func followed(width: Int = 100, height: Int = 30) throws -> Keys {
        let k = LogFixture.connected(width: width, height: height)
        k.state.journalPath = journal
        k.state.logs.window = .all
        LogFixture.finishSend(k, externalIds: ["1001", "1002", "1003", "1005"], at: base)
        let entries = [try LogFixture.created("1001", "Zoë Ångström", at: base.addingTimeInterval(372)),
                       try LogFixture.updated("1002", "José García", at: base.addingTimeInterval(373), department: ("Sales", "Engineering")),
                       try LogFixture.conflict("1005", "Łukasz Kowalczyk", at: base.addingTimeInterval(374)),
                       try LogFixture.parse(LogFixture.json(id: "old-1001", at: base.addingTimeInterval(-3600), action: "create",
                                                            status: "failure", externalId: "1001", name: "Zoë", steps: [],
                                                            failure: ("Old", "an earlier send's failure", "none")))]
        k.send(.logsFetched(generation: k.state.logs.generation, .entries(entries, at: base.addingTimeInterval(376))))
        k.press("6")
        k.send(.tick(base.addingTimeInterval(380)))
        _ = k.takeEffects()
        return k
    }

    private func summarised(width: Int = 100, height: Int = 30) throws -> Keys {
        let k = try followed(width: width, height: height)
        k.press("s")
        k.send(.reconciledSendRead(.success(storedSend()), at: base.addingTimeInterval(381)))
        return k
    }

    // MARK: The toggle and the journal's answer

    func testSReadsTheFollowedSendFromTheJournalAndReconcilesItPerUpload() throws {
        let k = try followed()
        k.press("s")
        XCTAssertTrue(k.state.logs.summary.shown)
        let endpoint = try XCTUnwrap(try k.state.connect.parsedEndpoint?.get()).bulkUploadURL
        XCTAssertEqual(k.takeEffects(), [.readReconciledSend(sendId: "send-1", endpoint: endpoint, journalPath: journal)])
        XCTAssertTrue(k.text.contains("Reading the send from the journal…"), k.text)

        k.send(.reconciledSendRead(.success(storedSend()), at: base.addingTimeInterval(381)))
        let r = try XCTUnwrap(k.state.logs.summary.reconciliation)
        XCTAssertEqual(r, UploadReconciliation(send: storedSend(), entries: k.state.logs.entries.map(\.log)), "one computation, the CLI's")
        XCTAssertEqual(r.sent, 4)
        XCTAssertEqual([r.total(.created), r.total(.updated), r.total(.failed), r.total(.notSeen)], [1, 1, 1, 1])
        XCTAssertEqual(r.uploads.map { $0.count(.failed) }, [0, 1])
        XCTAssertEqual(r.failures.map(\.externalId), ["1005"], "the older failure of 1001 is an earlier send's")
        XCTAssertEqual(r.failures.first?.fix, LogFixture.conflictAction)

        k.press("s")
        XCTAssertFalse(k.state.logs.summary.shown, "s again: the entries")
        XCTAssertEqual(k.takeEffects(), [])
    }

    func testEscBacksOutOfTheSummaryAndAnAnswerForAnotherSendIsDropped() throws {
        let k = try followed()
        k.press("s")
        k.send(.reconciledSendRead(.success(storedSend(id: "another")), at: base))
        XCTAssertNil(k.state.logs.summary.send, "not the send asked for")
        XCTAssertTrue(k.state.logs.summary.reading)
        k.press("escape")
        XCTAssertFalse(k.state.logs.summary.shown)
    }

    func testAJournalWithoutASendSaysSoPlainly() throws {
        let k = try followed()
        k.press("s")
        k.send(.reconciledSendRead(.success(nil), at: base))
        XCTAssertTrue(k.state.logs.summary.noSend)
        XCTAssertTrue(k.text.contains("The send journal has no send to this endpoint"), k.text)
        k.press("F")
        XCTAssertEqual(k.state.message?.text, "no send reconciled yet: the summary names what it waits for")
    }

    func testNewEntriesAreReconciledAsTheyArrive() throws {
        let k = try summarised()
        XCTAssertEqual(k.state.logs.summary.reconciliation?.total(.notSeen), 1)
        let late = try LogFixture.skipped("1003", "Björn Søndergaard", at: base.addingTimeInterval(390))
        k.send(.logsFetched(generation: k.state.logs.generation, .entries([late], at: base.addingTimeInterval(391))))
        XCTAssertEqual(k.state.logs.summary.reconciliation?.total(.notSeen), 0)
        XCTAssertEqual(k.state.logs.summary.reconciliation?.total(.skipped), 1)
    }

    // MARK: Enter on a failure

    func testEnterOnAFailureSelectsThatUserInUsers() throws {
        let k = try summarised()
        k.press("enter")
        XCTAssertEqual(k.state.screen, .users)
        let id = try XCTUnwrap(LogFixture.recordID(k, "1005"))
        XCTAssertEqual(k.state.users.selectedID(store: k.state.store), id)
        XCTAssertTrue(k.state.message?.text.contains("1005") == true && k.state.message?.text.contains("failed in upload 2") == true,
                      "\(String(describing: k.state.message))")
    }

    // MARK: Resend the failed

    func testResendTheFailedSendsExactlyTheFailedUsersCurrentRecords() throws {
        let k = try summarised()
        let id = try XCTUnwrap(LogFixture.recordID(k, "1005"))
        var fixed = try XCTUnwrap(k.state.store.entry(id: id)).record
        fixed.userName = "lukasz.k2@contoso.com"
        XCTAssertTrue(k.state.store.replace(id: id, with: fixed))

        k.press("F")
        guard case .dialog(let dialog, .send(let scopes))? = k.state.overlay else { return XCTFail("the send confirmation: \(String(describing: k.state.overlay))") }
        XCTAssertEqual(scopes, [.failed(FailedUsersPick(failures: k.state.logs.summary.failures, store: k.state.store))])
        XCTAssertEqual(dialog.buttons, ["Send the 1 failed", "Cancel"])
        XCTAssertTrue(dialog.message.contains("1 failed user: 1 request"), dialog.message)
        let check = k.takeEffects()
        XCTAssertTrue(check.contains(.assessSendImpact(records: [fixed], endpoint: try k.state.connect.parsedEndpoint?.get().bulkUploadURL,
                                                       journalPath: journal)), "the changes are assessed for the resent users only: \(check)")

        k.press("enter")
        let sent = k.takeEffects().compactMap { effect -> [SendDocument]? in
            if case .send(_, let documents, _) = effect { return documents } else { return nil }
        }
        let documents = try XCTUnwrap(sent.first)
        XCTAssertEqual(documents.map(\.externalIds), [["1005"]])
        XCTAssertEqual(documents.map(\.recordIDs), [[id]])
        let body = String(decoding: documents[0].bytes, as: UTF8.self)
        XCTAssertTrue(body.contains("lukasz.k2@contoso.com"), "the current, fixed record: \(body)")
    }

    func testAFailedUserNoLongerInTheWorkspaceIsNamed() throws {
        let k = try summarised()
        let gone = try XCTUnwrap(LogFixture.recordID(k, "1005"))
        k.state.store.remove(ids: [gone])
        k.press("F")
        XCTAssertNil(k.state.overlay)
        XCTAssertEqual(k.state.message?.text, "1 failed user is not in the workspace: 1005: nothing to resend")
    }

    func testThePickKeepsTheWorkspaceUsersAndNamesTheOthers() {
        let store = RecordStore([Fixture.user("1001", "a@contoso.com"), Fixture.user("1002", "b@contoso.com")])
        let failures = ["1002", "9999", "", "1002"].map {
            UploadReconciliation.Failure(externalId: $0, document: 0, errorCode: nil, reason: "r", fix: nil)
        }
        let pick = FailedUsersPick(failures: failures, store: store)
        XCTAssertEqual(pick.recordIDs, [2], "once each, by externalId")
        XCTAssertEqual(pick.missing, ["9999", ""])
        XCTAssertEqual(pick.missingText, "2 failed users are not in the workspace: 9999, (no externalId)")
    }

    func testResendIsDisabledWithAReasonOutsideTheSummaryAndWithoutFailures() throws {
        let k = try followed()
        k.press("F")
        XCTAssertEqual(k.state.message?.text, "the upload summary is not shown: s shows it, then F resends its failed users")
        k.press("s")
        let clean = storedSend(documents: [["1001", "1002"]])
        k.send(.reconciledSendRead(.success(clean), at: base))
        k.press("F")
        XCTAssertEqual(k.state.message?.text, "no user of this send failed: nothing to resend")
        XCTAssertNil(k.state.overlay)
    }
}
