import Foundation
@testable import Provisioning
import XCTest

/// Never older over newer: which interrupted sends a later send superseded, as a pure function over
/// journaled sends (dates injected) and through the SQLite journal.
final class SupersedeTests: XCTestCase {
    private let endpoint = "https://e/bulkUpload"
    private let base = Date(timeIntervalSince1970: 1_800_000_000)
    private let path = NSTemporaryDirectory() + "journal-supersede-\(UUID().uuidString).sqlite"

    override func tearDown() { try? FileManager.default.removeItem(atPath: path) }

    private func doc(_ ids: [String], _ state: SendJournal.DocumentState) -> SendJournal.StoredDocument {
        SendJournal.StoredDocument(index: 0, body: [], externalIds: ids, state: state, attempts: 0)
    }

    private func send(_ id: String, at seconds: Double, endpoint: String? = nil,
                      _ documents: [SendJournal.StoredDocument]) -> SendJournal.StoredSend {
        SendJournal.StoredSend(id: id, endpoint: endpoint ?? self.endpoint, created: base.addingTimeInterval(seconds), documents: documents)
    }

    func testALaterSendCarryingAnUnacceptedUserSupersedesNamingTheNewestCarrier() {
        let older = send("A", at: 0, [doc(["1", "2"], .accepted), doc(["3", "4"], .pending), doc(["5"], .failed)])
        let middle = send("B", at: 60, [doc(["4"], .accepted)])
        let newest = send("C", at: 120, [doc(["4", "5"], .pending)])
        let found = SendJournal.superseded([older, middle, newest])
        XCTAssertEqual(found.map(\.sendId), ["A"])
        let a = found[0]
        XCTAssertEqual(a.unacceptedDocuments, 2)
        XCTAssertEqual(a.unacceptedExternalIds, ["3", "4", "5"], "accepted users are not what a resume sends")
        XCTAssertEqual(a.supersededDocuments, 2)
        XCTAssertEqual(a.overlaps.map(\.externalId), ["4", "5"])
        XCTAssertEqual(a.overlaps.map(\.newer.sendId), ["C", "C"], "the newest send carrying the user, pending or not")
        XCTAssertEqual(a.newerSends, [SendJournal.NewerSend(sendId: "C", created: base.addingTimeInterval(120))])
    }

    func testOnlyLaterSendsSupersedeAndOnlyUnacceptedDocumentsCount() {
        // Journal order is not time order here: "created" decides.
        let later = send("L", at: 300, [doc(["1"], .pending)])
        let earlier = send("E", at: 100, [doc(["1"], .accepted)])
        XCTAssertEqual(SendJournal.superseded([later, earlier]), [], "an earlier send never supersedes a later one")
        let done = send("D", at: 0, [doc(["1"], .accepted), doc(["2"], .purged)])
        XCTAssertEqual(SendJournal.superseded([done, later]), [], "accepted and purged documents are never resent")
        let disjoint = send("X", at: 0, [doc(["9"], .pending)])
        XCTAssertEqual(SendJournal.superseded([disjoint, later]), [], "no shared user, no supersession")
    }

    func testSameSecondSendsAreOrderedByTheInstantThenByJournalOrder() {
        let first = send("first", at: 0.2, [doc(["1"], .pending)])
        let second = send("second", at: 0.7, [doc(["1"], .pending)])
        XCTAssertEqual(SendJournal.superseded([second, first]).map(\.sendId), ["first"], "0.2 s is before 0.7 s in the same second")
        let tieA = send("tieA", at: 5, [doc(["1"], .pending)])
        let tieB = send("tieB", at: 5, [doc(["1"], .sending)])
        XCTAssertEqual(SendJournal.superseded([tieA, tieB]).map(\.sendId), ["tieA"], "journaled first is older")
        XCTAssertEqual(SendJournal.superseded([tieB, tieA]).map(\.sendId), ["tieB"])
    }

