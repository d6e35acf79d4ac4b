import App
import AppTesting
import Foundation
import Provisioning
import SCIM
import XCTest

/// A large send's BulkRequests are serialised by the runner, not on the UI loop.
final class SendOffLoopTests: XCTestCase {
    private func connected(users count: Int) -> Keys {
        let records = (1...count).map { i in
            UserRecord(data: ["schemas": .array([.string("urn:ietf:params:scim:schemas:core:2.0:User")]),
                              "externalId": .string("E\(i)"), "userName": .string("u\(i)@contoso.com")])
        }
        var state = Fixture.connected(width: 100, height: 30)
        state = TUI.update(state, .fileLoaded(path: "test", LoadedFile(records: records, summary: ""))).0
        let k = Keys(Fixture.validated(state))
        k.send(.connectionTested(generation: 0, .connected(ConnectionReport(jobState: "Active", advice: "", tokenExpiry: "12:00", processesUploads: true))))
        return k
    }

    private func sent(_ k: Keys) -> [SendDocument]? {
        for effect in k.effects.reversed() { if case .send(_, let documents, _) = effect { return documents } }
        return nil
    }

    private func build(_ k: Keys) -> SendBuild? {
        for effect in k.effects.reversed() { if case .buildSend(let build) = effect { return build } }
        return nil
    }

    func testALargeSendIsBuiltByTheRunnerThenStarts() throws {
        let k = connected(users: 5_001)
        k.press("f5")
        k.press("enter")
        XCTAssertNil(sent(k), "nothing serialised on the loop")
        let pending = try XCTUnwrap(build(k))
        XCTAssertTrue(k.text.contains("preparing 5001 users…"), k.text)

        let documents = pending.documents()
        XCTAssertEqual(documents.count, 101, "5,001 users in BulkRequests of 50")
        XCTAssertEqual(documents.last?.recordIDs.count, 1)
        k.send(.sendBuilt(title: pending.title, documents))
        XCTAssertEqual(sent(k)?.count, 101)
        XCTAssertEqual(k.state.screen, .activity)
        XCTAssertEqual(k.state.sendStatus.values.filter { $0 == .queued }.count, 5_001)

        // A second preparation that finishes while this send runs does not start another.
        let before = k.effects.count
        k.send(.sendBuilt(title: pending.title, documents))
        XCTAssertFalse(k.effects.dropFirst(before).contains { if case .send = $0 { return true } else { return false } })
        XCTAssertTrue(k.text.contains("another send started"), k.text)
    }

    func testASmallSendIsStillBuiltAtOnce() {
        let k = connected(users: 30)
        k.press("f5")
        k.press("enter")
        XCTAssertNil(build(k))
        XCTAssertEqual(sent(k)?.count, 1)
    }
}
