import Foundation
import Provisioning
import SCIM
import XCTest

/// The destructive-send guard's counts, against a real journal: what each user's last accepted send
/// to the endpoint carried, compared with what is about to go.
final class SendImpactTests: XCTestCase {
    let sentAt = Date(timeIntervalSince1970: 1_800_000_000)
    private var path = ""

    override func setUp() { path = NSTemporaryDirectory() + "impact-\(UUID().uuidString).sqlite" }
    override func tearDown() { try? FileManager.default.removeItem(atPath: path) }

    private func user(_ id: String, active: Bool?, userName: String? = nil, manager: String? = nil) -> UserRecord {
        var record = UserRecord()
        record.data.setAttribute("externalId", .string(id))
        record.data.setAttribute("userName", .string(userName ?? "\(id)@contoso.com"))
        if let active { record.data.setAttribute("active", .bool(active)) }
        if let manager {
            record.data.setAttribute(SCIMSchema.enterpriseUser, .object(JSONObject([(key: "manager", value: .object(JSONObject([(key: "value", value: .string(manager))])))])))
        }
        return record
    }

    /// Journals `records` as one accepted send to `endpoint`, as a send does.
    private func accepted(_ records: [UserRecord], endpoint: String = "E", journal: SendJournal, streamed: Bool = false) throws {
        if streamed {
            var stream = BulkDocumentStream(builder: BulkRequestBuilder(batchSize: 50))
            let id = try journal.beginStreaming(endpoint: endpoint, now: sentAt) { appender in
                try stream.add(records) { (built) throws(any Error) in try appender.append(built) }
                try stream.finish { (built) throws(any Error) in try appender.append(built) }
            }
            try journal.update(id, document: 0, state: .accepted, at: sentAt)
            return
        }
        let body = BulkRequestBuilder(batchSize: 50).documents(for: records)[0].bytes()
        let id = try journal.begin(endpoint: endpoint, documents: [(body, records.map { $0.externalId ?? "" })], now: sentAt)
        try journal.update(id, document: 0, state: .accepted, at: sentAt)
    }

    private func impact(_ records: [UserRecord], journal: SendJournal, endpoint: String = "E") throws -> SendImpact {
        var impact = SendImpact()
        impact.add(records, previous: try journal.lastAccepted(endpoint: endpoint, externalIds: Set(records.compactMap(\.externalId))))
        return impact
    }

    func testLeavingActiveOutOrSettingItFalseCountsAsDisablingAnEnabledUser() throws {
        for streamed in [false, true] {
            let journal = try SendJournal(path: path + (streamed ? "s" : ""))
            defer { try? FileManager.default.removeItem(atPath: path + "s") }
            try accepted([user("1", active: true), user("2", active: true), user("3", active: false), user("4", active: true)],
                         journal: journal, streamed: streamed)
            let found = try impact([user("1", active: nil), user("2", active: false), user("3", active: nil), user("4", active: true),
                                    user("5", active: nil)], journal: journal)
            XCTAssertEqual(found.users, 5)
            XCTAssertEqual(found.new, 1, "5 was never accepted")
            XCTAssertEqual(found.disabled, 2, "1 left out, 2 set false; 3 was already disabled (streamed: \(streamed))")
            XCTAssertEqual(found.disabledExamples, ["1", "2"])
            XCTAssertTrue(found.summary.hasPrefix("5 users: 1 new, 2 disabled"), found.summary)
        }
    }

    func testRenamesAndManagerChangesCountButALeftOutManagerStaysAsItWas() throws {
        let journal = try SendJournal(path: path)
        try accepted([user("1", active: true, manager: "9"), user("2", active: true, manager: "9"), user("3", active: true)], journal: journal)
        let found = try impact([user("1", active: true, userName: "renamed@contoso.com", manager: "9"),
                                user("2", active: true, manager: "8"), user("3", active: true)], journal: journal)
        XCTAssertEqual(found.userNameChanged, 1)
        XCTAssertEqual(found.managerChanged, 1)
        XCTAssertEqual(found.disabled, 0)
        XCTAssertEqual(try impact([user("2", active: true)], journal: journal).managerChanged, 0, "left out: Entra keeps the manager")
    }

    func testOtherEndpointsAndUnacceptedSendsAreNotHistory() throws {
        let journal = try SendJournal(path: path)
        try accepted([user("1", active: true)], endpoint: "other", journal: journal)
        let body = BulkRequestBuilder(batchSize: 50).documents(for: [user("2", active: true)])[0].bytes()
        _ = try journal.begin(endpoint: "E", documents: [(body, ["2"])], now: sentAt)
        XCTAssertFalse(try journal.hasAccepted(endpoint: "E"))
        XCTAssertTrue(try journal.hasAccepted(endpoint: "other"))
        let found = try impact([user("1", active: nil), user("2", active: nil)], journal: journal)
        XCTAssertEqual(found.new, 2)
        XCTAssertEqual(found.disabled, 0)
    }

    func testTheLimitIsTenOrFivePercentWhicheverIsSmallerAndAtLeastOne() {
        func limit(users: Int, max: Int? = nil) -> Int {
            var impact = SendImpact()
            impact.addNew(users)
            return impact.disableLimit(maxDisable: max)
        }
        XCTAssertEqual(limit(users: 1), 1, "one leaver's record alone passes")
        XCTAssertEqual(limit(users: 100), 5)
        XCTAssertEqual(limit(users: 1_000), 10)
        XCTAssertEqual(limit(users: 50_000), 10)
        XCTAssertEqual(limit(users: 50_000, max: 0), 0)
        XCTAssertEqual(limit(users: 10, max: 3), 3)
    }
}