    func testOtherEndpointsAndEmptyExternalIdsAreIgnored() {
        let older = send("A", at: 0, [doc(["1", ""], .pending)])
        let elsewhere = send("B", at: 60, endpoint: "https://other/bulkUpload", [doc(["1"], .accepted)])
        let blank = send("C", at: 90, [doc([""], .accepted)])
        XCTAssertEqual(SendJournal.superseded([older, elsewhere, blank]), [], "another job's directory is another directory")
        XCTAssertEqual(SendJournal.superseded([older, elsewhere, blank], acrossEndpoints: true).map(\.sendId), ["A"],
                       "the sandbox's own journal is one directory whatever its port")
        let here = send("D", at: 120, [doc(["1"], .failed)])
        let found = SendJournal.superseded([older, elsewhere, blank, here])
        XCTAssertEqual(found.map(\.sendId), ["A"])
        XCTAssertEqual(found.first?.overlaps.map(\.newer.sendId), ["D"])
    }

    func testTheNewestFirstAndEveryCarrierIsReported() {
        let a = send("A", at: 0, [doc(["1"], .pending), doc(["2"], .pending)])
        let b = send("B", at: 10, [doc(["2", "3"], .pending)])
        let c = send("C", at: 20, [doc(["1", "3"], .accepted)])
        let found = SendJournal.superseded([a, b, c])
        XCTAssertEqual(found.map(\.sendId), ["B", "A"], "newest first")
        XCTAssertEqual(found[1].overlaps.map(\.newer.sendId), ["C", "B"])
        XCTAssertEqual(found[1].newerSends.map(\.sendId), ["C", "B"], "newest first")
        XCTAssertEqual(found[0].overlaps.map(\.externalId), ["3"])
    }

    // MARK: - through the journal

    private func begin(_ journal: SendJournal, _ ids: [[String]], at seconds: Double, endpoint: String? = nil) throws -> String {
        try journal.begin(endpoint: endpoint ?? self.endpoint, documents: ids.map { (Array("{}".utf8), $0) },
                          now: base.addingTimeInterval(seconds))
    }

    func testTheJournalFindsAnInterruptedSendThatALaterOneSuperseded() throws {
        let journal = try SendJournal(path: path)
        let a = try begin(journal, [["w1", "w2"], ["w3"], ["w4"]], at: 0)
        try journal.update(a, document: 0, state: .sending, at: base)
        try journal.update(a, document: 0, state: .accepted, requestId: "r1", at: base)
        try journal.update(a, document: 1, state: .sending, at: base)
        let b = try begin(journal, [["w3", "w9"]], at: 0.5)
        _ = try begin(journal, [["w4"]], at: 30, endpoint: "https://other/bulkUpload")

        let found = try journal.superseded(endpoint: endpoint)
        XCTAssertEqual(found.map(\.sendId), [a])
        XCTAssertEqual(found.first?.unacceptedExternalIds, ["w3", "w4"])
        XCTAssertEqual(found.first?.overlaps, [SendJournal.Overlap(externalId: "w3", newer: SendJournal.NewerSend(sendId: b, created: base.addingTimeInterval(0.5)))])
        XCTAssertEqual(found.first?.supersededDocuments, 1)
        XCTAssertEqual(try journal.supersession(of: a)?.sendId, a)
        XCTAssertNil(try journal.supersession(of: b), "the newest send is superseded by nothing")
        XCTAssertEqual(try journal.superseded(endpoint: nil).map(\.sendId), [a], "every endpoint, each compared with its own")

        // Once A's remaining documents are accepted there is nothing to resend, so nothing superseded.
        try journal.update(a, document: 1, state: .accepted, at: base)
        try journal.update(a, document: 2, state: .accepted, at: base)
        XCTAssertEqual(try journal.superseded(endpoint: endpoint), [])
    }

    func testJournalOrderBreaksATieOfCreatedTimes() throws {
        let journal = try SendJournal(path: path)
        let first = try begin(journal, [["w1"]], at: 7)
        _ = try begin(journal, [["w1"]], at: 7)
        XCTAssertEqual(try journal.superseded(endpoint: endpoint).map(\.sendId), [first])
    }
}
