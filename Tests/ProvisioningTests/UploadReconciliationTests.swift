import Foundation
import Provisioning
import SCIM
import XCTest

/// The reconciliation of a journaled send with the provisioning logs: per upload, each user's
/// newest entry from after its document's acceptance, and the users with none.
final class UploadReconciliationTests: XCTestCase {
    let acceptedAt = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15T08:00:00Z
    private var path = ""

    override func setUp() { path = NSTemporaryDirectory() + "reconcile-\(UUID().uuidString).sqlite" }
    override func tearDown() { try? FileManager.default.removeItem(atPath: path) }

    private func entry(_ id: String, _ externalId: String, at time: String, action: String = "create", status: String = "success",
                       reason: String? = nil) throws -> ProvisioningLog {
        let error = reason.map { #","errorInformation":{"errorCode":"AzureActiveDirectoryConflictEntry","reason":"\#($0)","recommendedAction":"Make userName unique."}"# } ?? ""
        let json = #"{"id":"\#(id)","activityDateTime":"\#(time)","provisioningAction":"\#(action)","# +
            #""provisioningStatusInfo":{"status":"\#(status)"\#(error)},"sourceIdentity":{"id":"\#(externalId)","displayName":"x"}}"#
        return try XCTUnwrap(ProvisioningLog(try JSONParser.parse(Array(json.utf8))))
    }

    /// Two documents: the first accepted, the second failed with a 400.
    private func send() throws -> SendJournal.StoredSend {
        let journal = try SendJournal(path: path)
        let id = try journal.begin(endpoint: "E", documents: [(Array("{}".utf8), ["a", "b", "c", "d"]), (Array("{}".utf8), ["e"])],
                                   now: acceptedAt.addingTimeInterval(-5))
        try journal.update(id, document: 0, state: .sending, at: acceptedAt)
        try journal.update(id, document: 0, state: .accepted, requestId: "req-1", at: acceptedAt.addingTimeInterval(1))
        try journal.update(id, document: 1, state: .failed, reason: "400 Bad Request", at: acceptedAt)
        return try XCTUnwrap(journal.send(id))
    }

    func testEachUserCountsOnceByItsNewestEntryAfterTheAcceptance() throws {
        let r = UploadReconciliation(send: try send(), entries: [
            try entry("1", "a", at: "2027-01-15T07:59:59Z", action: "update", status: "failure", reason: "older send"),
            try entry("2", "a", at: "2027-01-15T08:00:00Z"),                         // that very second counts
            try entry("3", "b", at: "2027-01-15T08:05:00Z", action: "create"),
            try entry("4", "b", at: "2027-01-15T08:05:01Z", action: "update"),       // newest wins
            try entry("5", "c", at: "2027-01-15T08:06:00Z", action: "create", status: "failure", reason: "The userPrincipalName 'x' is taken."),
            try entry("6", "e", at: "2027-01-15T08:06:00Z"),                         // its document was never accepted
        ])
        XCTAssertEqual(r.sent, 4)
        XCTAssertEqual(r.total(.created), 1)
        XCTAssertEqual(r.total(.updated), 1)
        XCTAssertEqual(r.total(.failed), 1)
        XCTAssertEqual(r.total(.notSeen), 1, "d has no entry")
        XCTAssertEqual(r.failures, [.init(externalId: "c", document: 0, errorCode: "AzureActiveDirectoryConflictEntry",
                                          reason: "The userPrincipalName 'x' is taken.", fix: "Make userName unique.")])
        XCTAssertEqual(r.uploads[1].accepted, false)
        XCTAssertEqual(r.uploads[1].notAcceptedReason, "400 Bad Request")
        XCTAssertEqual(r.totalsLine, "4 sent · 1 created · 1 updated · 0 disabled · 0 skipped · 1 failed · 1 not yet seen")
    }

    func testTheTableNamesEveryUploadAndFailureAndTheJSONHasTheSameCounts() throws {
        let r = UploadReconciliation(send: try send(), entries: [
            try entry("5", "c", at: "2027-01-15T08:06:00Z", status: "failure", reason: "taken\\u001b[2J"),
            try entry("7", "d", at: "2027-01-15T08:06:00Z", action: "disable"),
        ])
        let lines = r.tableLines { _ in "08:00" }
        XCTAssertTrue(lines[0].hasSuffix("4 sent · 0 created · 0 updated · 1 disabled · 0 skipped · 1 failed · 2 not yet seen"), lines[0])
        XCTAssertTrue(lines.contains { $0.hasPrefix("1 ") && $0.contains("req-1") && $0.contains("08:00") }, lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains { $0.hasPrefix("2 ") && $0.contains("not accepted: 400 Bad Request; 1 users not sent") }, lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains("  c (upload 1): AzureActiveDirectoryConflictEntry: taken\\e[2J"), lines.joined(separator: "\n"))
        let json = r.json { _ in "T" }.objectValue
        XCTAssertEqual(json?["outcomes"]?.objectValue?["disabled"]?.numberValue?.text, "1")
        XCTAssertEqual(json?["outcomes"]?.objectValue?["notYetSeen"]?.numberValue?.text, "2")
        XCTAssertEqual(json?["failures"]?.arrayValue?.count, 1)
    }
}
